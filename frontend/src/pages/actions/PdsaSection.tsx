import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, Select, TextInput, Textarea } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { formatDate } from '../../components/format';
import { LoadError, Loading, Tag } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { useCycles, useIndicatorOptions, useRecordStageMutation, useStartCycleMutation } from '../../features/actions/api';
import {
  PDSA_DECISIONS,
  openCycle,
  pdsaStageBody,
  todayIso,
  worksFor,
  type Action,
  type PdsaCycle,
} from '../../features/actions/actionsModel';
import { localized } from '../../i18n/localized';

function chartHref(cycle: PdsaCycle): string | null {
  if (!cycle.indicator_id) return null;
  const query = new URLSearchParams({ organisation_id: cycle.organisation_id });
  if (cycle.service_id) query.set('service_id', cycle.service_id);
  return `/indicators/${cycle.indicator_id}?${query.toString()}`;
}

function Stage({ label, notes, on }: { label: string; notes: string | null | undefined; on: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">
        {notes ? (
          <>
            {notes}
            {on ? <span className="nhsuk-body-s nhsuk-u-display-block">{formatDate(on)}</span> : null}
          </>
        ) : (
          <span className="nhsuk-body-s">{t('improvement.pdsa.notYet')}</span>
        )}
      </dd>
    </div>
  );
}

