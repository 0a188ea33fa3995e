import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SCOPES } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import { useOrganisation } from '../../features/organisations/api';
import {
  useApiClient,
  useRevokeApiClientMutation,
  useRotateSecretMutation,
  useUpdateApiClientMutation,
} from '../../features/admin/api';
import type { ApiClient, ApiClientWithSecret, Scope } from '../../api/types';
import { BackLink, ConfirmAction } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, CheckboxGroup, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { LoadError, Loading, SuccessBanner, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { ScopeList, scopeKey } from './ApiClientsPage';
import { SecretPanel } from './SecretPanel';

function EditApiClientForm({ client, etag }: { client: ApiClient; etag: string | null }) {
  const { t } = useTranslation();
  const update = useUpdateApiClientMutation(client, etag);
  const [name, setName] = useState(client.name);
  const [scopes, setScopes] = useState<string[]>(client.scopes);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('client-edit-', { name: t('admin.apiClients.name'), scopes: t('admin.apiClients.scopesLabel') });

  useEffect(() => {
    setName(client.name);
    setScopes(client.scopes);
  }, [client]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems: FieldError[] = [];
    if (name.trim() === '') problems.push({ name: 'name', message: t('admin.apiClients.nameMissing') });
    if (scopes.length === 0) problems.push({ name: 'scopes', message: t('admin.apiClients.scopesMissing') });
    if (problems.length > 0) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    update.mutate(
      { name: name.trim(), scopes: scopes as Scope[] },
      { onSuccess: () => setSaved(true), onError: form.setProblem },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="client-edit-title">
      <h2 id="client-edit-title">{t('admin.apiClients.editTitle')}</h2>
      {saved ? <SuccessBanner title={t('common.saved')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput id={form.idFor('name')} label={t('admin.apiClients.name')} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('name')} />
      <CheckboxGroup
        id={form.idFor('scopes')}
        legend={t('admin.apiClients.scopesLabel')}
        hint={t('admin.apiClients.narrowHint')}
        values={scopes}
        onChange={setScopes}
        error={form.fieldError('scopes')}
        options={SCOPES.map((scope) => ({ value: scope, label: t(`admin.apiClients.scopes.${scopeKey(scope)}`) }))}
      />
      <Button busy={update.isPending}>{t('common.saveChanges')}</Button>
    </form>
  );
}

export function ApiClientDetailPage() {
  const { t } = useTranslation();
  const { apiClientId = '' } = useParams();
  const localName = useLocalName();
  const [secret, setSecret] = useState<ApiClientWithSecret | null>(null);
  const [revokedNow, setRevokedNow] = useState(false);
  const query = useApiClient(apiClientId);
  const rotateSecret = useRotateSecretMutation(apiClientId);
  const revokeClient = useRevokeApiClientMutation(apiClientId);
  const organisation = useOrganisation(query.data?.data.organisation_id);
  usePageTitle(query.data ? query.data.data.name : t('admin.apiClients.title'));
  // One problem at a time: starting either action forgets the other's.
  const actionProblem = rotateSecret.error ?? revokeClient.error;

  function rotate() {
    revokeClient.reset();
    return rotateSecret.mutateAsync().then(setSecret, () => undefined);
  }

  function revoke() {
    rotateSecret.reset();
    return revokeClient.mutateAsync().then(
      () => setRevokedNow(true),
      () => undefined,
    );
  }

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/admin/api-clients">{t('admin.apiClients.back')}</BackLink>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { data: client, etag } = query.data;
  const active = client.status === 'active';
  return (
    <>
      <BackLink to="/admin/api-clients">{t('admin.apiClients.back')}</BackLink>
      <span className="nhsuk-caption-l">{t('admin.apiClients.caption')}</span>
      <h1>{client.name}</h1>
      {revokedNow ? <SuccessBanner title={t('admin.apiClients.revokedNow')} /> : null}
      {actionProblem ? <LoadError error={actionProblem} /> : null}
      {secret ? <SecretPanel client={secret} onDone={() => setSecret(null)} /> : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.apiClients.clientId')}</dt>
          <dd className="nhsuk-summary-list__value">
            <code>{client.client_id}</code>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.apiClients.organisation')}</dt>
          <dd className="nhsuk-summary-list__value">
            <Link to={`/admin/organisations/${client.organisation_id}`}>
              {organisation.data ? localName(organisation.data.data) : t('common.loading')}
            </Link>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.apiClients.scopesLabel')}</dt>
          <dd className="nhsuk-summary-list__value">
            <ScopeList scopes={client.scopes} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('common.status')}</dt>
          <dd className="nhsuk-summary-list__value">
            {active ? <Tag colour="green">{t('admin.apiClients.active')}</Tag> : <Tag colour="red">{t('admin.apiClients.revoked')}</Tag>}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.apiClients.created')}</dt>
          <dd className="nhsuk-summary-list__value">{formatDateTime(client.created_at)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.apiClients.secretRotated')}</dt>
          <dd className="nhsuk-summary-list__value">
            {client.secret_rotated_at ? formatDateTime(client.secret_rotated_at) : t('common.never')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.apiClients.lastUsed')}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="last-used">
            {client.last_used_at ? formatDateTime(client.last_used_at) : t('common.never')}
          </dd>
        </div>
        {client.revoked_at ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('admin.apiClients.revokedAt')}</dt>
            <dd className="nhsuk-summary-list__value">{formatDateTime(client.revoked_at)}</dd>
          </div>
        ) : null}
      </dl>
      {active ? (
        <>
          <h2>{t('admin.apiClients.rotateTitle')}</h2>
          <p>{t('admin.apiClients.rotateBody')}</p>
          <ConfirmAction
            label={t('admin.apiClients.rotate')}
            question={t('admin.apiClients.rotateQuestion')}
            confirmLabel={t('admin.apiClients.rotateConfirm')}
            busy={rotateSecret.isPending}
            onConfirm={rotate}
          />
          <h2>{t('admin.apiClients.revokeTitle')}</h2>
          <p>{t('admin.apiClients.revokeBody')}</p>
          <ConfirmAction
            label={t('admin.apiClients.revoke')}
            question={t('admin.apiClients.revokeQuestion')}
            confirmLabel={t('admin.apiClients.revokeConfirm')}
            busy={revokeClient.isPending}
            onConfirm={revoke}
          />
          <EditApiClientForm client={client} etag={etag} />
        </>
      ) : null}
    </>
  );
}
