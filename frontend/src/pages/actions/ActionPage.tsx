import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, Select, TextInput, Textarea } from '../../components/fields';
import { formatDate, formatDateTime } from '../../components/format';
import { LoadError, Loading, SuccessBanner } from '../../components/status';
import { describeProblem, useFormErrors } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { OriginText, OverdueFlag, Progress, StatusTag } from './ActionBits';
import {
  useAction,
  useChangeStatusMutation,
  usePostUpdateMutation,
  useStandards,
  useSupportMutation,
  useTimeline,
  useUpdates,
} from '../../features/actions/api';
import { usePartnershipMembers } from '../../features/partnerships/api';
import {
  SERVICE_USER_REASON_MIN,
  canSupport,
  isClosed,
  mayDecide,
  mayEditAction,
  needsPublicReason,
  percentText,
  worksFor,
  type Action,
  type ActionStatus,
  type EvidenceRead,
  type TimelineEntry,
} from '../../features/actions/actionsModel';
import { PdsaSection } from './PdsaSection';
import { EditActionForm } from './EditActionForm';
import { EvidenceDescription } from './ProposeActionPage';
import { ResponsibilitiesSection } from './ResponsibilitiesSection';
import './actions.css';
import { localized } from '../../i18n/localized';

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

/** Supporters: the count, the share from service users, and a button for service users and carers. */
function Supporters({ action, user }: { action: Action; user: User }) {
  const { t, i18n } = useTranslation();
  const support = useSupportMutation(action.id);
  const [problem, setProblem] = useState<string | null>(null);
  const share = percentText(action.service_user_support_share, i18n.language);

  function toggle() {
    setProblem(null);
    support.mutate(!action.supported_by_me, { onError: (error) => setProblem(describeProblem(error, t)) });
  }

  return (
    <section aria-labelledby="support-heading" data-testid="supporters">
      <h2 id="support-heading">{t('improvement.support.title')}</h2>
      <p data-testid="support-count">
        {t('improvement.supportersCount', { count: action.support_count })}
        {share ? ` ${t('improvement.support.share', { share })}` : ''}
      </p>
      {canSupport(user) && !isClosed(action.status) ? (
        <>
          <Button type="button" variant={action.supported_by_me ? 'secondary' : 'primary'} busy={support.isPending} onClick={toggle}>
            {action.supported_by_me ? t('improvement.support.withdraw') : t('improvement.support.add')}
          </Button>
          {action.supported_by_me ? <p className="nhsuk-body-s">{t('improvement.support.youSupport')}</p> : null}
        </>
      ) : null}
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

/** Move the action on, with an explanation (and a public reason where required). */
function StatusChangeForm({ action }: { action: Action }) {
  const { t } = useTranslation();
  const changeStatus = useChangeStatusMutation(action.id);
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [explanation, setExplanation] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [reasonCy, setReasonCy] = useState('');
  const [done, setDone] = useState<ActionStatus | null>(null);
  const errors = useFormErrors('status-', {
    status: t('improvement.statusChange.to'),
    explanation: t('improvement.statusChange.explanation'),
    reason: t('improvement.statusChange.reasonEn'),
    en: t('improvement.statusChange.reasonEn'),
  });
  const fromServiceUser = action.origin === 'service_user';

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (status === '') problems.push({ name: 'status', message: t('improvement.statusChange.statusMissing') });
    if (explanation.trim() === '') problems.push({ name: 'explanation', message: t('improvement.statusChange.explanationMissing') });
    if (status !== '' && needsPublicReason(status)) {
      if (reasonEn.trim() === '') problems.push({ name: 'reason', message: t('improvement.statusChange.reasonMissing') });
      else if (fromServiceUser && reasonEn.trim().length < SERVICE_USER_REASON_MIN) {
        problems.push({ name: 'reason', message: t('improvement.statusChange.reasonShort', { n: SERVICE_USER_REASON_MIN }) });
      }
    }
    if (problems.length > 0 || status === '') {
      errors.setFieldErrors(problems);
      return;
    }
    errors.clear();
    changeStatus.mutate(
      {
        status,
        explanation: explanation.trim(),
        ...(needsPublicReason(status)
          ? { reason: { en: reasonEn.trim(), ...(reasonCy.trim() ? { cy: reasonCy.trim() } : {}) } }
          : {}),
      },
      {
        onSuccess: () => {
          setDone(status);
          setStatus('');
          setExplanation('');
          setReasonEn('');
          setReasonCy('');
        },
        onError: errors.setProblem,
      },
    );
  }

  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('improvement.statusChange.title')}</h2>
      {done ? <SuccessBanner title={t('improvement.statusChange.done', { status: t(`improvement.status.${done}`) })} /> : null}
      <form noValidate onSubmit={submit} data-testid="status-form">
        <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
        <Radios
          id={errors.idFor('status')}
          name="status"
          legend={t('improvement.statusChange.to')}
          hint={t('improvement.statusChange.hint')}
          value={status}
          onChange={(value) => setStatus(value as ActionStatus)}
          error={errors.fieldError('status')}
          options={action.allowed_transitions.map((s) => ({ value: s, label: t(`improvement.status.${s}`) }))}
        />
        <Textarea
          id={errors.idFor('explanation')}
          label={t('improvement.statusChange.explanation')}
          hint={t('improvement.statusChange.explanationHint')}
          rows={3}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          error={errors.fieldError('explanation')}
        />
        {status !== '' && needsPublicReason(status) ? (
          <>
            <Textarea
              id={errors.idFor('reason')}
              label={t('improvement.statusChange.reasonEn')}
              hint={fromServiceUser ? t('improvement.statusChange.reasonHintServiceUser', { n: SERVICE_USER_REASON_MIN }) : t('improvement.statusChange.reasonHint')}
              rows={3}
              value={reasonEn}
              onChange={(e) => setReasonEn(e.target.value)}
              error={errors.fieldError('reason') ?? errors.fieldError('en')}
            />
            <Textarea id={errors.idFor('reason_cy')} lang="cy" label={t('improvement.statusChange.reasonCy')} rows={3} value={reasonCy} onChange={(e) => setReasonCy(e.target.value)} />
          </>
        ) : null}
        <Button type="submit" busy={changeStatus.isPending}>
          {t('improvement.statusChange.submit')}
        </Button>
      </form>
    </section>
  );
}

