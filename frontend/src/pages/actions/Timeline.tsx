import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../i18n/localized';
import { formatDate, formatDateTime } from '../../components/format';
import { LoadError, Loading } from '../../components/status';
import { useTimeline } from '../../features/actions/api';
import { byWhom, type Action, type ActionStatus, type TimelineEntry } from '../../features/actions/actionsModel';

const TIMELINE_KINDS = [
  'proposed',
  'status_changed',
  'responsibility_added',
  'responsibility_accepted',
  'responsibility_declined',
  'update',
  'supported',
  'pdsa_planned',
  'pdsa_do',
  'pdsa_study',
  'pdsa_act',
  'edited',
  'overdue',
] as const;

function TimelineText({ entry, organisation }: { entry: TimelineEntry; organisation: string | undefined }) {
  const { t } = useTranslation();
  const known = (TIMELINE_KINDS as readonly string[]).includes(entry.kind) ? (entry.kind as (typeof TIMELINE_KINDS)[number]) : null;
  const statusName = (s: string | null | undefined) =>
    s && ['proposed', 'under_review', 'agreed', 'in_progress', 'completed', 'not_taken_forward'].includes(s) ? t(`improvement.status.${s as ActionStatus}`) : (s ?? '');
  if (known === 'status_changed') {
    return <>{t('improvement.timeline.status_changed', { from: statusName(entry.from_status), to: statusName(entry.to_status) })}</>;
  }
  const who = byWhom(entry.kind, entry.role);
  if (who) return <>{t(who)}</>;
  if (known) return <>{t(`improvement.timeline.${known}`, { organisation: organisation ?? '' })}</>;
  return <>{entry.kind}</>;
}

/** What happened to the action, oldest first, as the API tells it. */
/** The worker's own words are in the reader's language: "Due on 2026-12-01" (its record of
 * an action going overdue) reads "It was due on 1 December 2026" / "Roedd i fod erbyn ...". */
function explanationOf(entry: TimelineEntry, t: TFunction): string {
  const due = entry.kind === 'overdue' ? /^Due on (\d{4}-\d{2}-\d{2})$/.exec(entry.explanation ?? '') : null;
  return due ? t('improvement.timeline.dueOn', { date: formatDate(due[1]) }) : (entry.explanation ?? '');
}

export function Timeline({ action }: { action: Action }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(action.id);
  const names = new Map(action.responsibilities.map((r) => [r.organisation_id, nameIn(r.organisation_name, r.organisation_name_cy, i18n.language)]));
  return (
    <section aria-labelledby="timeline-heading" data-testid="timeline">
      <h2 id="timeline-heading">{t('improvement.timeline.title')}</h2>
      {timeline.isError && !timeline.data ? <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
      {timeline.isPending ? <Loading /> : null}
      {timeline.data ? (
        <ol className="app-timeline">
          {timeline.data.items.map((entry) => (
            <li key={entry.id} data-kind={entry.kind}>
              <span className="nhsuk-body-s nhsuk-u-display-block">{formatDateTime(entry.occurred_at)}</span>
              <strong>
                <TimelineText entry={entry} organisation={entry.organisation_id ? names.get(entry.organisation_id) : undefined} />
              </strong>
              {entry.explanation ? <span className="nhsuk-u-display-block">{explanationOf(entry, t)}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
