import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../i18n/localized';
import type { CampaignLink, User } from '../../api/types';
import { BackLink, ConfirmAction, CopyButton } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatDateTime } from '../../components/format';
import { LoadError, Loading, SuccessBanner } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { canEditIn, editorOrganisationIds } from '../instruments/permissions';
import { AccessCodesSection } from './AccessCodes';
import { CampaignStateTag } from './CampaignsPage';
import {
  refused,
  useCampaign,
  useCampaignLinks,
  useCloseCampaignMutation,
  useHeldResponses,
  useQrCode,
} from '../../features/campaigns/api';

/**
 * The QR code of a link. The SVG needs the bearer token, so it is fetched here and
 * shown from a data: URL (an <img src> could not send the token, and the app's
 * Content-Security-Policy allows data: images but not blob: ones).
 */
function QrCode({ link }: { link: CampaignLink }) {
  const { t, i18n } = useTranslation();
  const qr = useQrCode(link.qr_svg_url);
  const src = qr.data;
  if (qr.isError) return <p className="nhsuk-error-message">{t('campaigns.qrFailed')}</p>;
  if (!src) return <Loading label={t('campaigns.qrLoading')} />;
  return (
    <>
      <img className="app-qr" src={src} alt={t('campaigns.qrAlt', { service: nameIn(link.service_name, link.service_name_cy, i18n.language) })} data-testid="qr" />
      <p>
        <a href={src} download={`gwella-${link.service_name.replace(/[^A-Za-z0-9]+/g, '-')}.svg`}>
          {t('campaigns.qrDownload')}
          <span className="nhsuk-u-visually-hidden"> {nameIn(link.service_name, link.service_name_cy, i18n.language)}</span>
        </a>
      </p>
    </>
  );
}

