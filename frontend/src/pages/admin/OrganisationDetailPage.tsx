import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import { useOrganisation } from '../../features/organisations/api';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { LoadError, Loading, SuccessBanner, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { EditOrganisationForm } from './organisation/EditOrganisationForm';
import { MembersSection } from './organisation/MembersSection';
import { ServicesSection } from './organisation/ServicesSection';
import { canManageServices, isOrgAdmin } from './permissions';

/** One organisation: what it is, its services, its people and (for its admins) editing it. */
export function OrganisationDetailPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const location = useLocation();
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  const localName = useLocalName();
  const query = useOrganisation(organisationId);
  usePageTitle(query.data ? localName(query.data.data) : t('admin.organisations.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/admin/organisations">{t('admin.organisations.back')}</BackLink>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { data: organisation, etag } = query.data;
  const admin = isOrgAdmin(user, organisation.id);
  const manage = canManageServices(user, organisation.id);
  return (
    <>
      <BackLink to="/admin/organisations">{t('admin.organisations.back')}</BackLink>
      {created ? <SuccessBanner title={t('admin.organisations.created')} /> : null}
      <span className="nhsuk-caption-l">{t(`kinds.organisation.${organisation.kind}`)}</span>
      <h1>{localName(organisation)}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.organisations.name')}</dt>
          <dd className="nhsuk-summary-list__value">{organisation.name}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.organisations.nameCy')}</dt>
          <dd className="nhsuk-summary-list__value">
            {organisation.name_cy ? <span lang="cy">{organisation.name_cy}</span> : t('common.notGiven')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.organisations.code')}</dt>
          <dd className="nhsuk-summary-list__value">
            {organisation.code ? `${organisation.code_scheme ?? ''} ${organisation.code}` : t('common.notGiven')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('common.status')}</dt>
          <dd className="nhsuk-summary-list__value">
            {organisation.is_active ? <Tag colour="green">{t('common.active')}</Tag> : <Tag colour="grey">{t('common.inactive')}</Tag>}
          </dd>
        </div>
      </dl>
      <ServicesSection organisationId={organisation.id} canManage={manage} />
      {manage ? <MembersSection organisationId={organisation.id} admin={admin} /> : null}
      {admin ? <EditOrganisationForm organisation={organisation} etag={etag} /> : null}
    </>
  );
}
