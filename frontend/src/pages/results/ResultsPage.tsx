import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nameIn, useLocalName } from '../../i18n/localized';
import { useCampaign, useCampaignLinks } from '../../features/campaigns/api';
import { useVersion } from '../../features/instruments/api';
import { usePartnershipOptions } from '../../features/partnerships/api';
import { useLiveResults, useResults } from '../../features/results/api';
import { useOrganisationsById, useServicesById } from '../../features/organisations/api';
import type { Question } from '../../api/types';
import { BackLink } from '../../components/actions';
import { Select, type SelectOption } from '../../components/fields';
import { formatDate, formatDateTime } from '../../components/format';
import { Empty, LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useAuth } from '../../auth/AuthContext';
import { canEditIn } from '../instruments/permissions';
import { DownloadButton } from '../imports/DownloadButton';
import { ProposeActionButton } from '../actions/ProposeActionButton';
import { proposeLink } from '../../features/actions/actionsModel';
import {
  PERIODS,
  anySuppressed,
  asPeriod,
  scopePartnership,
  scopeQuery,
  waitingForFirstRelease,
  unitNamer,
  type CampaignResults,
  type Period,
} from '../../features/results/resultsModel';
import { DisclosureNote } from './DisclosureNote';
import { QuestionBlock, useQuestionText } from './QuestionResults';

export function ResultsPage() {
  const { campaignId = '' } = useParams();
  const user = useAuth().me?.user;
  const { t, i18n } = useTranslation();
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
  usePageTitle(campaign.data ? t('results.title', { name: localName(campaign.data) }) : t('results.titlePlain'));

  const questions = useMemo(() => new Map<string, Question>((version.data?.content.questions ?? []).map((q) => [q.key, q])), [version.data]);

  if (campaign.isError && !campaign.data) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Loading />;
  const c = campaign.data;

  const serviceNames = new Map<string, string>(
    links.data ? links.data.map((l) => [l.service_id, nameIn(l.service_name, l.service_name_cy, i18n.language)]) : [...services.values()].map((s) => [s.id, localName(s)]),
  );
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
  const unitName = unitNamer(
    [
      ...c.service_ids,
      ...(data?.periods ?? []).flatMap((p) => [...p.responses.units.map((u) => u.service_id), ...p.questions.flatMap((q) => q.units.map((u) => u.unit))]),
      ...(data?.comments ?? []).map((comment) => comment.service_id),
    ],
    serviceNames,
    { total: t('results.total'), other: (n) => t('results.otherService', { n }) },
  );
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
      <BackLink to={`/campaigns/${c.id}`}>{localName(c)}</BackLink>
      <h1>{t('results.title', { name: localName(c) })}</h1>
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
                {shown.responses.total === null ? (
                  <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0" data-testid="results-responses-held-back">
                    {t('results.heldBackTotal', { n: data.disclosure.min_cell_size })}
                  </p>
                ) : null}
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
                campaignName={localName(c)}
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

      <h2>{t('results.proposeTitle')}</h2>
      <p>{t('results.proposeHint')}</p>
      <p>
        <Link className="nhsuk-button" to={proposeLink({ kind: 'campaign_result', campaignId: c.id }, partnershipId)} data-testid="propose-from-survey">
          {t('results.proposeFromSurvey')}
        </Link>
      </p>
    </>
  );
}
