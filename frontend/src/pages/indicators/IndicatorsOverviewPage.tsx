import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import { AssuranceIcon, VariationIcon } from '../../components/charts/MdcIcons';
import { formatWithUnit } from '../../components/charts/scale';
import { BackLink } from '../../components/actions';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { chartLink, unitLabel, useLiveIndicators, usePartnershipIndicators } from '../../features/indicators/api';
import { usePartnership, usePartnershipOptions } from '../../features/partnerships/api';
import { localized } from '../../i18n/localized';

/** /indicators: the partnerships whose indicators the person can see. */
export function IndicatorsIndexPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  usePageTitle(t('indicators.title'));
  const partnerships = usePartnershipOptions();
  return (
    <>
      <h1>{t('indicators.title')}</h1>
      <p className="nhsuk-lede-text">{t('indicators.indexLede')}</p>
      {partnerships.isError && !partnerships.data ? (
        <LoadError error={partnerships.error} onRetry={() => void partnerships.refetch()} />
      ) : !partnerships.data ? (
        <Loading />
      ) : partnerships.data.items.length === 0 ? (
        <Empty>{t('indicators.noPartnerships')}</Empty>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="indicator-partnerships">
          {partnerships.data.items.map((p) => (
            <li key={p.id}>
              <Link to={`/partnerships/${p.id}/indicators`}>{localName(p)}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A partnership's indicators side by side, grouped by standard, with Making Data Count icons. */
export function IndicatorsOverviewPage() {
  const { partnershipId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const partnership = usePartnership(partnershipId);
  const overview = usePartnershipIndicators(partnershipId);
  const headingBase = useId();
  useLiveIndicators();
  const name = partnership.data ? localName(partnership.data) : null;
  usePageTitle(name ? t('indicators.overviewTitle', { name }) : t('indicators.title'));

  if (overview.isError && !overview.data) return <LoadError error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!overview.data) return <Loading />;

  return (
    <>
      <BackLink to="/indicators">{t('indicators.title')}</BackLink>
      <h1>{name ? t('indicators.overviewTitle', { name }) : t('indicators.title')}</h1>
      <p className="nhsuk-lede-text">{t('indicators.overviewLede')}</p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{t('indicators.iconsHelpTitle')}</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{t('indicators.iconsHelpVariation')}</p>
          <p>{t('indicators.iconsHelpAssurance')}</p>
        </div>
      </details>
      {overview.data.standards.length === 0 ? <Empty>{t('indicators.none')}</Empty> : null}
      {overview.data.standards.map((group, groupIndex) => {
        const headingId = `${headingBase}-${groupIndex}`;
        return (
          <section key={group.standard?.id ?? 'none'} aria-labelledby={headingId} data-testid="standard-group">
            <h2 id={headingId}>
              {group.standard
                ? t('indicators.standardHeading', { number: group.standard.number, title: localized(group.standard.title, i18n.language) })
                : t('indicators.noStandard')}
            </h2>
            {group.indicators.map(({ indicator, units }) => (
              <div className="nhsuk-card" key={indicator.id} data-testid="indicator-card">
                <div className="nhsuk-card__content">
                  <h3 className="nhsuk-card__heading nhsuk-heading-s">
                    {localized(indicator.name, i18n.language)} <span className="nhsuk-body-s">({indicator.code})</span>
                  </h3>
                  <p className="nhsuk-body-s">
                    {t(`indicators.direction.${indicator.direction}`)}
                    {indicator.target !== null
                      ? ` · ${t('indicators.targetIs', { value: formatWithUnit(indicator.target, indicator.unit, i18n.language) })}`
                      : ''}
                  </p>
                  {units.length === 0 ? (
                    <p>{t('indicators.noMeasurements')}</p>
                  ) : (
                    <div className="app-table-scroll">
                      <table className="nhsuk-table">
                        <caption className="nhsuk-u-visually-hidden">
                          {t('indicators.unitsCaption', { name: localized(indicator.name, i18n.language) })}
                        </caption>
                        <thead className="nhsuk-table__head">
                          <tr className="nhsuk-table__row">
                            <th scope="col" className="nhsuk-table__header">{t('indicators.col.unit')}</th>
                            <th scope="col" className="nhsuk-table__header">{t('indicators.col.latest')}</th>
                            <th scope="col" className="nhsuk-table__header">{t('indicators.col.variation')}</th>
                            <th scope="col" className="nhsuk-table__header">{t('indicators.col.assurance')}</th>
                          </tr>
                        </thead>
                        <tbody className="nhsuk-table__body">
                          {units.map((unit) => {
                            const label = unitLabel(unit, i18n.language);
                            return (
                              <tr className="nhsuk-table__row" key={`${unit.organisation_id}/${unit.service_id ?? ''}`}>
                                <th scope="row" className="nhsuk-table__header">
                                  <Link to={chartLink(indicator.id, unit.organisation_id, unit.service_id)}>
                                    {label}
                                    <span className="nhsuk-u-visually-hidden">
                                      {' '}
                                      {t('indicators.chartOf', { name: localized(indicator.name, i18n.language) })}
                                    </span>
                                  </Link>
                                </th>
                                <td className="nhsuk-table__cell">
                                  <strong>{formatWithUnit(unit.latest_value, indicator.unit, i18n.language)}</strong>
                                  <span className="nhsuk-body-s nhsuk-u-display-block">
                                    {t('indicators.periodText', {
                                      start: formatDate(unit.latest_period_start),
                                      end: formatDate(unit.latest_period_end),
                                    })}
                                  </span>
                                </td>
                                <td className="nhsuk-table__cell">
                                  <VariationIcon variation={unit.variation} />
                                </td>
                                <td className="nhsuk-table__cell">
                                  <AssuranceIcon assurance={unit.assurance} hasTarget={indicator.target !== null} />
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  )}
                </div>
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
