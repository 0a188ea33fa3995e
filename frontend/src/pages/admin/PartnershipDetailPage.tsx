import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import { fetchAllPages } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
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

function EditPartnershipForm({ partnership, etag }: { partnership: Partnership; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(partnership.name);
  const [nameCy, setNameCy] = useState(partnership.name_cy ?? '');
  const [description, setDescription] = useState(partnership.description ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('partnership-edit-', {
    name: t('admin.partnerships.name'),
    name_cy: t('admin.partnerships.nameCy'),
    description: t('admin.partnerships.description'),
  });

  useEffect(() => {
    setName(partnership.name);
    setNameCy(partnership.name_cy ?? '');
    setDescription(partnership.description ?? '');
  }, [partnership]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (name.trim() === '') {
      form.setFieldErrors([{ name: 'name', message: t('admin.partnerships.nameMissing') }]);
      return;
    }
    setBusy(true);
    form.clear();
    try {
      const result = await unwrapWithEtag(
        api.PATCH('/api/v1/partnerships/{partnership_id}', {
          params: { path: { partnership_id: partnership.id }, header: { 'If-Match': etag ?? `"${partnership.version}"` } },
          body: { name: name.trim(), name_cy: nameCy.trim() || null, description: description.trim() || null },
        }),
      );
      queryClient.setQueryData(['partnerships', partnership.id], result);
      await queryClient.invalidateQueries({ queryKey: ['partnerships', 'list'] });
      setSaved(true);
    } catch (error) {
      form.setProblem(error);
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ['partnerships', partnership.id] });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="partnership-edit-title">
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
      <Button busy={busy}>{t('common.saveChanges')}</Button>
    </form>
  );
}

function MembersSection({ partnership, user }: { partnership: Partnership; user: User }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const queryClient = useQueryClient();
  const organisations = useOrganisationOptions();
  const [adding, setAdding] = useState('');
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeProblem, setRemoveProblem] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useFormErrors('partner-add-', { organisation_id: t('admin.partnerships.addMemberLabel') });
  const membersKey = ['partnerships', partnership.id, 'members'];
  const members = useQuery({
    queryKey: membersKey,
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/partnerships/{partnership_id}/members', {
            params: { path: { partnership_id: partnership.id }, query: { limit: 200, cursor: cursor ?? undefined } },
          }),
        ),
      ),
  });

  const adminOf = new Set(
    (user.memberships ?? []).filter((m) => m.role === 'admin').map((m) => m.organisation_id),
  );
  const memberIds = new Set((members.data ?? []).map((m) => m.organisation_id));
  const canChange = user.is_platform_admin || [...memberIds].some((id) => adminOf.has(id));
  const candidates = (organisations.data?.items ?? []).filter((org) => !memberIds.has(org.id));

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['partnerships'] });
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (adding === '') {
      form.setFieldErrors([{ name: 'organisation_id', message: t('admin.partnerships.chooseOrganisation') }]);
      return;
    }
    setBusy(true);
    form.clear();
    try {
      const added = await unwrap(
        api.POST('/api/v1/partnerships/{partnership_id}/members', {
          params: { path: { partnership_id: partnership.id } },
          body: { organisation_id: adding },
        }),
      );
      setMessage(t('admin.partnerships.memberAdded', { name: added.organisation_name }));
      setAdding('');
      await refresh();
    } catch (error) {
      form.setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove(member: PartnershipMember) {
    setRemoving(member.organisation_id);
    setRemoveProblem(null);
    setMessage(null);
    try {
      await unwrap(
        api.DELETE('/api/v1/partnerships/{partnership_id}/members/{organisation_id}', {
          params: { path: { partnership_id: partnership.id, organisation_id: member.organisation_id } },
        }),
      );
      setMessage(t('admin.partnerships.memberRemoved', { name: member.organisation_name }));
      await refresh();
    } catch (error) {
      setRemoveProblem(error);
    } finally {
      setRemoving(null);
    }
  }

  return (
    <section aria-labelledby="partners-title">
      <h2 id="partners-title">{t('admin.partnerships.members')}</h2>
      {message ? <SuccessBanner title={message} /> : null}
      {removeProblem ? <LoadError error={removeProblem} /> : null}
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
                      <Link to={`/admin/organisations/${member.organisation_id}`}>{member.organisation_name}</Link>
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
                        hiddenContext={member.organisation_name}
                        question={t('admin.partnerships.removeQuestion', { name: member.organisation_name })}
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
        <form onSubmit={(event) => void add(event)} noValidate aria-labelledby="partner-add-title">
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
          <Button busy={busy}>{t('admin.partnerships.addMember')}</Button>
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
  const query = useQuery({
    queryKey: ['partnerships', partnershipId],
    queryFn: () =>
      unwrapWithEtag(
        api.GET('/api/v1/partnerships/{partnership_id}', { params: { path: { partnership_id: partnershipId } } }),
      ),
  });
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
      {partnership.description ? <p className="nhsuk-lede-text">{partnership.description}</p> : null}
      <MembersSection partnership={partnership} user={user} />
      <PartnershipLeads partnershipId={partnership.id} user={user} />
      {adminOfSome ? <EditPartnershipForm partnership={partnership} etag={etag} /> : null}
    </>
  );
}
