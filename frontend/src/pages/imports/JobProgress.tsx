import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/format';
import { intlLocale } from '../../i18n/locale';
import { Tag, WarningCallout } from '../../components/status';
import { DownloadButton } from './DownloadButton';
import { isActive, type ImportJob, type ImportState } from '../../features/imports/api';

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

export function StateTag({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const colour =
    state === 'completed'
      ? 'green'
      : state === 'completed_with_errors'
        ? 'orange'
        : state === 'failed'
          ? 'red'
          : state === 'running'
            ? 'blue'
            : 'grey';
  return <Tag colour={colour}>{t(`imports.states.${state}`)}</Tag>;
}

/**
 * The progress label: "1,200 of about 5,000 rows" while the total is an estimate
 * (until the job ends), "5,000 of 5,000 rows" after.
 */
export function progressLabel(job: ImportJob, t: TFunction, language: string): string {
  const processed = formatCount(job.rows_processed, language);
  const total = formatCount(Math.max(job.rows_total, job.rows_processed), language);
  if (job.state === 'queued' && job.rows_processed === 0) return t('imports.progress.waiting');
  return isActive(job)
    ? t('imports.progress.estimated', { processed, total })
    : t('imports.progress.exact', { processed, total });
}

/** Rows the job took: imported, updated, or already there. */
export function takenRows(job: ImportJob): number {
  return job.summary.imported + job.summary.updated + job.summary.ignored;
}

/** How a finished job ended, said plainly: all taken, some refused, or nothing taken and why. */
export function Outcome({ job, headingId }: { job: ImportJob; headingId: string }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const taken = n(takenRows(job));
  const refused = n(job.summary.rejected);
  if (job.state === 'completed') {
    return (
      <div className="nhsuk-inset-text" data-testid="import-outcome">
        <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
        <p>{t('imports.outcome.completed', { taken })}</p>
      </div>
    );
  }
  if (job.state === 'completed_with_errors') {
    return (
      <div data-testid="import-outcome">
        <WarningCallout heading={t('imports.outcome.someRefusedTitle')}>
          <p>{t('imports.outcome.someRefused', { taken, refused })}</p>
          <p>{t(job.refused_rows_url ? 'imports.outcome.fixAndUpload' : 'imports.outcome.seeProblems')}</p>
        </WarningCallout>
      </div>
    );
  }
  if (job.state !== 'failed') return null;
  // Every row refused: said in the reader's language; other failures carry the server's reason.
  const allRefused = job.summary.rejected > 0 && takenRows(job) === 0;
  return (
    <div className="nhsuk-error-summary" role="alert" aria-labelledby={headingId} data-testid="import-outcome">
      <h2 className="nhsuk-error-summary__heading" id={headingId}>
        {t('imports.failedTitle')}
      </h2>
      <div className="nhsuk-error-summary__body">
        {allRefused && job.mode !== 'atomic' ? (
          <p>{t('imports.outcome.allRefused', { refused })}</p>
        ) : (
          <p>{job.failure_reason || t('imports.failedNoReason')}</p>
        )}
        {job.mode === 'atomic' ? <p>{t('imports.failedAtomic')}</p> : null}
        {allRefused && job.refused_rows_url ? <p>{t('imports.outcome.fixAndUpload')}</p> : null}
      </div>
    </div>
  );
}

/** A job's state, progress bar, phase, running summary and refused rows. */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const progressId = useId();
  const total = Math.max(job.rows_total, job.rows_processed);
  const counts = job.summary;
  const n = (value: number) => formatCount(value, i18n.language);
  // While queued with no estimate yet the bar is indeterminate (no value).
  const determinate = total > 0 || !isActive(job);
  return (
    <div>
      <p aria-live="polite" data-testid="import-state">
        {t('imports.stateLabel')} <StateTag state={job.state} />
        {job.mode === 'atomic' && job.state === 'running' ? (
          <span className="nhsuk-u-margin-left-2">{t(`imports.phases.${job.phase}`)}</span>
        ) : null}
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={progressId} data-testid="import-progress-label">
          {progressLabel(job, t, i18n.language)}
        </label>
        <progress
          id={progressId}
          // Full width of the column, so it fits a 360 px screen as well as a wide one.
          style={{ width: '100%', height: '1.5rem' }}
          max={determinate ? Math.max(total, 1) : undefined}
          value={determinate ? (total > 0 ? job.rows_processed : job.state === 'completed' ? 1 : 0) : undefined}
        />
      </div>
      {job.mode === 'atomic' ? (
        <p className="nhsuk-body-s">{job.phase === 'check' ? t('imports.phaseHelp.check') : t('imports.phaseHelp.apply')}</p>
      ) : null}
      <Outcome job={job} headingId={`${progressId}-failed`} />
      <h2 className="nhsuk-heading-s">{isActive(job) ? t('imports.summarySoFar') : t('imports.summaryTitle')}</h2>
      <dl className="nhsuk-summary-list" data-testid="import-summary">
        {(['imported', 'updated', 'ignored', 'rejected'] as const).map((key) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{t(`imports.counts.${key}`)}</dt>
            <dd className="nhsuk-summary-list__value">{n(counts[key])}</dd>
          </div>
        ))}
      </dl>
      {counts.rejected > 0 && job.refused_rows_url ? (
        <>
          <DownloadButton
            path={job.refused_rows_url}
            filename={`gwella-import-${job.id}-refused-rows.csv`}
            label={t('imports.downloadRefusedRows', { n: n(counts.rejected) })}
          />
          <DownloadButton
            path={job.errors_url}
            filename={`gwella-import-${job.id}-problems.csv`}
            label={t('imports.downloadProblems')}
          />
        </>
      ) : counts.rejected > 0 ? (
        <DownloadButton
          path={job.errors_url}
          filename={`gwella-import-${job.id}-refused.csv`}
          label={t('imports.downloadRefused', { n: n(counts.rejected) })}
        />
      ) : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('imports.kind')}</dt>
          <dd className="nhsuk-summary-list__value">{t(`imports.kinds.${job.kind}`)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('imports.format')}</dt>
          <dd className="nhsuk-summary-list__value">{t(`imports.formats.${job.format}`)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('imports.mode')}</dt>
          <dd className="nhsuk-summary-list__value">{t(`imports.modes.${job.mode}`)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('imports.fileSize')}</dt>
          <dd className="nhsuk-summary-list__value">{t('imports.bytes', { size: n(job.file_bytes) })}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('imports.createdAt')}</dt>
          <dd className="nhsuk-summary-list__value">{formatDateTime(job.created_at)}</dd>
        </div>
        {job.finished_at ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('imports.finishedAt')}</dt>
            <dd className="nhsuk-summary-list__value">{formatDateTime(job.finished_at)}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
