import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { formatDate } from '../../components/format';
import { LoadError, Loading, SuccessBanner } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { OriginText, OverdueFlag, Progress, StatusTag } from './ActionBits';
import { useAction, useStandards } from '../../features/actions/api';
import { usePartnershipMembers } from '../../features/partnerships/api';
import { mayEditAction, type Action, type EvidenceRead } from '../../features/actions/actionsModel';
import { PdsaSection } from './PdsaSection';
import { EditActionForm } from './EditActionForm';
import { EvidenceDescription } from './ProposeActionPage';
import { ResponsibilitiesSection } from './ResponsibilitiesSection';
import { StatusSection } from './StatusChangeForm';
import { Supporters } from './Supporters';
import { Timeline } from './Timeline';
import { UpdatesSection } from './UpdatesSection';
import './actions.css';
import { localized } from '../../i18n/localized';
import { LocalText } from '../../components/LocalText';

function EvidenceItem({ evidence }: { evidence: EvidenceRead }) {
  const { t } = useTranslation();
  if (evidence.kind === 'indicator' && evidence.indicator_id) {
    return <EvidenceDescription evidence={{ kind: 'indicator', indicatorId: evidence.indicator_id }} />;
  }
  if (evidence.kind === 'question' && evidence.campaign_id && evidence.question_key) {
    return <EvidenceDescription evidence={{ kind: 'question', campaignId: evidence.campaign_id, questionKey: evidence.question_key }} />;
  }
  if (evidence.kind === 'campaign_result' && evidence.campaign_id) {
    return <EvidenceDescription evidence={{ kind: 'campaign_result', campaignId: evidence.campaign_id }} />;
  }
  if (evidence.kind === 'comment' && evidence.answer_id) {
    return <EvidenceDescription evidence={{ kind: 'comment', answerId: evidence.answer_id, campaignId: evidence.campaign_id }} />;
  }
  return <>{t('improvement.evidence.comment')}</>;
}

/** The edit form, for those the API lets edit (members are read only when nobody is responsible yet). */
function EditSection({ action, user }: { action: Action; user: User }) {
  const nobodyResponsible = action.responsibilities.every((r) => r.state === 'declined');
  const members = usePartnershipMembers(nobodyResponsible ? action.partnership_id : '');
  const memberIds = (members.data ?? []).map((m) => m.organisation_id);
  if (!mayEditAction(user, action, memberIds)) return null;
  return <EditActionForm action={action} />;
}

/** One improvement action: what it is, who carries it, how it is going and what happened. */
export function ActionPage({ user }: { user: User }) {
  const { actionId = '' } = useParams();
  const [search] = useSearchParams();
  const { t, i18n } = useTranslation();
  const action = useAction(actionId);
  const standards = useStandards();
  const title = action.data ? localized(action.data.title, i18n.language) : null;
  usePageTitle(title ?? t('improvement.action'));

  if (action.isError && !action.data) return <LoadError error={action.error} onRetry={() => void action.refetch()} />;
  if (!action.data) return <Loading />;
  const a = action.data;
  const standard = standards.data?.find((s) => s.id === a.standard_id);
  const reason = localized(a.closure_reason, i18n.language);

  return (
    <>
      <BackLink to="/actions">{t('improvement.board.title')}</BackLink>
      {search.get('proposed') === '1' ? <SuccessBanner title={t('improvement.propose.done')} /> : null}
      <span className="nhsuk-caption-l">{t('improvement.action')}</span>
      <h1>
        <LocalText text={a.title} />
      </h1>
      <p>
        <StatusTag status={a.status} /> {a.overdue ? <OverdueFlag dueDate={a.due_date} /> : null}
      </p>
      <dl className="nhsuk-summary-list" data-testid="action-details">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('improvement.origin.label')}</dt>
          <dd className="nhsuk-summary-list__value">
            <OriginText origin={a.origin} />
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('improvement.proposedOn')}</dt>
          <dd className="nhsuk-summary-list__value">
            {formatDate(a.created_at)} ({t(`roles.${a.proposer_role as 'staff'}`, { defaultValue: a.proposer_role })})
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('improvement.board.standard')}</dt>
          <dd className="nhsuk-summary-list__value">{standard ? `${standard.code}: ${localized(standard.title, i18n.language)}` : t('common.notGiven')}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('improvement.board.due')}</dt>
          <dd className="nhsuk-summary-list__value">{a.due_date ? formatDate(a.due_date) : t('improvement.noDueDate')}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('improvement.progress')}</dt>
          <dd className="nhsuk-summary-list__value">
            <Progress percent={a.progress} label={t('improvement.progress')} />
          </dd>
        </div>
      </dl>

      <h2>{t('improvement.description')}</h2>
      <p className="app-pre-line" data-testid="action-description">
        <LocalText text={a.description} />
      </p>
      <h2>{t('improvement.youSaidWeDid')}</h2>
      <p data-testid="action-summary">
        <LocalText text={a.summary} fallback={t('improvement.noSummary')} />
      </p>
      {reason ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
          <p>
            <strong>{t('improvement.reasonNotTaken')}</strong> <LocalText text={a.closure_reason} />
          </p>
        </div>
      ) : null}

      <h2>{t('improvement.evidence.title')}</h2>
      {a.evidence.length === 0 ? (
        <p>{t('improvement.evidence.none')}</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="evidence">
          {a.evidence.map((e) => (
            <li key={e.id}>
              <EvidenceItem evidence={e} />
            </li>
          ))}
        </ul>
      )}

      <EditSection action={a} user={user} />
      <Supporters action={a} user={user} />
      <ResponsibilitiesSection action={a} user={user} />
      <StatusSection action={a} user={user} />
      <UpdatesSection key={`updates-${a.progress}`} action={a} user={user} />
      <PdsaSection action={a} user={user} />
      <Timeline action={a} />
      <p>
        <Link to={`/public/partnerships/${a.partnership_id}`}>{t('improvement.public.link')}</Link>
      </p>
    </>
  );
}

