import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nameIn, useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import {
  useAddPartnerMutation,
  useAllPartnershipMembers,
  useEditablePartnership,
  useRemovePartnerMutation,
  useUpdatePartnershipMutation,
} from '../../features/partnerships/api';
import { ORGANISATION_KINDS } from '../../api/enums';
import type { OrganisationKind, Partnership, PartnershipMember, User } from '../../api/types';
import { BackLink, ConfirmAction } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, TextInput, Textarea } from '../../components/fields';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading, SuccessBanner } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors } from '../../components/useFormErrors';
import { PartnershipLeads } from '../actions/PartnershipLeads';
import { LocalText } from '../../components/LocalText';

function EditPartnershipForm({ partnership, etag }: { partnership: Partnership; etag: string | null }) {
  const { t } = useTranslation();
  const update = useUpdatePartnershipMutation(partnership, etag);
  const [name, setName] = useState(partnership.name);
  const [nameCy, setNameCy] = useState(partnership.name_cy ?? '');
  const [description, setDescription] = useState(partnership.description ?? '');
  const [descriptionCy, setDescriptionCy] = useState(partnership.description_cy ?? '');
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('partnership-edit-', {
    name: t('admin.partnerships.name'),
    name_cy: t('admin.partnerships.nameCy'),
    description: t('admin.partnerships.description'),
    description_cy: t('admin.partnerships.descriptionCy'),
  });

  useEffect(() => {
    setName(partnership.name);
    setNameCy(partnership.name_cy ?? '');
    setDescription(partnership.description ?? '');
    setDescriptionCy(partnership.description_cy ?? '');
  }, [partnership]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (name.trim() === '') {
      form.setFieldErrors([{ name: 'name', message: t('admin.partnerships.nameMissing') }]);
      return;
    }
    form.clear();
    update.mutate(
      { name: name.trim(), name_cy: nameCy.trim() || null, description: description.trim() || null, description_cy: descriptionCy.trim() || null },
      { onSuccess: () => setSaved(true), onError: form.setProblem },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="partnership-edit-title">
      <h2 id="partnership-edit-title">{t('admin.partnerships.editTitle')}</h2>
      {saved ? <SuccessBanner title={t('common.saved')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput id={form.idFor('name')} label={t('admin.partnerships.name')} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('name')} />
      <TextInput
        id={form.idFor('name_cy')}
        label={t('admin.partnerships.nameCy')}
        hint={t('common.optional')}
        lang="cy"
        value={nameCy}
        onChange={(e) => setNameCy(e.target.value)}
        error={form.fieldError('name_cy')}
      />
      <Textarea
        id={form.idFor('description')}
        label={t('admin.partnerships.description')}
        hint={t('common.optional')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={form.fieldError('description')}
      />
      <Textarea
        id={form.idFor('description_cy')}
        label={t('admin.partnerships.descriptionCy')}
        hint={t('common.optional')}
        lang="cy"
        value={descriptionCy}
        onChange={(e) => setDescriptionCy(e.target.value)}
        error={form.fieldError('description_cy')}
      />
      <Button busy={update.isPending}>{t('common.saveChanges')}</Button>
    </form>
  );
}

function MembersSection({ partnership, user }: { partnership: Partnership; user: User }) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const members = useAllPartnershipMembers(partnership.id);
  const addPartner = useAddPartnerMutation(partnership.id);
  const removePartner = useRemovePartnerMutation(partnership.id);
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const form = useFormErrors('partner-add-', { organisation_id: t('admin.partnerships.addMemberLabel') });
  const removing = removePartner.isPending ? removePartner.variables : null;

  const adminOf = new Set(
    (user.memberships ?? []).filter((m) => m.role === 'admin').map((m) => m.organisation_id),
  );
  const memberIds = new Set((members.data ?? []).map((m) => m.organisation_id));
  const canChange = user.is_platform_admin || [...memberIds].some((id) => adminOf.has(id));
  const candidates = (organisations.data?.items ?? []).filter((org) => !memberIds.has(org.id));

  function add(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (adding === '') {
      form.setFieldErrors([{ name: 'organisation_id', message: t('admin.partnerships.chooseOrganisation') }]);
      return;
    }
    form.clear();
    addPartner.mutate(adding, {
      onSuccess: (added) => {
        setMessage(t('admin.partnerships.memberAdded', { name: nameIn(added.organisation_name, added.organisation_name_cy, i18n.language) }));
        setAdding('');
      },
      onError: form.setProblem,
    });
  }

  function remove(member: PartnershipMember) {
    setMessage(null);
    return removePartner.mutateAsync(member.organisation_id).then(
      () => setMessage(t('admin.partnerships.memberRemoved', { name: nameIn(member.organisation_name, member.organisation_name_cy, i18n.language) })),
      () => undefined, // shown from removePartner.error
    );
  }

  return (
    <section aria-labelledby="partners-title">
      <h2 id="partners-title">{t('admin.partnerships.members')}</h2>
      {message ? <SuccessBanner title={message} /> : null}
      {removePartner.error ? <LoadError error={removePartner.error} /> : null}
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <LoadError error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <Empty>{t('admin.partnerships.noMembers')}</Empty>
      ) : (
        <table className="nhsuk-table nhsuk-table--responsive">
          <caption className="nhsuk-u-visually-hidden">{t('admin.partnerships.members')}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">{t('admin.organisations.name')}</th>
              <th scope="col" className="nhsuk-table__header">{t('admin.organisations.kind')}</th>
              <th scope="col" className="nhsuk-table__header">{t('admin.partnerships.joined')}</th>
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {members.data.map((member) => {
              const mayRemove = user.is_platform_admin || adminOf.has(member.organisation_id);
              const heading = (text: string) => (
                <span className="nhsuk-table__heading" aria-hidden="true">
                  {text}
                </span>
              );
              return (
                <tr className="nhsuk-table__row" key={member.id}>
                  <th scope="row" className="nhsuk-table__header">
                    {heading(t('admin.organisations.name'))}
                    <span>
                      <Link to={`/admin/organisations/${member.organisation_id}`}>{nameIn(member.organisation_name, member.organisation_name_cy, i18n.language)}</Link>
                    </span>
                  </th>
                  <td className="nhsuk-table__cell">
                    {heading(t('admin.organisations.kind'))}
                    <span>
                      {isOrganisationKind(member.organisation_kind)
                        ? t(`kinds.organisation.${member.organisation_kind}`)
                        : member.organisation_kind}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {heading(t('admin.partnerships.joined'))}
                    <span>{formatDate(member.joined_at)}</span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {mayRemove ? (
                      <ConfirmAction
                        small
                        label={t('admin.partnerships.removeMember')}
                        hiddenContext={nameIn(member.organisation_name, member.organisation_name_cy, i18n.language)}
                        question={t('admin.partnerships.removeQuestion', { name: nameIn(member.organisation_name, member.organisation_name_cy, i18n.language) })}
                        confirmLabel={t('admin.partnerships.removeConfirm')}
                        busy={removing === member.organisation_id}
                        onConfirm={() => remove(member)}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canChange ? (
        <form onSubmit={add} noValidate aria-labelledby="partner-add-title">
          <h3 id="partner-add-title">{t('admin.partnerships.addMemberTitle')}</h3>
          <ErrorSummary detail={form.detail} items={form.summaryItems} />
          {organisations.isError ? <LoadError error={organisations.error} /> : null}
          <Select
            id={form.idFor('organisation_id')}
            label={t('admin.partnerships.addMemberLabel')}
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
            error={form.fieldError('organisation_id')}
            options={[
              { value: '', label: t('common.choose') },
              ...candidates.map((org) => ({ value: org.id, label: localName(org) })),
            ]}
          />
          <Button busy={addPartner.isPending}>{t('admin.partnerships.addMember')}</Button>
        </form>
      ) : null}
    </section>
  );
}

function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export function PartnershipDetailPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const { partnershipId = '' } = useParams();
  const location = useLocation();
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  const localName = useLocalName();
  const query = useEditablePartnership(partnershipId);
  usePageTitle(query.data ? localName(query.data.data) : t('admin.partnerships.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/admin/partnerships">{t('admin.partnerships.back')}</BackLink>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { data: partnership, etag } = query.data;
  const adminOfSome = user.is_platform_admin || (user.memberships ?? []).some((m) => m.role === 'admin');
  return (
    <>
      <BackLink to="/admin/partnerships">{t('admin.partnerships.back')}</BackLink>
      {created ? <SuccessBanner title={t('admin.partnerships.created')} /> : null}
      <h1>{localName(partnership)}</h1>
      {partnership.description || partnership.description_cy ? (
        <p className="nhsuk-lede-text" data-testid="partnership-description">
          <LocalText text={{ en: partnership.description, cy: partnership.description_cy }} />
        </p>
      ) : null}
      <MembersSection partnership={partnership} user={user} />
      <PartnershipLeads partnershipId={partnership.id} user={user} />
      {adminOfSome ? <EditPartnershipForm partnership={partnership} etag={etag} /> : null}
    </>
  );
}
