import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, Textarea } from '../../components/fields';
import { SuccessBanner } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { useChangeStatusMutation } from '../../features/actions/api';
import type { User } from '../../api/types';
import { usePartnershipLeads } from '../../features/actions/api';
import { usePartnershipMembers } from '../../features/partnerships/api';
import { nameIn } from '../../i18n/localized';
import {
  SERVICE_USER_REASON_MIN,
  bilingual,
  decidableTransitions,
  needsPublicReason,
  type Action,
  type ActionStatus,
} from '../../features/actions/actionsModel';

/** Move the action on, with an explanation (and a public reason where required). */
export function StatusChangeForm({ action, transitions = action.allowed_transitions }: { action: Action; transitions?: readonly ActionStatus[] }) {
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
      // Written in English or Welsh; the longer one must reach the service user's minimum.
      const longest = Math.max(reasonEn.trim().length, reasonCy.trim().length);
      if (longest === 0) problems.push({ name: 'reason', message: t('improvement.statusChange.reasonMissing') });
      else if (fromServiceUser && longest < SERVICE_USER_REASON_MIN) {
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
        ...(needsPublicReason(status) ||
        (status === 'completed' && (reasonEn.trim() !== '' || reasonCy.trim() !== ''))
          ? { reason: bilingual(reasonEn, reasonCy) }
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
          options={transitions.map((s) => ({ value: s, label: t(`improvement.status.${s}`) }))}
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
        {status === 'completed' ? (
          <>
            <Textarea
              id={errors.idFor('reason')}
              label={t('improvement.statusChange.weDidEn')}
              hint={t('improvement.statusChange.weDidHint')}
              rows={3}
              value={reasonEn}
              onChange={(e) => setReasonEn(e.target.value)}
              error={errors.fieldError('reason') ?? errors.fieldError('en')}
            />
            <Textarea id={errors.idFor('reason_cy')} lang="cy" label={t('improvement.statusChange.weDidCy')} rows={3} value={reasonCy} onChange={(e) => setReasonCy(e.target.value)} />
          </>
        ) : null}
        <Button type="submit" busy={changeStatus.isPending}>
          {t('improvement.statusChange.submit')}
        </Button>
      </form>
    </section>
  );
}

/**
 * The status form for those the server lets move the action on (the same rule as
 * changeActionStatus, offering only the moves they may make); everyone else reads who decides.
 */
export function StatusSection({ action, user }: { action: Action; user: User }) {
  const { t, i18n } = useTranslation();
  const live = action.responsibilities.filter((r) => r.state !== 'declined');
  const lead = live.find((r) => r.role === 'lead');
  const members = usePartnershipMembers(live.length === 0 && action.allowed_transitions.length > 0 ? action.partnership_id : '');
  const mayAgree = action.allowed_transitions.includes('agreed');
  const leads = usePartnershipLeads(mayAgree ? action.partnership_id : '');
  // While the members or leads are still on their way, decide with what is known: the form,
  // once shown, stays mounted (and keeps its "The action is now: …" message) when a status
  // change brings new moves that need them (agreeing asks for the partnership's leads).
  if (action.allowed_transitions.length === 0) return null;
  const memberIds = (members.data ?? []).map((m) => m.organisation_id);
  const leadIds = (leads.data ?? []).map((l) => l.user_id);
  const mine = decidableTransitions(user, action, memberIds, leadIds);
  if (mine.length > 0) return <StatusChangeForm action={action} transitions={mine} />;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('improvement.statusChange.whoTitle')}</h2>
      <p data-testid="who-decides">
        {lead
          ? t('improvement.statusChange.whoLead', { organisation: nameIn(lead.organisation_name, lead.organisation_name_cy, i18n.language) })
          : live.length > 0
            ? t('improvement.statusChange.whoResponsible')
            : t('improvement.statusChange.whoMembers')}
        {mayAgree ? ` ${t('improvement.statusChange.whoAgrees')}` : ''}
      </p>
    </section>
  );
}
