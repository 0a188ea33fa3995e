import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { AssuranceIcon, VariationIcon } from '../../components/charts/MdcIcons';
import { SpcChart, annotationNumbers } from '../../components/charts/SpcChart';
import { formatWithUnit } from '../../components/charts/scale';
import { markerOf } from '../../components/charts/spcGeometry';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Checkbox, Select, TextInput, Textarea } from '../../components/fields';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading, SuccessBanner } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { canEditIn } from '../instruments/permissions';
import { ProposeActionButton } from '../actions/ProposeActionButton';
import {
  chartLink,
  derivedFromSurveys,
  settingsFromSearch,
  unitKey,
  unitsOf,
  useAllPartnershipIndicators,
  useAnnotateMutation,
  useChart,
  useIndicator,
  useLiveIndicators,
  useMeasurements,
  type ChartRead,
  type IndicatorRead,
} from '../../features/indicators/api';
import { localized } from '../../i18n/localized';
import { usePartnershipOptions } from '../../features/partnerships/api';

function ChartTable({ chart, unit }: { chart: ChartRead; unit: string }) {
  const { t, i18n } = useTranslation();
  const value = (v: number) => formatWithUnit(v, unit, i18n.language, 2);
  return (
    <div className="app-table-scroll">
      <table className="nhsuk-table" data-testid="spc-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{t('indicators.tableCaption')}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">{t('indicators.col.period')}</th>
            <th scope="col" className="nhsuk-table__header">{t('indicators.col.value')}</th>
            <th scope="col" className="nhsuk-table__header">{t('indicators.col.mean')}</th>
            <th scope="col" className="nhsuk-table__header">{t('indicators.col.lower')}</th>
            <th scope="col" className="nhsuk-table__header">{t('indicators.col.upper')}</th>
            <th scope="col" className="nhsuk-table__header">{t('indicators.col.signal')}</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {chart.points.map((p) => (
            <tr className="nhsuk-table__row" key={p.period_start}>
              <th scope="row" className="nhsuk-table__header">
                {t('indicators.periodText', { start: formatDate(p.period_start), end: formatDate(p.period_end) })}
              </th>
              <td className="nhsuk-table__cell">{value(p.value)}</td>
              <td className="nhsuk-table__cell">{value(p.mean)}</td>
              <td className="nhsuk-table__cell">{value(p.lower_limit)}</td>
              <td className="nhsuk-table__cell">{value(p.upper_limit)}</td>
              <td className="nhsuk-table__cell">
                {p.special_cause
                  ? t('indicators.signalText', {
                      nature: t(`indicators.marker.${markerOf(p)}`),
                      rule: t(`indicators.rule.${p.special_cause}`),
                    })
                  : t('indicators.marker.common')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AnnotationForm({
  indicatorId,
  organisationId,
  serviceId,
}: {
  indicatorId: string;
  organisationId: string;
  serviceId: string | null;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('annotation-', {
    on_date: t('indicators.annotate.date'),
    en: t('indicators.annotate.textEn'),
    cy: t('indicators.annotate.textCy'),
  });
  const [onDate, setOnDate] = useState('');
  const [textEn, setTextEn] = useState('');
  const [textCy, setTextCy] = useState('');
  const annotate = useAnnotateMutation(indicatorId);
  const [done, setDone] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const missing = [];
    if (!onDate) missing.push({ name: 'on_date', message: t('indicators.annotate.dateMissing') });
    if (!textEn.trim() && !textCy.trim()) missing.push({ name: 'en', message: t('indicators.annotate.textMissing') });
    if (missing.length > 0) {
      form.setFieldErrors(missing);
      return;
    }
    form.clear();
    annotate.mutate(
      {
        organisation_id: organisationId,
        service_id: serviceId,
        on_date: onDate,
        text: { en: textEn.trim() || null, cy: textCy.trim() || null },
      },
      {
        onSuccess: () => {
          setOnDate('');
          setTextEn('');
          setTextCy('');
          setDone(true);
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="annotation-form">
      {done ? <SuccessBanner title={t('indicators.annotate.added')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput
        id={form.idFor('on_date')}
        type="date"
        label={t('indicators.annotate.date')}
        value={onDate}
        onChange={(e) => setOnDate(e.target.value)}
        error={form.fieldError('on_date')}
        widthClass="nhsuk-input--width-10"
      />
      <Textarea id={form.idFor('en')} lang="en" rows={2} label={t('indicators.annotate.textEn')} value={textEn} onChange={(e) => setTextEn(e.target.value)} error={form.fieldError('en')} />
      <Textarea
        id={form.idFor('cy')}
        lang="cy"
        rows={2}
        label={t('indicators.annotate.textCy')}
        hint={t('common.optional')}
        value={textCy}
        onChange={(e) => setTextCy(e.target.value)}
        error={form.fieldError('cy')}
      />
      <Button type="submit" busy={annotate.isPending}>
        {t('indicators.annotate.submit')}
      </Button>
    </form>
  );
}

function SettingsForm({ search, onApply }: { search: URLSearchParams; onApply: (next: URLSearchParams) => void }) {
  const { t } = useTranslation();
  const [baseline, setBaseline] = useState(search.get('baseline_points') ?? '');
  const [cuts, setCuts] = useState(search.getAll('recalculate_at').join(', '));
  const [runLength, setRunLength] = useState(search.get('run_length') ?? '7');
  const [screen, setScreen] = useState(search.get('screen_moving_ranges') === 'true');
  const [rule, setRule] = useState(search.get('two_of_three') ?? 'beyond_band');
  const [bands, setBands] = useState(search.get('bands') !== 'false');
  const [problems, setProblems] = useState<{ text: string; targetId: string }[]>([]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const found: { text: string; targetId: string }[] = [];
    const dates = cuts
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (baseline && !(/^\d+$/.test(baseline) && Number(baseline) >= 2 && Number(baseline) <= 500)) {
      found.push({ text: t('indicators.settings.baselineInvalid'), targetId: 'chart-baseline' });
    }
    if (dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(new Date(d).getTime()))) {
      found.push({ text: t('indicators.settings.datesInvalid'), targetId: 'chart-recalculate' });
    }
    setProblems(found);
    if (found.length > 0) return;
    const next = new URLSearchParams();
    for (const key of ['organisation_id', 'service_id']) {
      const value = search.get(key);
      if (value) next.set(key, value);
    }
    if (baseline) next.set('baseline_points', baseline);
    dates.forEach((d) => next.append('recalculate_at', d));
    if (runLength !== '7') next.set('run_length', runLength);
    if (screen) next.set('screen_moving_ranges', 'true');
    if (rule !== 'beyond_band') next.set('two_of_three', rule);
    if (!bands) next.set('bands', 'false');
    onApply(next);
  }

  const error = (id: string) => problems.find((p) => p.targetId === id)?.text;
  return (
    <form onSubmit={apply} noValidate data-testid="chart-settings">
      <ErrorSummary items={problems} />
      <TextInput
        id="chart-baseline"
        label={t('indicators.settings.baseline')}
        hint={t('indicators.settings.baselineHint')}
        inputMode="numeric"
        widthClass="nhsuk-input--width-4"
        value={baseline}
        onChange={(e) => setBaseline(e.target.value)}
        error={error('chart-baseline')}
      />
      <TextInput
        id="chart-recalculate"
        label={t('indicators.settings.recalculate')}
        hint={t('indicators.settings.recalculateHint')}
        value={cuts}
        onChange={(e) => setCuts(e.target.value)}
        error={error('chart-recalculate')}
      />
      <Select
        id="chart-run-length"
        label={t('indicators.settings.runLength')}
        options={[5, 6, 7, 8, 9, 10, 11, 12].map((n) => ({ value: String(n), label: String(n) }))}
        value={runLength}
        onChange={(e) => setRunLength(e.target.value)}
      />
      <Select
        id="chart-two-of-three"
        label={t('indicators.settings.twoOfThree')}
        options={[
          { value: 'beyond_band', label: t('indicators.settings.beyondBand') },
          { value: 'within_limits', label: t('indicators.settings.withinLimits') },
        ]}
        value={rule}
        onChange={(e) => setRule(e.target.value)}
      />
      <Checkbox id="chart-screen" label={t('indicators.settings.screen')} checked={screen} onChange={setScreen} />
      <Checkbox id="chart-bands" label={t('indicators.settings.bands')} checked={bands} onChange={setBands} />
      <Button type="submit" variant="secondary">
        {t('indicators.settings.apply')}
      </Button>
    </form>
  );
}

function Summary({ chart, indicator }: { chart: ChartRead; indicator: IndicatorRead }) {
  const { t, i18n } = useTranslation();
  const last = chart.points[chart.points.length - 1];
  return (
    <div className="nhsuk-card" data-testid="spc-summary">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m">{t('indicators.summaryTitle')}</h2>
        {last ? (
          <p>
            {t('indicators.latestText', {
              value: formatWithUnit(last.value, indicator.unit, i18n.language),
              start: formatDate(last.period_start),
              end: formatDate(last.period_end),
              mean: formatWithUnit(last.mean, indicator.unit, i18n.language),
              lower: formatWithUnit(last.lower_limit, indicator.unit, i18n.language),
              upper: formatWithUnit(last.upper_limit, indicator.unit, i18n.language),
            })}
          </p>
        ) : null}
        <ul className="app-stat-list">
          <li>
            <VariationIcon variation={chart.variation} />
          </li>
          <li>
            <AssuranceIcon assurance={chart.assurance} />
          </li>
        </ul>
        <p>{t(`indicators.variationExplained.${chart.variation ?? 'none'}`, { defaultValue: t('indicators.variationExplained.none') })}</p>
        {chart.target !== null ? (
          <p>
            {t('indicators.targetText', { value: formatWithUnit(chart.target, indicator.unit, i18n.language) })}{' '}
            {chart.assurance ? t(`indicators.assuranceExplained.${chart.assurance}`) : ''}
          </p>
        ) : (
          <p>{t('indicators.noTarget')}</p>
        )}
        {chart.warnings.length > 0 ? (
          <div className="nhsuk-warning-callout" data-testid="spc-warnings">
            <h3 className="nhsuk-warning-callout__label">{t('indicators.warningsTitle')}</h3>
            <ul>
              {chart.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}

export function IndicatorChartPage({ user }: { user: User }) {
  const { indicatorId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();
  const organisationId = search.get('organisation_id');
  const serviceId = search.get('service_id');
  const settings = settingsFromSearch(search);
  const showBands = search.get('bands') !== 'false';

  const indicator = useIndicator(indicatorId);
  const partnerships = usePartnershipOptions();
  const overviews = useAllPartnershipIndicators((partnerships.data?.items ?? []).map((p) => p.id));
  const units = unitsOf(
    overviews.map((o) => o.data),
    indicatorId,
  );
  const overviewsLoaded = partnerships.data !== undefined && overviews.every((o) => !o.isPending);
  const chart = useChart(indicatorId, organisationId, serviceId, settings);
  const measurements = useMeasurements(indicatorId, organisationId, serviceId);
  const derived = organisationId ? derivedFromSurveys(measurements.data?.items ?? [], organisationId, serviceId) : false;

  // Without a unit in the address, show the first one measured.
  const firstUnit = units[0];
  useEffect(() => {
    if (!organisationId && firstUnit) {
      void navigate(chartLink(indicatorId, firstUnit.organisation_id, firstUnit.service_id), { replace: true });
    }
  }, [organisationId, firstUnit, indicatorId, navigate]);

  useLiveIndicators({ indicatorId, organisationId });

  const name = indicator.data ? localized(indicator.data.name, i18n.language) : '';
  const current = units.find((u) => unitKey(u.organisation_id, u.service_id) === unitKey(organisationId ?? '', serviceId));
  usePageTitle(name ? (current ? `${name}: ${current.label}` : name) : t('indicators.chartTitle'));

  if (indicator.isError && !indicator.data) return <LoadError error={indicator.error} onRetry={() => void indicator.refetch()} />;
  if (!indicator.data) return <Loading />;
  const ind = indicator.data;
  const numbers = chart.data ? annotationNumbers(chart.data) : new Map<string, number>();
  const unitOptions = units.map((u) => ({ value: unitKey(u.organisation_id, u.service_id), label: u.label }));
  if (organisationId && !current) unitOptions.unshift({ value: unitKey(organisationId, serviceId), label: t('indicators.thisUnit') });
  const chartTitle = current ? `${name}: ${current.label}` : name;

  return (
    <>
      <BackLink to="/indicators">{t('indicators.title')}</BackLink>
      <h1>{name}</h1>
      <p className="nhsuk-lede-text">{localized(ind.definition, i18n.language)}</p>
      <p className="nhsuk-body-s">
        {ind.code} · {t(`indicators.direction.${ind.direction}`)} · {t('indicators.unitIs', { unit: ind.unit })}
      </p>

      {unitOptions.length > 0 ? (
        <Select
          id="chart-unit"
          label={t('indicators.unitLabel')}
          options={unitOptions}
          value={unitKey(organisationId ?? '', serviceId)}
          onChange={(e) => {
            const [org, svc] = e.target.value.split('/');
            const next = new URLSearchParams(search);
            next.set('organisation_id', org ?? '');
            if (svc) next.set('service_id', svc);
            else next.delete('service_id');
            setSearch(next, { replace: true });
          }}
        />
      ) : null}

      {!organisationId ? (
        overviewsLoaded && units.length === 0 ? <Empty>{t('indicators.noMeasurements')}</Empty> : <Loading />
      ) : chart.isError && !chart.data ? (
        <LoadError error={chart.error} onRetry={() => void chart.refetch()} />
      ) : !chart.data ? (
        <Loading />
      ) : (
        <>
          {chart.isError ? <LoadError error={chart.error} onRetry={() => void chart.refetch()} /> : null}
          <Summary chart={chart.data} indicator={ind} />
          {derived ? (
            <div className="nhsuk-inset-text" data-testid="derived-note">
              <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
              <p>{t('indicators.derivedNote')}</p>
            </div>
          ) : null}
          <ProposeActionButton evidence={{ kind: 'indicator', indicatorId: ind.id, organisationId, serviceId }} hiddenContext={chartTitle} />
          <h2>{t('indicators.chartHeading')}</h2>
          {chart.data.points.length === 0 ? (
            <Empty>{t('indicators.noMeasurements')}</Empty>
          ) : (
            <>
              <SpcChart chart={chart.data} title={chartTitle} showBands={showBands} />
              <details className="nhsuk-details">
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">{t('indicators.showTable')}</span>
                </summary>
                <div className="nhsuk-details__text">
                  <ChartTable chart={chart.data} unit={ind.unit} />
                </div>
              </details>
            </>
          )}

          <h2>{t('indicators.annotationsHeading')}</h2>
          {(chart.data.annotations ?? []).length === 0 ? (
            <p>{t('indicators.noAnnotations')}</p>
          ) : (
            <ol className="nhsuk-list" data-testid="annotation-list">
              {[...(chart.data.annotations ?? [])]
                .sort((a, b) => a.on_date.localeCompare(b.on_date))
                .map((a) => (
                  <li key={a.id}>
                    <strong>
                      {numbers.has(a.id) ? `${numbers.get(a.id)}. ` : ''}
                      {formatDate(a.on_date)}
                    </strong>
                    : {localized(a.text, i18n.language)}
                    {numbers.has(a.id) ? null : <span className="nhsuk-body-s"> ({t('indicators.annotationOutside')})</span>}
                  </li>
                ))}
            </ol>
          )}
          {canEditIn(user, organisationId) ? (
            <>
              <h3>{t('indicators.annotate.title')}</h3>
              <AnnotationForm
                indicatorId={ind.id}
                organisationId={organisationId}
                serviceId={serviceId}
              />
            </>
          ) : null}

          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">{t('indicators.settings.title')}</span>
            </summary>
            <div className="nhsuk-details__text">
              <p>{t('indicators.settings.intro')}</p>
              <SettingsForm key={search.toString()} search={search} onApply={(next) => setSearch(next, { replace: true })} />
            </div>
          </details>
        </>
      )}
    </>
  );
}
