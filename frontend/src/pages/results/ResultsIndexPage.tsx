import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useCampaigns } from '../../features/campaigns/api';
import { useLocalName } from '../../i18n/localized';
import { CampaignStateTag } from '../campaigns/CampaignsPage';

/**
 * The surveys whose results this person may see, each linking to its results page. It is
 * the campaigns list the API gives them; what each results page shows is decided by the
 * disclosure layer, not here. Service users and carers reach results from here.
 */
export function ResultsIndexPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  usePageTitle(t('resultsIndex.title'));
  const campaigns = useCampaigns();
  return (
    <>
      <h1>{t('resultsIndex.title')}</h1>
      <p>{t('resultsIndex.intro')}</p>
      {campaigns.isError ? (
        <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : !campaigns.data ? (
        <Loading />
      ) : campaigns.data.items.length === 0 ? (
        <Empty>{t('resultsIndex.none')}</Empty>
      ) : (
        <ul className="nhsuk-list" data-testid="results-index">
          {campaigns.data.items.map((c) => (
            <li key={c.id} className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-s">
                  <Link to={`/campaigns/${c.id}/results`} aria-label={t('resultsIndex.seeResults', { name: localName(c) })}>
                    {localName(c)}
                  </Link>
                </h2>
                <p className="nhsuk-card__description">
                  <CampaignStateTag state={c.state} />{' '}
                  {t('resultsIndex.window')}: {t('campaigns.windowText', { opens: formatDate(c.opens_at), closes: formatDate(c.closes_at) })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
