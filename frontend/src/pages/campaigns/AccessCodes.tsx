// Access codes of a campaign, for the people who run it: make a batch for a service's link,
// print its cards (shown this once: only keyed hashes are kept), and revoke lost batches.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../i18n/localized';
import type { Campaign, CampaignLink } from '../../api/types';
import { ConfirmAction } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, TextInput } from '../../components/fields';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading, SuccessBanner, Tag, WarningCallout } from '../../components/status';
import { describeProblem, useFormErrors } from '../../components/useFormErrors';
import {
  useAccessCodeBatches,
  useMakeAccessCodesMutation,
  useRevokeAccessCodesMutation,
  type AccessCodeCard,
  type AccessCodesCreated,
} from '../../features/campaigns/api';

export const MAX_CODES = 1000;

/**
 * An SVG as a data: URL for an <img>: the markup is never put into the page, so nothing
 * in it can run, and the app's Content-Security-Policy allows data: images.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** A whole number of codes from 1 to MAX_CODES, or null. */
export function codeCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= MAX_CODES ? n : null;
}

function Cards({ campaign, serviceName, cards }: { campaign: Campaign; serviceName: string; cards: AccessCodeCard[] }) {
  const { t, i18n } = useTranslation();
  // A card goes to a respondent: it speaks every language of the campaign, whatever the page's.
  const languages = (['en', 'cy'] as const).filter((l) => campaign.languages.includes(l));
  const words = (languages.length > 0 ? languages : (['en'] as const)).map((lng) => ({ lng, t: i18n.getFixedT(lng) }));
  return (
    <ul className="app-code-cards" aria-label={t('campaigns.accessCodes.cardsLabel')} data-testid="access-code-cards">
      {cards.map((card) => (
        <li className="app-code-card" key={card.code} data-testid="access-code-card">
          <p className="app-code-card__campaign">
            {[...new Set(words.map((w) => nameIn(campaign.name, campaign.name_cy, w.lng)))].map((name, index) => (
              <span key={name} lang={name === campaign.name ? 'en' : 'cy'}>
                {index > 0 ? ' / ' : ''}
                {name}
              </span>
            ))}
          </p>
          <p className="app-code-card__service">{serviceName}</p>
          <p className="app-code-card__label">
            {words.map((w, index) => (
              <span key={w.lng} lang={w.lng}>
                {index > 0 ? ' / ' : ''}
                {w.t('campaigns.accessCodes.cardCode')}
              </span>
            ))}
          </p>
          <p className="app-code-card__code" data-testid="access-code">
            {card.code}
          </p>
          <img className="app-code-card__qr" src={svgDataUrl(card.qr_svg)} alt={t('campaigns.accessCodes.qrAlt', { code: card.code })} data-testid="access-code-qr" />
          {words.map((w) => (
            <p className="app-code-card__how" lang={w.lng} key={w.lng}>
              {w.t('campaigns.accessCodes.cardHow')}
            </p>
          ))}
          <p className="app-code-card__url" data-testid="access-code-url">
            {card.url}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The codes just made, shown this once, with a print button that prints the cards alone. */
function NewCodes({ campaign, serviceName, created, onHide }: { campaign: Campaign; serviceName: string; created: AccessCodesCreated; onHide: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  // The codes have just appeared: take the reader to them (and to the warning) first.
  useEffect(() => ref.current?.focus(), [created]);
  return (
    <section aria-labelledby="access-codes-new" data-testid="access-codes-new" ref={ref} tabIndex={-1} className="app-focus-target">
      <WarningCallout heading={t('campaigns.accessCodes.shownOnceTitle')} headingLevel={3}>
        <p id="access-codes-new">{t('campaigns.accessCodes.made', { n: created.codes.length, service: serviceName })}</p>
        <p>{t('campaigns.accessCodes.shownOnceBody')}</p>
      </WarningCallout>
      <div className="app-button-row">
        <Button type="button" onClick={() => window.print()} data-testid="print-cards">
          {t('campaigns.accessCodes.print')}
        </Button>
        <ConfirmAction
          label={t('campaigns.accessCodes.hide')}
          question={t('campaigns.accessCodes.hideQuestion')}
          confirmLabel={t('campaigns.accessCodes.hideConfirm')}
          variant="secondary"
          onConfirm={onHide}
        />
      </div>
      <Cards campaign={campaign} serviceName={serviceName} cards={created.codes} />
      {/* The same cards, alone, for the printer: the stylesheet prints only this sheet while it exists. */}
      {createPortal(
        <div className="app-print-sheet" aria-hidden="true">
          <Cards campaign={campaign} serviceName={serviceName} cards={created.codes} />
        </div>,
        document.body,
      )}
    </section>
  );
}

function Batches({ campaignId, serviceName }: { campaignId: string; serviceName: (id: string) => string }) {
  const { t } = useTranslation();
  const [revokedNow, setRevokedNow] = useState(false);
  const batches = useAccessCodeBatches(campaignId);
  const revoke = useRevokeAccessCodesMutation(campaignId);
  const revokeBatch = (batchId: string) => {
    setRevokedNow(false);
    return revoke.mutateAsync(batchId).then(
      () => setRevokedNow(true),
      () => undefined,
    );
  };

  return (
    <>
      <h3>{t('campaigns.accessCodes.batches')}</h3>
      <p>{t('campaigns.accessCodes.batchesHint')}</p>
      {revokedNow ? <SuccessBanner title={t('campaigns.accessCodes.revoked')} /> : null}
      <ErrorSummary detail={revoke.isError ? describeProblem(revoke.error, t) : null} items={[]} />
      {batches.isError && !batches.data ? (
        <LoadError error={batches.error} onRetry={() => void batches.refetch()} />
      ) : !batches.data ? (
        <Loading />
      ) : batches.data.length === 0 ? (
        <Empty>{t('campaigns.accessCodes.batchesNone')}</Empty>
      ) : (
        <div className="app-table-scroll">
          <table className="nhsuk-table" data-testid="access-code-batches">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{t('campaigns.accessCodes.batches')}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">{t('campaigns.accessCodes.colLabel')}</th>
                <th scope="col" className="nhsuk-table__header">{t('campaigns.accessCodes.colService')}</th>
                <th scope="col" className="nhsuk-table__header">{t('campaigns.accessCodes.colSize')}</th>
                <th scope="col" className="nhsuk-table__header">{t('campaigns.accessCodes.colMade')}</th>
                <th scope="col" className="nhsuk-table__header">{t('campaigns.accessCodes.colStatus')}</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {[...batches.data].reverse().map((batch) => (
                <tr className="nhsuk-table__row" key={batch.id} data-testid="access-code-batch">
                  <td className="nhsuk-table__cell">{batch.label || t('campaigns.accessCodes.noLabel')}</td>
                  <td className="nhsuk-table__cell">{serviceName(batch.service_id)}</td>
                  <td className="nhsuk-table__cell">{batch.size}</td>
                  <td className="nhsuk-table__cell">{formatDate(batch.created_at)}</td>
                  <td className="nhsuk-table__cell">
                    {batch.revoked_at ? (
                      <Tag colour="grey">{t('campaigns.accessCodes.revokedOn', { date: formatDate(batch.revoked_at) })}</Tag>
                    ) : (
                      <>
                        <p className="nhsuk-u-margin-bottom-2">
                          <Tag colour="green">{t('campaigns.accessCodes.active')}</Tag>
                        </p>
                        <ConfirmAction
                          small
                          label={t('campaigns.accessCodes.revoke')}
                          hiddenContext={batch.label ?? t('campaigns.accessCodes.revokeContext', { date: formatDate(batch.created_at), service: serviceName(batch.service_id) })}
                          question={t('campaigns.accessCodes.revokeQuestion')}
                          confirmLabel={t('campaigns.accessCodes.revokeConfirm')}
                          busy={revoke.isPending && revoke.variables === batch.id}
                          onConfirm={() => revokeBatch(batch.id)}
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The access codes section of a campaign page (for those the links endpoint answers). */
export function AccessCodesSection({ campaign, links }: { campaign: Campaign; links: CampaignLink[] }) {
  const { t, i18n } = useTranslation();
  const make = useMakeAccessCodesMutation(campaign.id);
  const [serviceId, setServiceId] = useState(links[0]?.service_id ?? '');
  const [count, setCount] = useState('20');
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<AccessCodesCreated | null>(null);
  const form = useFormErrors('access-codes-', {
    service_id: t('campaigns.accessCodes.service'),
    count: t('campaigns.accessCodes.count'),
    label: t('campaigns.accessCodes.label'),
  });
  const names = new Map(links.map((l) => [l.service_id, nameIn(l.service_name, l.service_name_cy, i18n.language)]));
  const serviceName = (id: string) => names.get(id) ?? t('results.unknownService');

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = codeCount(count);
    if (n === null) {
      form.setFieldErrors([{ name: 'count', message: t('campaigns.accessCodes.countInvalid') }]);
      return;
    }
    form.clear();
    make.mutate(
      { service_id: serviceId, count: n, label: label.trim() || null },
      {
        onSuccess: (data) => {
          setCreated(data);
          setLabel('');
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <section aria-labelledby="access-codes-title" data-testid="access-codes">
      <h2 id="access-codes-title">{t('campaigns.accessCodes.title')}</h2>
      <p>{t('campaigns.accessCodes.intro')}</p>
      <p>{campaign.requires_access_code ? t('campaigns.accessCodes.introRequired') : t('campaigns.accessCodes.introOptional')}</p>
      {created ? (
        <NewCodes campaign={campaign} serviceName={serviceName(created.batch.service_id)} created={created} onHide={() => setCreated(null)} />
      ) : null}
      {campaign.state !== 'closed' && links.length > 0 ? (
        <form noValidate onSubmit={submit} data-testid="access-codes-form">
          <h3>{t('campaigns.accessCodes.makeTitle')}</h3>
          <ErrorSummary detail={form.detail} items={form.summaryItems} />
          <Select
            id={form.idFor('service_id')}
            label={t('campaigns.accessCodes.service')}
            hint={t('campaigns.accessCodes.serviceHint')}
            value={serviceId}
            onChange={(e) => setServiceId(e.target.value)}
            error={form.fieldError('service_id')}
            options={links.map((l) => ({ value: l.service_id, label: nameIn(l.service_name, l.service_name_cy, i18n.language) }))}
          />
          <TextInput
            id={form.idFor('count')}
            label={t('campaigns.accessCodes.count')}
            hint={t('campaigns.accessCodes.countHint')}
            inputMode="numeric"
            widthClass="nhsuk-input--width-4"
            value={count}
            onChange={(e) => setCount(e.target.value)}
            error={form.fieldError('count')}
          />
          <TextInput
            id={form.idFor('label')}
            label={t('campaigns.accessCodes.label')}
            hint={t('campaigns.accessCodes.labelHint')}
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            error={form.fieldError('label')}
          />
          <Button type="submit" busy={make.isPending}>
            {t('campaigns.accessCodes.make')}
          </Button>
        </form>
      ) : null}
      <Batches campaignId={campaign.id} serviceName={serviceName} />
    </section>
  );
}
