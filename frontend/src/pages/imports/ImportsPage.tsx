import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { formatDateTime } from '../../components/format';
import { PaginatedTable } from '../../components/PaginatedTable';
import { LoadError, Loading, WarningCallout } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { describeProblem } from '../../components/useFormErrors';
import { ImportForm } from './ImportForm';
import { fetchImportsPage, importKeys, useImportJob, useImportOrganisations, POLL_MS, type ImportJob } from '../../features/imports/api';
import { formatCount, JobProgress, StateTag } from './JobProgress';

/** Upload a file of responses or measurements, and see recent imports. */
export function ImportsPage({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('imports.title'));
  const navigate = useNavigate();
  const localName = useLocalName();
  const orgs = useImportOrganisations(user);
  const orgNames = new Map(orgs.organisations.map((org) => [org.id, localName(org)]));
  const n = (value: number) => formatCount(value, i18n.language);

  return (
    <>
      <BackLink to="/">{t('imports.backHome')}</BackLink>
      <h1>{t('imports.title')}</h1>
      <p className="nhsuk-lede-text">{t('imports.intro')}</p>
      <ImportForm user={user} onCreated={(job) => void navigate(`/imports/${job.id}`)} />
      <h2>{t('imports.recentTitle')}</h2>
      <PaginatedTable<ImportJob>
        queryKey={importKeys.list()}
        fetchPage={fetchImportsPage}
        caption={t('imports.recentTitle')}
        captionHidden
        empty={t('imports.none')}
        rowKey={(row) => row.id}
        columns={[
          {
            key: 'created',
            header: t('imports.createdAt'),
            rowHeader: true,
            cell: (row) => <Link to={`/imports/${row.id}`}>{formatDateTime(row.created_at)}</Link>,
          },
          { key: 'kind', header: t('imports.kind'), cell: (row) => t(`imports.kinds.${row.kind}`) },
          { key: 'organisation', header: t('imports.organisation'), cell: (row) => orgNames.get(row.organisation_id) ?? '' },
          { key: 'state', header: t('common.status'), cell: (row) => <StateTag state={row.state} /> },
          {
            key: 'rows',
            header: t('imports.rows'),
            numeric: true,
            cell: (row) => n(row.rows_processed),
          },
          {
            key: 'rejected',
            header: t('imports.counts.rejected'),
            numeric: true,
            cell: (row) => n(row.summary.rejected),
          },
        ]}
      />
    </>
  );
}

/** One import: polled every 2 s while queued or running, then left alone. */
export function ImportJobPage({ pollMs = POLL_MS }: { pollMs?: number }) {
  const { importId = '' } = useParams();
  const { t } = useTranslation();
  const job = useImportJob(importId, pollMs);
  usePageTitle(t('imports.jobTitle'));

  return (
    <>
      <BackLink to="/imports">{t('imports.backToImports')}</BackLink>
      <h1>{t('imports.jobTitle')}</h1>
      {job.isPending ? <Loading /> : null}
      {job.isError && !job.data ? <LoadError error={job.error} onRetry={() => void job.refetch()} /> : null}
      {job.isError && job.data ? (
        // A failed poll keeps the last answer on screen, says so, and keeps trying.
        <div role="alert">
          <WarningCallout heading={t('imports.pollFailedTitle')}>
            <p>{t('imports.pollFailed', { reason: describeProblem(job.error, t) })}</p>
          </WarningCallout>
        </div>
      ) : null}
      {job.data ? <JobProgress job={job.data} /> : null}
      <p>
        <Link to="/imports">{t('imports.another')}</Link>
      </p>
    </>
  );
}
