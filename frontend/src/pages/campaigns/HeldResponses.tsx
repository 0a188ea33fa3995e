// Responses held for approval: beyond a few public submissions from one connection in a day,
// responses wait for the service's staff to approve them (they count at the next release)
// or reject them (they are deleted).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import { useServicesById } from '../../features/organisations/api';
import { ApiProblem } from '../../api/problem';
import type { Answer, InstrumentContent } from '../../api/types';
import { ConfirmAction } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Checkbox } from '../../components/fields';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading, SuccessBanner } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { localized } from '../../i18n/localized';
import { useDecideHeldMutation, useHeldResponses } from '../../features/campaigns/api';


/** The most responses decided in one request (the API's limit). */
export const MAX_DECISION = 500;

export interface AnswerWords {
  dontKnow: string;
  yes: string;
  no: string;
}

/** An answer for reading: option labels in the reader's language, lists joined. */
export function answerText(content: InstrumentContent | undefined, answer: Answer, language: string, words: AnswerWords): string {
  const question = content?.questions?.find((q) => q.key === answer.question_key);
  const label = (value: unknown): string => {
    if (value === 'dont_know') return words.dontKnow;
    if (question?.type === 'yes_no' && (value === 'yes' || value === 'no')) return words[value];
    const option = question?.options?.find((o) => o.value === value);
    return option ? localized(option.label, language) : String(value);
  };
  if (Array.isArray(answer.value)) return answer.value.map(label).join(', ');
  return label(answer.value);
}

export function HeldResponsesSection({
  campaignId,
  content,
  questionText,
}: {
  campaignId: string;
  content: InstrumentContent | undefined;
  questionText: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const held = useHeldResponses(campaignId);
  const decide = useDecideHeldMutation(campaignId);
  const items = held.data?.items ?? [];
  const services = useServicesById(items.map((r) => r.service_id));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<{ decision: 'approve' | 'reject'; n: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const words = { dontKnow: t('survey.dontKnow'), yes: t('survey.yes'), no: t('survey.no') };


  function run(decision: 'approve' | 'reject') {
    if (selected.size === 0) {
      setProblem(t('campaigns.held.noneSelected'));
      return Promise.resolve();
    }
    setDone(null);
    setProblem(null);
    return decide.mutateAsync({ response_ids: [...selected].slice(0, MAX_DECISION), decision }).then(
      (result) => {
        setDone({ decision: result.decision, n: result.decided });
        setSelected(new Set());
      },
      (error: unknown) => setProblem(describeProblem(error, t)),
    );
  }

  // Staff of other organisations are not shown this section at all.
  if (held.isError && held.error instanceof ApiProblem && (held.error.status === 403 || held.error.status === 404)) return null;

  const serviceName = (id: string) => {
    const service = services.get(id);
    return service ? localName(service) : t('results.unknownService');
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby="held-title" data-testid="held-responses" id="held-responses">
      <h2 id="held-title">{t('campaigns.held.title')}</h2>
      <p>{t('campaigns.held.why')}</p>
      <p>{t('campaigns.held.how')}</p>
      <p>{t('campaigns.held.whenShown')}</p>
      {done ? (
        <SuccessBanner title={done.decision === 'approve' ? t('campaigns.held.approved', { n: done.n }) : t('campaigns.held.rejected', { n: done.n })} />
      ) : null}
      <ErrorSummary detail={problem} items={[]} />
      {held.isError && !held.data ? (
        <LoadError error={held.error} onRetry={() => void held.refetch()} />
      ) : !held.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('campaigns.held.none')}</Empty>
      ) : (
        <>
          <div className="app-button-row">
            <Button type="button" variant="secondary" small onClick={() => setSelected(new Set(items.map((r) => r.id)))}>
              {t('campaigns.held.selectAll')}
            </Button>
            <Button type="button" variant="secondary" small onClick={() => setSelected(new Set())}>
              {t('campaigns.held.clearAll')}
            </Button>
          </div>
          <ul className="app-card-list" data-testid="held-list">
            {items.map((r) => (
              <li key={r.id} className="nhsuk-card" data-testid="held-response">
                <div className="nhsuk-card__content">
                  <Checkbox
                    id={`held-${r.id}`}
                    label={t('campaigns.held.select', { day: formatDate(r.submitted_at), service: serviceName(r.service_id) })}
                    checked={selected.has(r.id)}
                    onChange={(on) => toggle(r.id, on)}
                  />
                  <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
                    {r.answers.map((a) => (
                      <div className="nhsuk-summary-list__row" key={a.id}>
                        <dt className="nhsuk-summary-list__key">{questionText(a.question_key)}</dt>
                        <dd className="nhsuk-summary-list__value app-pre-wrap">{answerText(content, a, i18n.language, words)}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              </li>
            ))}
          </ul>
          {held.data.next_cursor ? <p>{t('campaigns.held.more')}</p> : null}
          <p className="nhsuk-u-margin-top-3" role="status" data-testid="held-selected">
            {t('campaigns.held.selected', { n: selected.size })}
          </p>
          <div className="app-button-row">
            <Button type="button" busy={decide.isPending && decide.variables?.decision === 'approve'} onClick={() => void run('approve')}>
              {t('campaigns.held.approve')}
            </Button>
            {selected.size === 0 ? (
              <Button type="button" variant="secondary" onClick={() => void run('reject')}>
                {t('campaigns.held.reject')}
              </Button>
            ) : (
              <ConfirmAction
                label={t('campaigns.held.reject')}
                question={t('campaigns.held.rejectQuestion', { n: selected.size })}
                confirmLabel={t('campaigns.held.rejectConfirm')}
                busy={decide.isPending && decide.variables?.decision === 'reject'}
                onConfirm={() => run('reject')}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
