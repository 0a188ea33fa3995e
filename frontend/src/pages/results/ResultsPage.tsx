import { useId, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { localized, useLocalName } from '../../i18n/localized';
import { useCampaign, useCampaignLinks } from '../../features/campaigns/api';
import { useVersion } from '../../features/instruments/api';
import { usePartnershipOptions } from '../../features/partnerships/api';
import { useLiveResults, useResults } from '../../features/results/api';
import { useOrganisationsById, useServicesById } from '../../features/organisations/api';
import type { Question } from '../../api/types';
import { BackLink } from '../../components/actions';
import { BarChart } from '../../components/charts/BarChart';
import { Button, Select, type SelectOption } from '../../components/fields';
import { formatDate, formatDateTime } from '../../components/format';
import { Empty, LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useAuth } from '../../auth/AuthContext';
import { canEditIn } from '../instruments/permissions';
import { DownloadButton } from '../imports/DownloadButton';
import { ProposeActionButton, ProposeFromQuestion } from '../actions/ProposeActionButton';
import {
  PERIODS,
  anySuppressed,
  asPeriod,
  countText,
  intervalText,
  isHeldBack,
  releaseState,
  questionCsv,
  rowStats,
  rowsShown,
  saveText,
  scopePartnership,
  scopeQuery,
  toCategories,
  waitingForFirstRelease,
  type CampaignResults,
  type Disclosure,
  type Period,
  type QuestionResult,
} from '../../features/results/resultsModel';

function useQuestionText() {
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
    <div className="app-table-scroll">
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
    </div>
  );
}

