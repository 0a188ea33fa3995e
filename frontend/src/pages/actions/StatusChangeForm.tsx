import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, Textarea } from '../../components/fields';
import { SuccessBanner } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { useChangeStatusMutation } from '../../features/actions/api';
import { SERVICE_USER_REASON_MIN, bilingual, needsPublicReason, type Action, type ActionStatus } from '../../features/actions/actionsModel';

/** Move the action on, with an explanation (and a public reason where required). */
export function StatusChangeForm({ action }: { action: Action }) {
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
        ...(needsPublicReason(status)
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