export function CampaignPage({ user }: { user: User }) {
  const { campaignId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const campaign = useCampaign(campaignId, { live: true });
  const links = useCampaignLinks(campaignId, {
    live: true,
    // Only those who run the campaign get its links: nobody else asks (a 403 would be the answer).
    enabled: Boolean(campaign.data && canEditIn(user, campaign.data.organisation_id)),
  });
  // Raw and held responses are for staff of the campaign's services: a service user or carer
  // does not ask (a refusal would be the answer) and is not offered the link.
  const staff = user.is_platform_admin || editorOrganisationIds(user).length > 0;
  const held = useHeldResponses(campaignId, { limit: 1, live: true, enabled: staff });
  const closeCampaign = useCloseCampaignMutation(campaignId);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  usePageTitle(campaign.data ? nameIn(campaign.data.name, campaign.data.name_cy, i18n.language) : t('campaigns.title'));

  if (campaign.isError && !campaign.data && refused(campaign.error)) {
    // Not a fault to retry: this person may not see the campaign. Say so plainly.
    return (
      <>
        <h1>{t('campaigns.title')}</h1>
        <p data-testid="campaign-not-visible">{t('campaigns.notVisible')}</p>
        <p>
          <Link to="/results">{t('campaigns.seeAllResults')}</Link>
        </p>
      </>
    );
  }
  if (campaign.isError && !campaign.data) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Loading />;
  const c = campaign.data;
  const runner = canEditIn(user, c.organisation_id);

  function close() {
    setError(null);
    return closeCampaign.mutateAsync().then(
      () => setClosed(true),
      (problem: unknown) => setError(describeProblem(problem, t)),
    );
  }

  return (
    <>
      {staff ? <BackLink to="/campaigns">{t('campaigns.title')}</BackLink> : <BackLink to="/results">{t('resultsIndex.title')}</BackLink>}
      <h1>{nameIn(c.name, c.name_cy, i18n.language)}</h1>
      {closed ? <SuccessBanner title={t('campaigns.closedNow')} /> : null}
      <ErrorSummary detail={error} items={[]} />
      <p>
        <CampaignStateTag state={c.state} />
      </p>
      <div className="nhsuk-card">
        <div className="nhsuk-card__content">
          <p className="nhsuk-heading-xl nhsuk-u-margin-bottom-1" aria-live="polite" data-testid="response-count">
            {c.response_count === null ? t('results.heldBack') : c.response_count}
          </p>
          <p>{t('campaigns.liveCount')}</p>
          <p className="nhsuk-body-s">
            {c.anonymity === 'identified' ? t('campaigns.countNote') : t('campaigns.countNoteBatched', { n: c.min_cell_size })}
          </p>
          {campaign.isError ? <p className="nhsuk-error-message">{t('campaigns.countStale')}</p> : null}
        </div>
      </div>
      {(held.data?.items.length ?? 0) > 0 ? (
        <div className="nhsuk-inset-text" data-testid="held-waiting">
          <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>
          <p>
            {t('campaigns.heldWaiting')} <Link to={`/campaigns/${c.id}/responses#held-responses`}>{t('campaigns.heldLink')}</Link>
          </p>
        </div>
      ) : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('campaigns.window')}</dt>
          <dd className="nhsuk-summary-list__value">
            {t('campaigns.windowText', { opens: formatDateTime(c.opens_at), closes: formatDateTime(c.closes_at) })}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('campaigns.channels')}</dt>
          <dd className="nhsuk-summary-list__value">{c.channels.map((ch) => t(`campaigns.channel.${ch}`)).join(', ')}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('campaigns.anonymity')}</dt>
          <dd className="nhsuk-summary-list__value">{t(`campaigns.anonymityMode.${c.anonymity}`)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('campaigns.minCell')}</dt>
          <dd className="nhsuk-summary-list__value">{c.min_cell_size}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('campaigns.accessCodes.summaryKey')}</dt>
          <dd className="nhsuk-summary-list__value" data-testid="requires-access-code">
            {c.requires_access_code ? t('campaigns.accessCodes.summaryRequired') : t('campaigns.accessCodes.summaryNotRequired')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('campaigns.version')}</dt>
          <dd className="nhsuk-summary-list__value">
            <Link to={`/instrument-versions/${c.instrument_version_id}`}>{t('campaigns.seeVersion')}</Link>
          </dd>
        </div>
      </dl>
      <ul className="nhsuk-list">
        <li>
          <Link to={`/campaigns/${c.id}/results`}>{t('results.campaignLink')}</Link>
        </li>
        {staff ? (
          <li>
            <Link to={`/campaigns/${c.id}/responses`}>{t('campaigns.responsesLink')}</Link>
          </li>
        ) : null}
        {runner && c.channels.includes('paper') && c.state === 'open' ? (
          <li>
            <Link to={`/campaigns/${c.id}/paper`}>{t('campaigns.paperLink')}</Link>
          </li>
        ) : null}
      </ul>

      {(!runner || refused(links.error)) && !links.data ? null : (
        <>
          <h2>{t('campaigns.links')}</h2>
          <p>{t('campaigns.linksHint')}</p>
          {links.isError && !links.data ? (
            <LoadError error={links.error} onRetry={() => void links.refetch()} />
          ) : !links.data ? (
            <Loading />
          ) : (
            <ul className="app-card-list" data-testid="campaign-links">
              {links.data.map((link) => (
                <li key={link.service_id} className="nhsuk-card">
                  <div className="nhsuk-card__content">
                    <h3 className="nhsuk-card__heading">{nameIn(link.service_name, link.service_name_cy, i18n.language)}</h3>
                    <p className="app-url">
                      <a href={link.url}>{link.url}</a>
                    </p>
                    <CopyButton text={link.url} label={t('campaigns.copyLink', { service: nameIn(link.service_name, link.service_name_cy, i18n.language) })} />
                    <p>{t('campaigns.linkCount', { n: link.response_count === null ? t('results.heldBack') : link.response_count })}</p>
                    <QrCode link={link} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {links.data ? (
        // Codes of a service are made by staff of the service's own organisation.
        <AccessCodesSection campaign={c} links={links.data.filter((l) => canEditIn(user, l.organisation_id))} />
      ) : null}
      {runner && c.state !== 'closed' ? (
        <>
          <h2>{t('campaigns.closeTitle')}</h2>
          <ConfirmAction
            label={t('campaigns.close')}
            question={t('campaigns.closeQuestion')}
            confirmLabel={t('campaigns.closeConfirm')}
            onConfirm={close}
            busy={closeCampaign.isPending}
          />
        </>
      ) : null}
    </>
  );
}