function QuestionBlock({
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
            <BarChart categories={toCategories(question, optionLabel)} series={series} title={text} />
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

/**
 * How the numbers are protected, in plain words, and when they last moved on: every count
 * is slightly adjusted, small ones are held back, and (for anonymous and pseudonymous
 * campaigns) results move on only by releases of several answers at a time.
 */
export function DisclosureNote({
  disclosure,
  someHeldBack,
  shown = true,
}: {
  disclosure: Disclosure;
  someHeldBack: boolean;
  /** Whether the chosen scope and period have anything released to show. */
  shown?: boolean;
}) {
  const { t } = useTranslation();
  const release = releaseState(disclosure);
  return (
    <div className="nhsuk-inset-text" data-testid="disclosure-note">
      <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
      <p>
        <strong>{t('results.protection.adjusted')}</strong>
      </p>
      <p>{t('results.protection.details', { n: disclosure.min_cell_size, max: disclosure.max_change })}</p>
      {someHeldBack ? <p>{t('results.suppressionSome')}</p> : null}
      <p>{release.kind === 'batched' ? t('results.protection.batched', { n: release.minCellSize }) : t('results.protection.perResponse')}</p>
      <p data-testid="results-released">
        {!release.releasedOn
          ? t('results.notReleased')
          : shown
            ? t('results.lastUpdated', { date: formatDate(release.releasedOn) })
            : t('results.notReleasedHere')}
      </p>
    </div>
  );
}

export function ResultsPage() {
  const { campaignId = '' } = useParams();
  const user = useAuth().me?.user;
  const { t } = useTranslation();
  const localName = useLocalName();
  const queryText = useQuestionText();
  const [search, setSearch] = useSearchParams();
  const scope = search.get('scope') ?? 'all';
  const period: Period = asPeriod(search.get('period'));
  const [chosenStart, setChosenStart] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);

  const campaign = useCampaign(campaignId);
  const version = useVersion(campaign.data?.instrument_version_id ?? '');
  // The links answer only those who run the campaign: nobody else asks for them.
  const runner = Boolean(user && campaign.data && canEditIn(user, campaign.data.organisation_id));
  const links = useCampaignLinks(campaignId, { enabled: runner });
  const partnerships = usePartnershipOptions();
  const results = useResults(campaignId, scope, period);
  useLiveResults(campaignId, () => setUpdatedAt(new Date().toISOString()));

  // The links answer only those who run the campaign; anyone else reads the services' names.
  const services = useServicesById(campaign.data?.service_ids ?? [], !runner || links.isError);
  const organisations = useOrganisationsById(
    links.data ? links.data.map((l) => l.organisation_id) : [...services.values()].map((s) => s.organisation_id),
  );
  usePageTitle(campaign.data ? t('results.title', { name: campaign.data.name }) : t('results.titlePlain'));

  const questions = useMemo(() => new Map<string, Question>((version.data?.content.questions ?? []).map((q) => [q.key, q])), [version.data]);

  if (campaign.isError && !campaign.data) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Loading />;
  const c = campaign.data;

  const serviceNames = new Map<string, string>(
    links.data ? links.data.map((l) => [l.service_id, l.service_name]) : [...services.values()].map((s) => [s.id, localName(s)]),
  );
  const unitName = (unit: string) => (unit === 'total' ? t('results.total') : (serviceNames.get(unit) ?? t('results.unknownService')));
  const optionLabelFor = (questionKey: string) => (value: string) => {
    if (value === 'dont_know') return t('results.dontKnow');
    const q = questions.get(questionKey);
    if (q?.type === 'yes_no') return value === 'yes' ? t('results.yes') : value === 'no' ? t('results.no') : value;
    const option = q?.options?.find((o) => o.value === value);
    return option ? queryText(option.label, value) : value;
  };

  const scopeOptions: SelectOption[] = [{ value: 'all', label: t('results.scope.all') }];
  for (const [orgId, org] of organisations) {
    scopeOptions.push({ value: `organisation:${orgId}`, label: t('results.scope.organisation', { name: localName(org) }) });
  }
  for (const [serviceId, serviceName] of serviceNames) {
    scopeOptions.push({ value: `service:${serviceId}`, label: t('results.scope.service', { name: serviceName }) });
  }
  for (const p of partnerships.data?.items ?? []) {
    scopeOptions.push({ value: `partnership:${p.id}`, label: t('results.scope.partnership', { name: localName(p) }) });
  }
  if (!scopeOptions.some((o) => o.value === scope)) scopeOptions.push({ value: scope, label: scope });

  const data: CampaignResults | undefined = results.data;
  const partnershipId = scopePartnership(scope);
  const periods = [...(data?.periods ?? [])].sort((a, b) => b.period_start.localeCompare(a.period_start));
  const shown = period === 'all' ? periods[0] : (periods.find((p) => p.period_start === chosenStart) ?? periods[0]);
  const exportQuery = new URLSearchParams({ period, ...scopeQuery(scope) });
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setChosenStart(null);
    setSearch(next, { replace: true });
  };

  return (
    <>
      <BackLink to={`/campaigns/${c.id}`}>{c.name}</BackLink>
      <h1>{t('results.title', { name: c.name })}</h1>
      <p className="nhsuk-lede-text">{t('results.lede')}</p>
      {data ? <DisclosureNote disclosure={data.disclosure} someHeldBack={anySuppressed(data)} shown={Boolean(shown)} /> : null}

      <div className="app-filters">
        <Select id="results-scope" label={t('results.scope.label')} options={scopeOptions} value={scope} onChange={(e) => update('scope', e.target.value)} />
        <Select
          id="results-period"
          label={t('results.period.label')}
          options={PERIODS.map((p) => ({ value: p, label: t(`results.period.${p}`) }))}
          value={period}
          onChange={(e) => update('period', e.target.value)}
        />
        {period !== 'all' && periods.length > 0 ? (
          <Select
            id="results-period-start"
            label={t(period === 'month' ? 'results.period.whichMonth' : 'results.period.whichWeek')}
            options={periods.map((p) => ({
              value: p.period_start,
              label: t(period === 'month' ? 'results.period.monthOf' : 'results.period.weekOf', { date: formatDate(p.period_start) }),
            }))}
            value={shown?.period_start ?? ''}
            onChange={(e) => setChosenStart(e.target.value)}
          />
        ) : null}
      </div>

      <p className="nhsuk-body-s" aria-live="polite" data-testid="results-live">
        {updatedAt ? t('results.updatedAt', { time: formatDateTime(updatedAt) }) : t('results.live')}
      </p>

      {results.isError && !data ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          {shown ? (
            <div className="nhsuk-card">
              <div className="nhsuk-card__content">
                <p className="nhsuk-heading-xl nhsuk-u-margin-bottom-1" data-testid="results-responses">
                  {shown.responses.total === null ? t('results.heldBack') : shown.responses.total}
                </p>
                <p className="nhsuk-u-margin-bottom-0">{t('results.responses')}</p>
                {shown.responses.units.length > 1 ? (
                  <ul className="app-stat-list nhsuk-u-margin-top-2">
                    {shown.responses.units.map((u) => (
                      <li key={u.service_id}>
                        {unitName(u.service_id)}: <strong>{u.n === null ? t('results.heldBack') : u.n}</strong>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </div>
          ) : null}

          <DownloadButton
            path={`/api/v1/campaigns/${c.id}/results.csv?${exportQuery.toString()}`}
            filename={`results-${c.id}.csv`}
            label={t('results.downloadAll')}
          />

          {waitingForFirstRelease(data) ? (
            <div data-testid="results-none">
              <Empty>{t('results.noneBatched')}</Empty>
            </div>
          ) : !shown || shown.questions.length === 0 ? (
            <div data-testid="results-none">
              <Empty>{t('results.none')}</Empty>
            </div>
          ) : (
            shown.questions.map((question) => (
              <QuestionBlock
                key={question.question_key}
                question={question}
                text={queryText(questions.get(question.question_key)?.text, question.question_key)}
                unitName={unitName}
                optionLabel={optionLabelFor(question.question_key)}
                campaignName={c.name}
                partnershipId={partnershipId}
              />
            ))
          )}

          <h2>{t('results.comments')}</h2>
          <p>{t('results.commentsHint')}</p>
          {data.comments.length === 0 ? (
            <Empty>{t('results.noComments')}</Empty>
          ) : (
            <ul className="nhsuk-list" data-testid="results-comments">
              {data.comments.map((comment, index) => (
                <li key={`${comment.question_key}-${index}`} className="nhsuk-inset-text nhsuk-u-margin-top-2">
                  <p className="app-pre-wrap">{comment.text}</p>
                  <p className="nhsuk-body-s">
                    {t('results.commentFrom', {
                      service: unitName(comment.service_id),
                      question: queryText(questions.get(comment.question_key)?.text, comment.question_key),
                    })}
                  </p>
                  <ProposeActionButton
                    evidence={{ kind: 'comment', answerId: comment.answer_id, campaignId: c.id }}
                    partnershipId={partnershipId}
                    hiddenContext={t('results.fromThisComment', { n: index + 1 })}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
