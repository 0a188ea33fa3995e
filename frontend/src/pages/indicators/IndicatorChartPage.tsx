import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { SpcChart, annotationNumbers } from '../../components/charts/SpcChart';
import { Select } from '../../components/fields';
import { Empty, LoadError, Loading } from '../../components/status';
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
  useChart,
  useIndicator,
  useLiveIndicators,
  useMeasurements,
} from '../../features/indicators/api';
import { localized, unitIn } from '../../i18n/localized';
import { usePartnershipOptions } from '../../features/partnerships/api';
import { AnnotationForm } from './AnnotationForm';
import { AnnotationList } from './AnnotationList';
import { ChartTable, Summary } from './ChartParts';
import { ChartSettingsForm } from './ChartSettingsForm';

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
    i18n.language,
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
        {ind.code} · {t(`indicators.direction.${ind.direction}`)} · {t('indicators.unitIs', { unit: unitIn(ind.unit, i18n.language) })}
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
          <AnnotationList
            indicatorId={ind.id}
            annotations={chart.data.annotations ?? []}
            numbers={numbers}
            userId={user.id}
          />
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
              <ChartSettingsForm key={search.toString()} search={search} onApply={(next) => setSearch(next, { replace: true })} />
            </div>
          </details>
        </>
      )}
    </>
  );
}
