import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SCOPES } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import type { ApiClient, ApiClientWithSecret, Scope, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxGroup, Select, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { PaginatedTable } from '../../components/PaginatedTable';
import { LoadError, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { isOrgAdmin } from './permissions';
import { SecretPanel } from './SecretPanel';
import { apiClientsList, useCreateApiClientMutation } from '../../features/admin/api';

export function ScopeList({ scopes }: { scopes: Scope[] }) {
  const { t } = useTranslation();
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {scopes.map((scope) => (
        <li key={scope}>{t(`admin.apiClients.scopes.${scopeKey(scope)}`)}</li>
      ))}
    </ul>
  );
}

export function scopeKey(
  scope: Scope,
): 'read' | 'responsesWrite' | 'measurementsWrite' | 'responsesRead' | 'measurementsRead' {
  switch (scope) {
    case 'read':
      return 'read';
    case 'responses:write':
      return 'responsesWrite';
    case 'measurements:write':
      return 'measurementsWrite';
    case 'responses:read':
      return 'responsesRead';
    case 'measurements:read':
      return 'measurementsRead';
  }
}

function CreateApiClientForm({ user, onCreated }: { user: User; onCreated: (client: ApiClientWithSecret) => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const create = useCreateApiClientMutation();
  const organisations = useOrganisationOptions();
  const administered = (organisations.data?.items ?? []).filter((org) => isOrgAdmin(user, org.id));
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const form = useFormErrors('client-new-', {
    organisation_id: t('admin.apiClients.organisation'),
    name: t('admin.apiClients.name'),
    scopes: t('admin.apiClients.scopesLabel'),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (organisationId === '') problems.push({ name: 'organisation_id', message: t('admin.users.chooseOrganisation') });
    if (name.trim() === '') problems.push({ name: 'name', message: t('admin.apiClients.nameMissing') });
    if (scopes.length === 0) problems.push({ name: 'scopes', message: t('admin.apiClients.scopesMissing') });
    if (problems.length > 0) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    create.mutate(
      { organisation_id: organisationId, name: name.trim(), scopes: scopes as Scope[] },
      {
        onSuccess: (created) => {
          setName('');
          onCreated(created);
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="client-new-title">
      <h2 id="client-new-title">{t('admin.apiClients.addTitle')}</h2>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      {organisations.isError ? <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} /> : null}
      <Select
        id={form.idFor('organisation_id')}
        label={t('admin.apiClients.organisation')}
        value={organisationId}
        onChange={(e) => setOrganisationId(e.target.value)}
        error={form.fieldError('organisation_id')}
        options={[{ value: '', label: t('common.choose') }, ...administered.map((org) => ({ value: org.id, label: localName(org) }))]}
      />
      <TextInput
        id={form.idFor('name')}
        label={t('admin.apiClients.name')}
        hint={t('admin.apiClients.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.fieldError('name')}
      />
      <CheckboxGroup
        id={form.idFor('scopes')}
        legend={t('admin.apiClients.scopesLabel')}
        hint={t('admin.apiClients.scopesHint')}
        values={scopes}
        onChange={setScopes}
        error={form.fieldError('scopes')}
        options={SCOPES.map((scope) => ({ value: scope, label: t(`admin.apiClients.scopes.${scopeKey(scope)}`) }))}
      />
      <Button busy={create.isPending}>{t('admin.apiClients.add')}</Button>
    </form>
  );
}

export function ApiClientsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.apiClients.title'));
  const navigate = useNavigate();
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const orgNames = new Map((organisations.data?.items ?? []).map((org) => [org.id, localName(org)]));
  const [created, setCreated] = useState<ApiClientWithSecret | null>(null);

  return (
    <>
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <h1>{t('admin.apiClients.title')}</h1>
      <p>{t('admin.apiClients.intro')}</p>
      {created ? (
        <SecretPanel client={created} onDone={() => void navigate(`/admin/api-clients/${created.id}`)} />
      ) : (
        <CreateApiClientForm user={user} onCreated={setCreated} />
      )}
      <h2>{t('admin.apiClients.listTitle')}</h2>
      <PaginatedTable<ApiClient>
        {...apiClientsList()}
        caption={t('admin.apiClients.listTitle')}
        captionHidden
        empty={t('admin.apiClients.none')}
        rowKey={(row) => row.id}
        columns={[
          {
            key: 'name',
            header: t('admin.apiClients.name'),
            rowHeader: true,
            cell: (row) => <Link to={`/admin/api-clients/${row.id}`}>{row.name}</Link>,
          },
          { key: 'organisation', header: t('admin.apiClients.organisation'), cell: (row) => orgNames.get(row.organisation_id) ?? '' },
          { key: 'scopes', header: t('admin.apiClients.scopesLabel'), cell: (row) => <ScopeList scopes={row.scopes} /> },
          {
            key: 'status',
            header: t('common.status'),
            cell: (row) =>
              row.status === 'active' ? (
                <Tag colour="green">{t('admin.apiClients.active')}</Tag>
              ) : (
                <Tag colour="red">{t('admin.apiClients.revoked')}</Tag>
              ),
          },
          {
            key: 'lastUsed',
            header: t('admin.apiClients.lastUsed'),
            cell: (row) => (row.last_used_at ? formatDateTime(row.last_used_at) : t('common.never')),
          },
        ]}
      />
    </>
  );
}