/** Progress notes with a percentage, by a responsible organisation that accepted its part. */
function UpdatesSection({ action, user }: { action: Action; user: User }) {
  const { t, i18n } = useTranslation();
  const postUpdate = usePostUpdateMutation(action.id);
  const updates = useUpdates(action.id);
  const accepted = action.responsibilities.filter((r) => r.state === 'accepted');
  const mine = user.is_platform_admin ? accepted : accepted.filter((r) => worksFor(user, r.organisation_id));
  const canWrite = mine.length > 0 && (action.status === 'agreed' || action.status === 'in_progress');
  const names = new Map(action.responsibilities.map((r) => [r.organisation_id, r.organisation_name]));
  const [organisationId, setOrganisationId] = useState('');
  const [noteEn, setNoteEn] = useState('');
  const [noteCy, setNoteCy] = useState('');
  const [percent, setPercent] = useState(String(action.progress));
  const errors = useFormErrors('update-', {
    organisation_id: t('improvement.updates.organisation'),
    note: t('improvement.updates.noteEn'),
    en: t('improvement.updates.noteEn'),
    percent: t('improvement.updates.percent'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    const value = Number(percent);
    const writer = organisationId || (mine.length === 1 ? (mine[0]?.organisation_id ?? '') : '');
    if (mine.length > 1 && !writer) problems.push({ name: 'organisation_id', message: t('improvement.updates.organisationMissing') });
    if (noteEn.trim() === '') problems.push({ name: 'note', message: t('improvement.updates.noteMissing') });
    if (percent.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) {
      problems.push({ name: 'percent', message: t('improvement.updates.percentInvalid') });
    }
    if (problems.length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    errors.clear();
    postUpdate.mutate(
      {
        note: { en: noteEn.trim(), ...(noteCy.trim() ? { cy: noteCy.trim() } : {}) },
        percent: value,
        ...(writer ? { organisation_id: writer } : {}),
      },
      {
        onSuccess: () => {
          setNoteEn('');
          setNoteCy('');
        },
        onError: errors.setProblem,
      },
    );
  }

  return (
    <section aria-labelledby="updates-heading" data-testid="updates">
      <h2 id="updates-heading">{t('improvement.updates.title')}</h2>
      {updates.isError && !updates.data ? <LoadError error={updates.error} onRetry={() => void updates.refetch()} /> : null}
      {updates.data && updates.data.length === 0 ? <p>{t('improvement.updates.none')}</p> : null}
      {updates.data && updates.data.length > 0 ? (
        <ol className="nhsuk-list">
          {updates.data.map((u) => (
            <li key={u.id} className="nhsuk-u-margin-bottom-3" data-testid="update">
              <strong>{formatDate(u.created_at)}</strong> · {names.get(u.organisation_id) ?? ''} ·{' '}
              {t('improvement.percent', { n: u.percent })}
              <span className="nhsuk-u-display-block">{localized(u.note, i18n.language)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {canWrite ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{t('improvement.updates.add')}</span>
          </summary>
          <div className="nhsuk-details__text">
            <form noValidate onSubmit={submit} data-testid="update-form">
              <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
              {mine.length > 1 ? (
                <Select
                  id={errors.idFor('organisation_id')}
                  label={t('improvement.updates.organisation')}
                  value={organisationId}
                  onChange={(e) => setOrganisationId(e.target.value)}
                  error={errors.fieldError('organisation_id')}
                  options={[{ value: '', label: t('common.choose') }, ...mine.map((r) => ({ value: r.organisation_id, label: r.organisation_name }))]}
                />
              ) : null}
              <Textarea id={errors.idFor('note')} label={t('improvement.updates.noteEn')} hint={t('improvement.updates.noteHint')} rows={3} value={noteEn} onChange={(e) => setNoteEn(e.target.value)} error={errors.fieldError('note') ?? errors.fieldError('en')} />
              <Textarea id={errors.idFor('note_cy')} lang="cy" label={t('improvement.updates.noteCy')} rows={3} value={noteCy} onChange={(e) => setNoteCy(e.target.value)} />
              <TextInput
                id={errors.idFor('percent')}
                inputMode="numeric"
                label={t('improvement.updates.percent')}
                hint={t('improvement.updates.percentHint')}
                widthClass="nhsuk-input--width-3"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
                error={errors.fieldError('percent')}
              />
              <Button type="submit" busy={postUpdate.isPending}>
                {t('improvement.updates.submit')}
              </Button>
            </form>
          </div>
        </details>
      ) : null}
    </section>
  );
}

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
  if (known) return <>{t(`improvement.timeline.${known}`, { organisation: organisation ?? '' })}</>;
  return <>{entry.kind}</>;
}

function Timeline({ action }: { action: Action }) {
  const { t } = useTranslation();
  const timeline = useTimeline(action.id);
  const names = new Map(action.responsibilities.map((r) => [r.organisation_id, r.organisation_name]));
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
              {entry.explanation ? <span className="nhsuk-u-display-block">{entry.explanation}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
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
  const summary = localized(a.summary, i18n.language);
  const reason = localized(a.closure_reason, i18n.language);

  return (
    <>
      <BackLink to="/actions">{t('improvement.board.title')}</BackLink>
      {search.get('proposed') === '1' ? <SuccessBanner title={t('improvement.propose.done')} /> : null}
      <span className="nhsuk-caption-l">{t('improvement.action')}</span>
      <h1>{title}</h1>
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
      <p className="app-pre-line">{localized(a.description, i18n.language)}</p>
      <h2>{t('improvement.youSaidWeDid')}</h2>
      <p data-testid="action-summary">{summary || t('improvement.noSummary')}</p>
      {reason ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
          <p>
            <strong>{t('improvement.reasonNotTaken')}</strong> {reason}
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
      {a.allowed_transitions.length > 0 && mayDecide(user) ? <StatusChangeForm action={a} /> : null}
      <UpdatesSection key={`updates-${a.progress}`} action={a} user={user} />
      <PdsaSection action={a} user={user} />
      <Timeline action={a} />
      <p>
        <Link to={`/public/partnerships/${a.partnership_id}`}>{t('improvement.public.link')}</Link>
      </p>
    </>
  );
}

