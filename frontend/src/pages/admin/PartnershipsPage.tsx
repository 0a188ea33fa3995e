import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import type { Partnership, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxGroup, TextInput, Textarea } from '../../components/fields';
import { PaginatedTable } from '../../components/PaginatedTable';
import { LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { partnershipsList, useCreatePartnershipMutation } from '../../features/admin/api';

function CreatePartnershipForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const navigate = useNavigate();
  const create = useCreatePartnershipMutation();
  const organisations = useOrganisationOptions();
  const [name, setName] = useState('');
  const [nameCy, setNameCy] = useState('');
  const [description, setDescription] = useState('');
  const [descriptionCy, setDescriptionCy] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const form = useFormErrors('partnership-new-', {
    name: t('admin.partnerships.name'),
    name_cy: t('admin.partnerships.nameCy'),
    description: t('admin.partnerships.description'),
    description_cy: t('admin.partnerships.descriptionCy'),
    organisation_ids: t('admin.partnerships.founders'),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (name.trim() === '') problems.push({ name: 'name', message: t('admin.partnerships.nameMissing') });
    if (!user.is_platform_admin && members.length === 0) {
      problems.push({ name: 'organisation_ids', message: t('admin.partnerships.foundersMissing') });
    }
    if (problems.length > 0) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    create.mutate(
      { name: name.trim(), name_cy: nameCy.trim() || null, description: description.trim() || null, description_cy: descriptionCy.trim() || null, organisation_ids: members },
      {
        onSuccess: (created) => void navigate(`/admin/partnerships/${created.id}`, { state: { created: true } }),
        onError: form.setProblem,
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="partnership-new-title">
      <h2 id="partnership-new-title">{t('admin.partnerships.addTitle')}</h2>
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
      {organisations.isPending ? (
        <Loading />
      ) : organisations.isError ? (
        <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} />
      ) : (
        <CheckboxGroup
          id={form.idFor('organisation_ids')}
          legend={t('admin.partnerships.founders')}
          hint={t('admin.partnerships.foundersHint')}
          values={members}
          onChange={setMembers}
          error={form.fieldError('organisation_ids')}
          options={organisations.data.items.map((org) => ({ value: org.id, label: localName(org) }))}
        />
      )}
      <Button busy={create.isPending || create.isSuccess}>{t('admin.partnerships.add')}</Button>
    </form>
  );
}

export function PartnershipsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.partnerships.title'));
  const localName = useLocalName();
  const canCreate = user.is_platform_admin || (user.memberships ?? []).some((m) => m.role === 'admin');
  return (
    <>
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <h1>{t('admin.partnerships.title')}</h1>
      <p>{t('admin.partnerships.intro')}</p>
      <PaginatedTable<Partnership>
        {...partnershipsList()}
        caption={t('admin.partnerships.title')}
        captionHidden
        empty={t('admin.partnerships.none')}
        rowKey={(p) => p.id}
        columns={[
          {
            key: 'name',
            header: t('admin.partnerships.name'),
            rowHeader: true,
            cell: (p) => <Link to={`/admin/partnerships/${p.id}`}>{localName(p)}</Link>,
          },
          { key: 'members', header: t('admin.partnerships.memberCount'), numeric: true, cell: (p) => p.member_count },
        ]}
      />
      {canCreate ? <CreatePartnershipForm user={user} /> : null}
    </>
  );
}
