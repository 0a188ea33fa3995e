import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../i18n/localized';
import { BarChart } from '../../components/charts/BarChart';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Button } from '../../components/fields';
import { ProposeFromQuestion } from '../actions/ProposeActionButton';
import {
  countText,
  intervalText,
  isHeldBack,
  questionCsv,
  rowStats,
  rowsShown,
  saveText,
  toCategories,
  type QuestionResult,
} from '../../features/results/resultsModel';

/** A bilingual text in the reader's language, or a fallback. */
export function useQuestionText() {
  const { i18n } = useTranslation();
  return (text: { en?: string | null; cy?: string | null } | null | undefined, fallback: string) =>
    localized(text, i18n.language) || fallback;
}

function QuestionTable({
  question,
  unitName,
  optionLabel,
  caption,
}: {
  question: QuestionResult;
  unitName: (unit: string) => string;
  optionLabel: (value: string) => string;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const rows = rowsShown(question);
  const words = {
    heldBack: t('results.heldBack'),
    withPercent: (n: string, percent: string) => t('results.table.cell', { n, percent }),
  };
  return (
    // A wide table scrolls inside a region a keyboard can reach, not the page.
    <ScrollRegion label={caption}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              {t('results.table.option')}
            </th>
            {rows.map((row) => (
              <th scope="col" className="nhsuk-table__header" key={row.unit}>
                {unitName(row.unit)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {question.options.map((option) => (
            <tr className="nhsuk-table__row" key={option}>
              <th scope="row" className="nhsuk-table__header">
                {optionLabel(option)}
              </th>
              {rows.map((row) => {
                const cell = row.cells.find((c) => c.value === option);
                const heldBack = isHeldBack(cell);
                return (
                  <td className="nhsuk-table__cell" key={row.unit} data-suppressed={heldBack ? 'true' : undefined}>
                    {heldBack ? (
                      <span>{countText(cell, words, i18n.language)}</span>
                    ) : (
                      <>
                        {countText(cell, words, i18n.language)}
                        {intervalText(cell, i18n.language) ? (
                          <span className="nhsuk-body-s nhsuk-u-display-block">
                            {t('results.table.interval', { range: intervalText(cell, i18n.language) })}
                          </span>
                        ) : null}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__header">
              {t('results.table.answered')}
            </th>
            {rows.map((row) => (
              <td className="nhsuk-table__cell" key={row.unit}>
                {row.n === null ? t('results.heldBack') : row.n}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** One question's results: what was answered in each unit, the chart and the table of numbers, and what can be done with them. */
export function QuestionBlock({
  question,
  text,
  unitName,
  optionLabel,
  campaignName,
  partnershipId,
}: {
  question: QuestionResult;
  text: string;
  unitName: (unit: string) => string;
  optionLabel: (value: string) => string;
  campaignName: string;
  partnershipId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const rows = rowsShown(question);
  const series = rows.map((row) => ({ key: row.unit, label: unitName(row.unit) }));
  const hasBars = question.options.length > 0;
  const cellWords = {
    heldBack: t('results.heldBack'),
    withPercent: (n: string, percent: string) => t('results.table.cell', { n, percent }),
  };
  return (
    <section className="nhsuk-card" aria-labelledby={headingId} data-testid="question-result" data-question={question.question_key}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-heading-m" id={headingId}>
          {text}
        </h2>
        {rows.map((row) => {
          const stats = rowStats(row, i18n.language);
          return (
            <div key={row.unit}>
              {rows.length > 1 ? <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{unitName(row.unit)}</h3> : null}
              <ul className="app-stat-list">
                <li>
                  {t('results.answered')}: <strong>{row.n === null ? t('results.heldBack') : row.n}</strong>
                </li>
                {stats.map((s) => (
                  <li key={s.key}>
                    {t(`results.stat.${s.key}`)}: <strong>{s.value}</strong>
                  </li>
                ))}
                {stats.length === 0 && row.suppressed && (question.type === 'likert' || question.type === 'rating' || question.type === 'number')
                  ? <li>{t('results.statsWithheld')}</li>
                  : null}
              </ul>
            </div>
          );
        })}
        {hasBars ? (
          <>
            <BarChart
              categories={toCategories(question, optionLabel)}
              series={series}
              title={text}
              valueText={(bar) => countText(bar, cellWords, i18n.language)}
            />
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">{t('results.showTable')}</span>
              </summary>
              <div className="nhsuk-details__text">
                <QuestionTable question={question} unitName={unitName} optionLabel={optionLabel} caption={text} />
              </div>
            </details>
          </>
        ) : null}
        <Button
          type="button"
          variant="secondary"
          small
          onClick={() =>
            saveText(
              questionCsv(question, unitName, optionLabel),
              `${campaignName.replace(/[^A-Za-z0-9]+/g, '-')}-${question.question_key}.csv`,
            )
          }
        >
          {t('results.downloadTable')}
          <span className="nhsuk-u-visually-hidden"> {text}</span>
        </Button>
        <ProposeFromQuestion questionKey={question.question_key} hiddenContext={text} partnershipId={partnershipId} />
      </div>
    </section>
  );
}
