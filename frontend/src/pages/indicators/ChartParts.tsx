import { useTranslation } from 'react-i18next';
import { AssuranceIcon, VariationIcon } from '../../components/charts/MdcIcons';
import { formatWithUnit } from '../../components/charts/scale';
import { markerOf } from '../../components/charts/spcGeometry';
import { formatDate } from '../../components/format';
import { ScrollRegion } from '../../components/ScrollRegion';
import { type ChartRead, type IndicatorRead } from '../../features/indicators/api';

/** The chart's points as a table (the same data as the chart, for screen readers and copying). */
export function ChartTable({ chart, unit }: { chart: ChartRead; unit: string }) {
  const { t, i18n } = useTranslation();
  const value = (v: number) => formatWithUnit(v, unit, i18n.language, 2);
  return (
    <ScrollRegion label={t('indicators.tableCaption')}>
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
    </ScrollRegion>
  );
}

/** What the chart says in words: the latest point against its limits, variation, assurance against the target, warnings. */
export function Summary({ chart, indicator }: { chart: ChartRead; indicator: IndicatorRead }) {
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
            <AssuranceIcon assurance={chart.assurance} hasTarget={chart.target !== null} />
          </li>
        </ul>
        <p>{t(`indicators.variationExplained.${chart.variation ?? 'none'}`, { defaultValue: t('indicators.variationExplained.none') })}</p>
        {chart.target !== null ? (
          <p>
            {t('indicators.targetText', { value: formatWithUnit(chart.target, indicator.unit, i18n.language) })}{' '}
            {chart.assurance ? t(`indicators.assuranceExplained.${chart.assurance}`) : t('indicators.assuranceExplained.notYet')}
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
