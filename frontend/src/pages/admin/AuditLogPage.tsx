import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import type { AuditEvent, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { Button, Select, TextInput } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { formatDateTime } from '../../components/format';
import { PaginatedTable } from '../../components/PaginatedTable';
import { usePageTitle } from '../../components/usePageTitle';
import { auditEventsList } from '../../features/admin/api';

const RECORD_TYPES = ['organisation', 'service', 'partnership', 'partnership_member', 'user', 'membership', 'invitation', 'api_client'] as const;
const FILTERS = ['record_type', 'action', 'actor_id', 'organisation_id', 'since', 'until'] as const;
type FilterName = (typeof FILTERS)[number];
type Filters = Record<FilterName, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(params: URLSearchParams): Filters {
  const filters = {} as Filters;
  for (const name of FILTERS) filters[name] = params.get(name) ?? '';
  return filters;
}

/** A date from the filter (YYYY-MM-DD) as the start of that day in UTC, RFC 3339. */
function startOfDay(date: string): string | undefined {
  return DATE.test(date) ? `${date}T00:00:00Z` : undefined;
}

/** "Until" a date includes that whole day. */
function endOfDay(date: string): string | undefined {
  if (!DATE.test(date)) return undefined;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().replace('.000Z', 'Z');
}

function Changes({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{t('admin.audit.showChanges', { n: entries.length })}</span>
      </summary>
      <div className="nhsuk-details__text">
        <pre className="nhsuk-body-s" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {JSON.stringify(changes, null, 2)}
        </pre>
      </div>
    </details>
  );
}

export function AuditLogPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const orgNames = new Map((organisations.data?.items ?? []).map((org) => [org.id, localName(org)]));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [draft, setDraft] = useState<Filters>(filters);
  const [filterErrors, setFilterErrors] = useState<Partial<Record<FilterName, string>>>({});

  function set(name: FilterName, value: string) {
    setDraft((previous) => ({ ...previous, [name]: value }));
  }

  function apply() {
    const errors: Partial<Record<FilterName, string>> = {};
    if (draft.actor_id.trim() && !UUID.test(draft.actor_id.trim())) errors.actor_id = t('admin.audit.actorInvalid');
    if (draft.since && !DATE.test(draft.since)) errors.since = dateError(t, draft.since, t('admin.audit.since')) ?? t('admin.audit.dateInvalid');
    if (draft.until && !DATE.test(draft.until)) errors.until = dateError(t, draft.until, t('admin.audit.until')) ?? t('admin.audit.dateInvalid');
    if (draft.since && draft.until && DATE.test(draft.since) && DATE.test(draft.until) && draft.since > draft.until) {
      errors.until = t('admin.audit.untilBeforeSince');
    }
    setFilterErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = draft[name].trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  return (
    <>
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <h1>{t('admin.audit.title')}</h1>
      <p>{user.is_platform_admin ? t('admin.audit.introPlatform') : t('admin.audit.intro')}</p>
      <form
        className="app-filters"
        role="search"
        aria-label={t('common.filters')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <Select
          id="audit-filter-record-type"
          label={t('admin.audit.recordType')}
          value={draft.record_type}
          onChange={(e) => set('record_type', e.target.value)}
          options={[
            { value: '', label: t('common.any') },
            ...RECORD_TYPES.map((value) => ({ value, label: t(`admin.audit.recordTypes.${value}`) })),
          ]}
        />
        <TextInput
          id="audit-filter-action"
          label={t('admin.audit.action')}
          hint={t('admin.audit.actionHint')}
          value={draft.action}
          onChange={(e) => set('action', e.target.value)}
        />
        <TextInput
          id="audit-filter-actor"
          label={t('admin.audit.actorId')}
          hint={t('admin.audit.actorIdHint')}
          value={draft.actor_id}
          onChange={(e) => set('actor_id', e.target.value)}
          error={filterErrors.actor_id}
        />
        <Select
          id="audit-filter-organisation"
          label={t('admin.audit.organisation')}
          value={draft.organisation_id}
          onChange={(e) => set('organisation_id', e.target.value)}
          options={[
            { value: '', label: t('common.any') },
            ...(organisations.data?.items ?? []).map((org) => ({ value: org.id, label: localName(org) })),
          ]}
        />
        <DateInput
          id="audit-filter-since"
          label={t('admin.audit.since')}
          value={draft.since}
          onChange={(value) => set('since', value)}
          error={filterErrors.since}
        />
        <DateInput
          id="audit-filter-until"
          label={t('admin.audit.until')}
          value={draft.until}
          onChange={(value) => set('until', value)}
          error={filterErrors.until}
        />
        <div className="nhsuk-form-group">
          <Button variant="secondary">{t('common.applyFilters')}</Button>
        </div>
      </form>
      <PaginatedTable<AuditEvent>
        {...auditEventsList(filters, {
          record_type: filters.record_type || undefined,
          action: filters.action || undefined,
          actor_id: filters.actor_id || undefined,
          organisation_id: filters.organisation_id || undefined,
          since: startOfDay(filters.since),
          until: endOfDay(filters.until),
        })}
        caption={t('admin.audit.title')}
        captionHidden
        empty={t('admin.audit.none')}
        rowKey={(row) => row.id}
        columns={[
          { key: 'when', header: t('admin.audit.when'), cell: (row) => formatDateTime(row.occurred_at) },
          { key: 'who', header: t('admin.audit.who'), cell: (row) => row.actor_label },
          { key: 'action', header: t('admin.audit.action'), rowHeader: true, cell: (row) => <code>{row.action}</code> },
          {
            key: 'record',
            header: t('admin.audit.record'),
            cell: (row) => (
              <>
                {row.record_type}
                <br />
                <span className="nhsuk-body-s" style={{ overflowWrap: 'anywhere' }}>
                  {row.record_id}
                </span>
              </>
            ),
          },
          {
            key: 'organisation',
            header: t('admin.audit.organisation'),
            cell: (row) => (row.organisation_id ? orgNames.get(row.organisation_id) ?? row.organisation_id : ''),
          },
          { key: 'changes', header: t('admin.audit.changes'), cell: (row) => <Changes changes={row.changes} /> },
        ]}
      />
    </>
  );
}
