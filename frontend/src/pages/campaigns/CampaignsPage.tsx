import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Campaign, User } from '../../api/types';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { editorOrganisationIds } from '../instruments/permissions';
import { useCampaigns } from '../../features/campaigns/api';
import { useLocalName } from '../../i18n/localized';

export function CampaignStateTag({ state }: { state: Campaign['state'] }) {
  const { t } = useTranslation();
  return <Tag colour={state === 'open' ? 'green' : state === 'scheduled' ? 'blue' : 'grey'}>{t(`campaigns.state.${state}`)}</Tag>;
}

export function CampaignsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  usePageTitle(t('campaigns.title'));
  const campaigns = useCampaigns();
  const canRun = user.is_platform_admin || editorOrganisationIds(user).length > 0;
  return (
    <>
      <h1>{t('campaigns.title')}</h1>
      <p>{t('campaigns.intro')}</p>
      {canRun ? (
        <p>
          <Link className="nhsuk-button" to="/campaigns/new">
            {t('campaigns.new')}
          </Link>
        </p>
      ) : null}
      {campaigns.isError ? (
        <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : !campaigns.data ? (
        <Loading />
      ) : campaigns.data.items.length === 0 ? (
        <Empty>{t('campaigns.none')}</Empty>
      ) : (
        <table className="nhsuk-table-responsive" data-testid="campaigns">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{t('campaigns.title')}</caption>
          <thead className="nhsuk-table__head" role="rowgroup">
            <tr role="row">
              <th scope="col">{t('campaigns.name')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('campaigns.window')}</th>
              <th scope="col">{t('campaigns.responses')}</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {campaigns.data.items.map((c) => (
              <tr role="row" className="nhsuk-table__row" key={c.id}>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">{t('campaigns.name')} </span>
                  <Link to={`/campaigns/${c.id}`}>{localName(c)}</Link>
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">{t('common.status')} </span>
                  <CampaignStateTag state={c.state} />
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">{t('campaigns.window')} </span>
                  {t('campaigns.windowText', { opens: formatDate(c.opens_at), closes: formatDate(c.closes_at) })}
                </td>
                <td className="nhsuk-table__cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">{t('campaigns.responses')} </span>
                  {c.response_count === null ? t('results.heldBack') : c.response_count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
