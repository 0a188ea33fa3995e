// Small pieces shared by the improvement-action screens.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { Tag } from '../../components/status';
import type { ActionOrigin, ActionStatus } from '../../features/actions/actionsModel';

const STATUS_COLOUR: Record<ActionStatus, 'grey' | 'blue' | 'aqua-green' | 'purple' | 'green' | 'orange'> = {
  proposed: 'grey',
  under_review: 'blue',
  agreed: 'aqua-green',
  in_progress: 'purple',
  completed: 'green',
  not_taken_forward: 'orange',
};

export function StatusTag({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return <Tag colour={STATUS_COLOUR[status]}>{t(`improvement.status.${status}`)}</Tag>;
}

export function OriginText({ origin }: { origin: ActionOrigin }) {
  const { t } = useTranslation();
  return <>{t(`improvement.origin.${origin}`)}</>;
}

/** Overdue said in words (and in red), never by colour alone. */
export function OverdueFlag({ dueDate }: { dueDate: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <strong className="nhsuk-tag nhsuk-tag--red app-overdue" data-testid="overdue">
      {dueDate ? t('improvement.overdueSince', { date: formatDate(dueDate) }) : t('improvement.overdue')}
    </strong>
  );
}

/** A progress percentage as a bar with its number written beside it. */
export function Progress({ percent, label }: { percent: number; label: string }) {
  const { t } = useTranslation();
  const clamped = Math.max(0, Math.min(100, percent));
  return (
    <div className="app-progress">
      <progress max={100} value={clamped} aria-label={label}>
        {t('improvement.percent', { n: clamped })}
      </progress>{' '}
      <span>{t('improvement.percent', { n: clamped })}</span>
    </div>
  );
}