/** The next stage of an open cycle: do, study, then act (adopt, adapt or abandon). */
function NextStageForm({ action, cycle }: { action: Action; cycle: PdsaCycle }) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState('');
  const [on, setOn] = useState(todayIso());
  const [decision, setDecision] = useState('');
  const [nextObjective, setNextObjective] = useState('');
  const record = useRecordStageMutation(action.id, cycle);
  const stage = cycle.stage;
  const notesField = stage === 'do' ? 'do_notes' : stage === 'study' ? 'study_notes' : 'act_notes';
  const dateField = stage === 'do' ? 'done_on' : stage === 'study' ? 'studied_on' : 'acted_on';
  const errors = useFormErrors(`pdsa-${cycle.id}-`, {
    [notesField]: t(`improvement.pdsa.stageNotes.${stage === 'do' ? 'do' : stage === 'study' ? 'study' : 'act'}`),
    [dateField]: t('improvement.pdsa.stageDate'),
    decision: t('improvement.pdsa.decision'),
    next_objective: t('improvement.pdsa.nextObjective'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (notes.trim() === '') problems.push({ name: notesField, message: t('improvement.pdsa.notesMissing') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) {
      problems.push({ name: dateField, message: (on && dateError(t, on, t('improvement.pdsa.stageDate'))) || t('improvement.pdsa.dateMissing') });
    }
    if (stage === 'act' && decision === '') problems.push({ name: 'decision', message: t('improvement.pdsa.decisionMissing') });
    if (problems.length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    const body = pdsaStageBody(stage, { notes, on, decision, nextObjective });
    if (!body) return;
    errors.clear();
    record.mutate(body, { onError: errors.setProblem });
  }

  const stageKey = stage === 'do' ? 'do' : stage === 'study' ? 'study' : 'act';
  return (
    <form noValidate onSubmit={submit} data-testid="pdsa-stage-form">
      <h4 className="nhsuk-heading-xs">{t(`improvement.pdsa.recordStage.${stageKey}`)}</h4>
      <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
      <Textarea
        id={errors.idFor(notesField)}
        label={t(`improvement.pdsa.stageNotes.${stageKey}`)}
        hint={t(`improvement.pdsa.stageHint.${stageKey}`)}
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={errors.fieldError(notesField)}
      />
      {stage === 'act' ? (
        <>
          <Radios
            id={errors.idFor('decision')}
            name={`decision-${cycle.id}`}
            legend={t('improvement.pdsa.decision')}
            value={decision}
            onChange={setDecision}
            error={errors.fieldError('decision')}
            options={PDSA_DECISIONS.map((d) => ({ value: d, label: t(`improvement.pdsa.decisions.${d}`) }))}
          />
          {decision === 'adopt' || decision === 'adapt' ? (
            <TextInput
              id={errors.idFor('next_objective')}
              label={t('improvement.pdsa.nextObjective')}
              hint={t('improvement.pdsa.nextObjectiveHint')}
              value={nextObjective}
              onChange={(e) => setNextObjective(e.target.value)}
              error={errors.fieldError('next_objective')}
            />
          ) : null}
        </>
      ) : null}
      <DateInput
        id={errors.idFor(dateField)}
        label={t('improvement.pdsa.stageDate')}
        value={on}
        onChange={setOn}
        error={errors.fieldError(dateField)}
      />
      <Button type="submit" small busy={record.isPending}>
        {t('improvement.pdsa.saveStage')}
      </Button>
    </form>
  );
}

/** Plan a new cycle: objective, prediction, the indicator that will tell, start date. */
function PlanForm({ action }: { action: Action }) {
  const { t, i18n } = useTranslation();
  const indicators = useIndicatorOptions();
  const indicatorEvidence = action.evidence.find((e) => e.kind === 'indicator')?.indicator_id ?? '';
  const [objective, setObjective] = useState('');
  const [prediction, setPrediction] = useState('');
  const [indicatorId, setIndicatorId] = useState(indicatorEvidence);
  const [plannedOn, setPlannedOn] = useState(todayIso());
  const start = useStartCycleMutation(action.id);
  const errors = useFormErrors('plan-', {
    objective: t('improvement.pdsa.objective'),
    prediction: t('improvement.pdsa.prediction'),
    indicator_id: t('improvement.pdsa.indicator'),
    planned_on: t('improvement.pdsa.plannedOn'),
    organisation_id: t('improvement.pdsa.indicator'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (objective.trim() === '') problems.push({ name: 'objective', message: t('improvement.pdsa.objectiveMissing') });
    if (prediction.trim() === '') problems.push({ name: 'prediction', message: t('improvement.pdsa.predictionMissing') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(plannedOn)) {
      problems.push({ name: 'planned_on', message: (plannedOn && dateError(t, plannedOn, t('improvement.pdsa.plannedOn'))) || t('improvement.pdsa.dateMissing') });
    }
    if (problems.length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    errors.clear();
    start.mutate(
      {
        objective: objective.trim(),
        prediction: prediction.trim(),
        planned_on: plannedOn,
        ...(indicatorId ? { indicator_id: indicatorId } : {}),
      },
      {
        onSuccess: () => {
          setObjective('');
          setPrediction('');
        },
        onError: errors.setProblem,
      },
    );
  }

  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{t('improvement.pdsa.planTitle')}</span>
      </summary>
      <div className="nhsuk-details__text">
        <form noValidate onSubmit={submit} data-testid="pdsa-plan-form">
          <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
          <Textarea id={errors.idFor('objective')} label={t('improvement.pdsa.objective')} rows={2} value={objective} onChange={(e) => setObjective(e.target.value)} error={errors.fieldError('objective')} />
          <Textarea id={errors.idFor('prediction')} label={t('improvement.pdsa.prediction')} hint={t('improvement.pdsa.predictionHint')} rows={2} value={prediction} onChange={(e) => setPrediction(e.target.value)} error={errors.fieldError('prediction')} />
          <Select
            id={errors.idFor('indicator_id')}
            label={t('improvement.pdsa.indicator')}
            hint={t('improvement.pdsa.indicatorHint')}
            value={indicatorId}
            onChange={(e) => setIndicatorId(e.target.value)}
            error={errors.fieldError('indicator_id')}
            options={[
              { value: '', label: t('common.notGiven') },
              ...(indicators.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code}: ${localized(i.name, i18n.language)}` })),
            ]}
          />
          <DateInput id={errors.idFor('planned_on')} label={t('improvement.pdsa.plannedOn')} value={plannedOn} onChange={setPlannedOn} error={errors.fieldError('planned_on')} />
          <Button type="submit" small busy={start.isPending}>
            {t('improvement.pdsa.planSubmit')}
          </Button>
        </form>
      </div>
    </details>
  );
}

const STAGE_COLOUR = { plan: 'blue', do: 'purple', study: 'aqua-green', act: 'orange', done: 'green' } as const;

/** Plan–do–study–act cycles on the action, each stage annotated on the indicator's chart. */
export function PdsaSection({ action, user }: { action: Action; user: User }) {
  const { t } = useTranslation();
  const cycles = useCycles(action.id);
  const accepted = action.responsibilities.filter((r) => r.state === 'accepted');
  const writer = user.is_platform_admin || accepted.some((r) => worksFor(user, r.organisation_id));
  const active = action.status === 'agreed' || action.status === 'in_progress';
  const list = cycles.data ?? [];
  const open = openCycle(list);

  return (
    <section aria-labelledby="pdsa-heading" data-testid="pdsa">
      <h2 id="pdsa-heading">{t('improvement.pdsa.title')}</h2>
      <p className="nhsuk-body-s">{t('improvement.pdsa.intro')}</p>
      {cycles.isError && !cycles.data ? <LoadError error={cycles.error} onRetry={() => void cycles.refetch()} /> : null}
      {cycles.isPending ? <Loading /> : null}
      {cycles.data && list.length === 0 ? <p>{t('improvement.pdsa.none')}</p> : null}
      {list.map((cycle) => {
        const href = chartHref(cycle);
        const stageKey = cycle.stage as keyof typeof STAGE_COLOUR;
        return (
          <div className="nhsuk-card" key={cycle.id} data-testid="pdsa-cycle" data-stage={cycle.stage}>
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading nhsuk-heading-s">
                {t('improvement.pdsa.cycle', { n: cycle.number })}{' '}
                <Tag colour={STAGE_COLOUR[stageKey] ?? 'grey'}>{t(`improvement.pdsa.stage.${stageKey in STAGE_COLOUR ? stageKey : 'plan'}`)}</Tag>
              </h3>
              <dl className="nhsuk-summary-list">
                <Stage label={t('improvement.pdsa.plan')} notes={`${cycle.objective} — ${t('improvement.pdsa.predicted', { prediction: cycle.prediction })}`} on={cycle.planned_on} />
                <Stage label={t('improvement.pdsa.do')} notes={cycle.do_notes} on={cycle.done_on} />
                <Stage label={t('improvement.pdsa.study')} notes={cycle.study_notes} on={cycle.studied_on} />
                <Stage
                  label={t('improvement.pdsa.act')}
                  notes={cycle.decision ? `${t(`improvement.pdsa.decisions.${cycle.decision}`)}: ${cycle.act_notes ?? ''}` : cycle.act_notes}
                  on={cycle.acted_on}
                />
              </dl>
              {href ? (
                <p>
                  <Link to={href} data-testid="pdsa-chart-link">
                    {t('improvement.pdsa.chartLink', { n: cycle.number })}
                  </Link>
                </p>
              ) : null}
              {open?.id === cycle.id && cycle.stage !== 'plan' && (user.is_platform_admin || worksFor(user, cycle.organisation_id)) ? (
                <NextStageForm key={`${cycle.id}-${cycle.stage}`} action={action} cycle={cycle} />
              ) : null}
            </div>
          </div>
        );
      })}
      {writer && active && !open && cycles.data ? <PlanForm action={action} /> : null}
    </section>
  );
}
