import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nameIn, useLocalName } from '../../i18n/localized';
import { useOrganisation } from '../../features/organisations/api';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { Button } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { ScrollRegion } from '../../components/ScrollRegion';
import { LoadError, Loading } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { DownloadButton } from '../imports/DownloadButton';
import { useDownloadMutation, useFetchFileMutation } from '../../features/imports/api';
import { PartnershipLeads } from './PartnershipLeads';
import { usePartnership } from '../../features/partnerships/api';
import { useOrganisationAccountability, usePartnershipAccountability } from '../../features/actions/api';
import { STATUSES, daysText, percentText, todayIso, type OrganisationAccountability } from '../../features/actions/actionsModel';
import './actions.css';
import { localized } from '../../i18n/localized';

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <li data-testid={testId}>
      <span className="app-figures__value">{value}</span>
      {label}
    </li>
  );
}

function OrganisationFigures({ view }: { view: OrganisationAccountability }) {
  const { t, i18n } = useTranslation();
  const none = t('improvement.accountability.noneYet');
  return (
    <ul className="app-figures" data-testid="organisation-figures">
      <Figure label={t('improvement.accountability.leads')} value={view.leads} testId="figure-leads" />
      <Figure label={t('improvement.accountability.supports')} value={view.supports} testId="figure-supports" />
      <Figure label={t('improvement.accountability.pending')} value={view.pending_acceptance} />
      <Figure label={t('improvement.accountability.onTime')} value={view.on_time} />
      <Figure label={t('improvement.accountability.overdue')} value={view.overdue} />
      <Figure label={t('improvement.accountability.completed')} value={view.completed} />
      <Figure label={t('improvement.accountability.notTaken')} value={view.not_taken_forward} />
      <Figure
        label={t('improvement.accountability.medianDays')}
        value={daysText(view.median_days_to_decision, i18n.language) ?? none}
      />
      <Figure
        label={t('improvement.accountability.fromServiceUsers')}
        value={percentText(view.share_from_service_users, i18n.language) ?? none}
      />
      <Figure label={t('improvement.accountability.shareCompleted')} value={percentText(view.share_completed, i18n.language) ?? none} />
    </ul>
  );
}

/** One organisation's actions: led and supported, on time or overdue, speed, share from service users. */
export function OrganisationAccountabilityPage() {
  const { organisationId = '' } = useParams();
  const { t } = useTranslation();
  const localName = useLocalName();
  const organisation = useOrganisation(organisationId);
  const view = useOrganisationAccountability(organisationId);
  const name = organisation.data ? localName(organisation.data.data) : (view.data?.organisation_name ?? '');
  usePageTitle(name ? t('improvement.accountability.organisationTitle', { organisation: name }) : t('improvement.accountability.title'));

  if (view.isError && !view.data) return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <Loading />;
  return (
    <>
      <BackLink to="/actions">{t('improvement.board.title')}</BackLink>
      <h1>{t('improvement.accountability.organisationTitle', { organisation: name })}</h1>
      <p className="nhsuk-lede-text">{t('improvement.accountability.organisationLede')}</p>
      <OrganisationFigures view={view.data} />
      <p>
        <Link to={`/actions?organisation_id=${organisationId}`}>{t('improvement.accountability.seeActions')}</Link>
      </p>
    </>
  );
}

/**
 * The printable report: fetched with the sign-in token (a plain link could not send it),
 * then opened in a new tab through a blob URL. The tab is opened at the click, before the
 * fetch, so that browsers do not treat it as an unasked pop-up; if one is blocked anyway,
 * a link to the fetched report is offered. A download button stays beside it.
 */
