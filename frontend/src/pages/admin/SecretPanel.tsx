import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClientWithSecret } from '../../api/types';
import { CopyButton } from '../../components/actions';

/**
 * The client secret, shown once: the API never returns it again. Focus moves here so
 * that nobody misses it.
 */
export function SecretPanel({ client, onDone }: { client: ApiClientWithSecret; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [client.client_secret]);
  return (
    <div className="nhsuk-card nhsuk-card--warning" data-testid="secret-panel">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" ref={headingRef} tabIndex={-1}>
          {t('admin.apiClients.secretTitle')}
        </h2>
        <p>{t('admin.apiClients.secretWarning')}</p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('admin.apiClients.clientId')}</dt>
            <dd className="nhsuk-summary-list__value">
              <code className="app-secret" data-testid="client-id">
                {client.client_id}
              </code>
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('admin.apiClients.clientSecret')}</dt>
            <dd className="nhsuk-summary-list__value">
              <code className="app-secret" data-testid="client-secret">
                {client.client_secret}
              </code>
            </dd>
          </div>
        </dl>
        <div className="app-actions">
          <CopyButton text={client.client_secret} label={t('admin.apiClients.copySecret')} />
        </div>
        <button type="button" className="nhsuk-button" onClick={onDone}>
          {t('admin.apiClients.secretStored')}
        </button>
      </div>
    </div>
  );
}