function ReportForm({ partnershipId }: { partnershipId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'cy' ? 'cy' : 'en';
  const now = new Date();
  const [start, setStart] = useState(todayIso(new Date(now.getFullYear(), now.getMonth() - 3, 1)));
  const [end, setEnd] = useState(todayIso(now));
  const fetchReport = useFetchFileMutation();
  const downloadReport = useDownloadMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const busy = fetchReport.isPending || downloadReport.isPending;
  const [opened, setOpened] = useState<{ url: string; inTab: boolean } | null>(null);
  const path = `/api/v1/partnerships/${partnershipId}/report?${new URLSearchParams({ period_start: start, period_end: end, language }).toString()}`;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(end) && start <= end;
  const filename = `report-${start}-${end}-${language}.html`;

  // The tab shows the report from its blob URL: keep it while the page is open.
  useEffect(() => {
    const url = opened?.url;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [opened]);

  function open() {
    if (!valid || busy) return;
    const tab = window.open('', '_blank');
    setProblem(null);
    // mutateAsync, not mutate's callbacks: the tab opened above gets its report (or is
    // closed) even if this page is left meanwhile.
    fetchReport.mutateAsync(path).then(
      (blob) => {
        const url = URL.createObjectURL(blob.type.startsWith('text/html') ? blob : new Blob([blob], { type: 'text/html' }));
        if (tab && !tab.closed) tab.location.href = url;
        setOpened({ url, inTab: Boolean(tab) });
      },
      (error: unknown) => {
        tab?.close();
        setProblem(describeProblem(error, t));
      },
    );
  }

  function download() {
    if (!valid || busy) return;
    setProblem(null);
    downloadReport.mutate({ path, filename }, { onError: (error) => setProblem(describeProblem(error, t)) });
  }

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('improvement.accountability.reportTitle')}</h2>
      <p>{t('improvement.accountability.reportLede')}</p>
      <div className="app-filters">
        <DateInput
          id="report-start"
          label={t('improvement.accountability.periodStart')}
          value={start}
          onChange={setStart}
          error={dateError(t, start, t('improvement.accountability.periodStart'))}
        />
        <DateInput
          id="report-end"
          label={t('improvement.accountability.periodEnd')}
          value={end}
          onChange={setEnd}
          error={dateError(t, end, t('improvement.accountability.periodEnd')) ?? (valid ? undefined : t('improvement.accountability.periodInvalid'))}
        />
      </div>
      <div className="nhsuk-button-group">
        <Button type="button" busy={fetchReport.isPending} data-testid="report-open" onClick={open}>
          {fetchReport.isPending ? t('improvement.accountability.reportOpening') : t('improvement.accountability.reportOpen')}
        </Button>
        <Button type="button" variant="secondary" busy={downloadReport.isPending} data-testid="report-button" onClick={download}>
          {t('improvement.accountability.reportButton')}
        </Button>
      </div>
      <div aria-live="polite">
        {opened ? (
          <p data-testid="report-opened">
            {opened.inTab ? t('improvement.accountability.reportOpened') : t('improvement.accountability.reportBlocked')}{' '}
            <a href={opened.url} target="_blank" rel="noopener">
              {t('improvement.accountability.reportLink')}
              <span className="nhsuk-u-visually-hidden"> {t('improvement.accountability.newTab')}</span>
            </a>
          </p>
        ) : null}
      </div>
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

/** A partnership's actions by status and standard, and which organisations carry them. */
export function PartnershipAccountabilityPage({ user }: { user: User }) {
  const { partnershipId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const partnership = usePartnership(partnershipId);
  const view = usePartnershipAccountability(partnershipId);
  const name = partnership.data ? localized({ en: partnership.data.name, cy: partnership.data.name_cy }, i18n.language) : '';
  usePageTitle(name ? t('improvement.accountability.partnershipTitle', { partnership: name }) : t('improvement.accountability.title'));

  if (view.isError && !view.data) return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <Loading />;
  const v = view.data;
  const none = t('improvement.accountability.noneYet');
  return (
    <>
      <BackLink to={`/actions?partnership_id=${partnershipId}`}>{t('improvement.board.title')}</BackLink>
      <h1>{t('improvement.accountability.partnershipTitle', { partnership: name })}</h1>
      <p className="nhsuk-lede-text">{t('improvement.accountability.partnershipLede')}</p>
      <ul className="app-figures">
        <Figure label={t('improvement.accountability.total')} value={v.total} testId="figure-total" />
        <Figure label={t('improvement.accountability.overdue')} value={v.overdue} />
        {STATUSES.map((s) => (
          <Figure key={s} label={t(`improvement.status.${s}`)} value={v.by_status[s] ?? 0} />
        ))}
      </ul>

      <h2>{t('improvement.accountability.byStandard')}</h2>
      <ScrollRegion label={t('improvement.accountability.byStandard')}>
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">{t('improvement.accountability.byStandard')}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">{t('improvement.board.standard')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.total')}</th>
              {STATUSES.map((s) => (
                <th key={s} scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                  {t(`improvement.status.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {v.by_standard.map((row) => (
              <tr className="nhsuk-table__row" key={row.standard_id ?? 'none'}>
                <th scope="row" className="nhsuk-table__header">
                  {row.standard_code ? `${row.standard_code}: ${localized(row.standard_title, i18n.language)}` : t('improvement.accountability.noStandard')}
                </th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{row.total}</td>
                {STATUSES.map((s) => (
                  <td key={s} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {row.by_status[s] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2>{t('improvement.accountability.byOrganisation')}</h2>
      <ScrollRegion label={t('improvement.accountability.byOrganisation')}>
        <table className="nhsuk-table" data-testid="organisations-table">
          <caption className="nhsuk-u-visually-hidden">{t('improvement.accountability.byOrganisation')}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">{t('improvement.board.organisation')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.leads')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.supports')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.onTime')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.overdue')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.medianDays')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.fromServiceUsers')}</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">{t('improvement.accountability.shareCompleted')}</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {v.organisations.map((o) => (
              <tr className="nhsuk-table__row" key={o.organisation_id}>
                <th scope="row" className="nhsuk-table__header">
                  <Link to={`/organisations/${o.organisation_id}/actions/accountability`}>{nameIn(o.organisation_name, o.organisation_name_cy, i18n.language)}</Link>
                </th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{o.leads}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{o.supports}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{o.on_time}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{o.overdue}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{daysText(o.median_days_to_decision, i18n.language) ?? none}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percentText(o.share_from_service_users, i18n.language) ?? none}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{percentText(o.share_completed, i18n.language) ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <DownloadButton
        path={`/api/v1/partnerships/${partnershipId}/action-accountability.csv`}
        filename={`actions-${partnershipId}.csv`}
        label={t('improvement.accountability.csv')}
      />
      <PartnershipLeads partnershipId={partnershipId} user={user} />
      <ReportForm partnershipId={partnershipId} />
      <p>
        <Link to={`/public/partnerships/${partnershipId}`}>{t('improvement.public.link')}</Link>
      </p>
    </>
  );
}
