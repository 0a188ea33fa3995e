import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../i18n/localized';
import { useOrganisationsById } from '../features/organisations/api';
import type { Role, User } from '../api/types';
import { rolesByOrganisation } from '../auth/AuthContext';
import { RoleTag } from '../components/tags';
import { usePageTitle } from '../components/usePageTitle';
import { Agenda } from './home/Agenda';
import { CodesignInvitations } from './home/CodesignInvitations';

const ROLE_ORDER: Role[] = ['admin', 'manager', 'staff', 'carer', 'service_user'];

function NextSteps({ children }: { children: ReactNode }) {
  return <ul className="nhsuk-list nhsuk-list--bullet">{children}</ul>;
}

/** What a role lets this person do next in one organisation. */
function RoleActions({ role, organisationId }: { role: Role; organisationId: string }) {
  const { t } = useTranslation();
  const orgLink = `/admin/organisations/${organisationId}`;
  switch (role) {
    case 'admin':
      return (
        <NextSteps>
          <li>
            <Link to={`/admin/invitations?organisation=${organisationId}`}>{t('home.admin.invite')}</Link>
          </li>
          <li>
            <Link to={orgLink}>{t('home.admin.services')}</Link>
          </li>
          <li>
            <Link to="/admin/partnerships">{t('home.admin.partnerships')}</Link>
          </li>
          <li>
            <Link to="/admin/api-clients">{t('home.admin.apiClients')}</Link>
          </li>
          <li>
            <Link to="/imports">{t('imports.homeLink')}</Link>
          </li>
          <li>
            <Link to={`/admin/audit?organisation_id=${organisationId}`}>{t('home.admin.audit')}</Link>
          </li>
        </NextSteps>
      );
    case 'manager':
      return (
        <NextSteps>
          <li>
            <Link to={orgLink}>{t('home.manager.services')}</Link>
          </li>
          <li>
            <Link to={`/admin/users?organisation_id=${organisationId}`}>{t('home.manager.people')}</Link>
          </li>
          <li>
            <Link to="/campaigns">{t('home.staff.campaigns')}</Link>
          </li>
          <li>
            <Link to={`/admin/audit?organisation_id=${organisationId}`}>{t('home.manager.audit')}</Link>
          </li>
          <li>
            <Link to="/imports">{t('imports.homeLink')}</Link>
          </li>
        </NextSteps>
      );
    case 'staff':
      return (
        <NextSteps>
          <li>
            <Link to={orgLink}>{t('home.staff.services')}</Link>
          </li>
          <li>
            <Link to="/admin/partnerships">{t('home.staff.partnerships')}</Link>
          </li>
          <li>
            <Link to="/instruments">{t('home.staff.surveys')}</Link>
          </li>
          <li>
            <Link to="/campaigns">{t('home.staff.campaigns')}</Link>
          </li>
          <li>
            <Link to="/imports">{t('imports.homeLink')}</Link>
          </li>
        </NextSteps>
      );
    case 'carer':
      return (
        <NextSteps>
          <li>{t('home.carer.surveys')}</li>
          <li>
            <Link to="/instruments">{t('home.codesign.browse')}</Link>
          </li>
          <li>{t('home.carer.involvement')}</li>
          <li>
            <Link to="/results">{t('home.results')}</Link>
          </li>
          <li>
            <Link to="/actions/new">{t('improvement.proposeButton')}</Link>
          </li>
        </NextSteps>
      );
    case 'service_user':
      return (
        <NextSteps>
          <li>{t('home.serviceUser.surveys')}</li>
          <li>
            <Link to="/instruments">{t('home.codesign.browse')}</Link>
          </li>
          <li>{t('home.serviceUser.involvement')}</li>
          <li>
            <Link to="/results">{t('home.results')}</Link>
          </li>
          <li>{t('home.serviceUser.youSaid')}</li>
          <li>
            <Link to="/actions/new">{t('improvement.proposeButton')}</Link>
          </li>
        </NextSteps>
      );
  }
}

export function HomePage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const localName = useLocalName();
  const roles = rolesByOrganisation(user);
  const organisations = useOrganisationsById([...roles.keys()]);

  return (
    <>
      <h1>{t('home.greeting', { name: user.display_name })}</h1>
      <Agenda invitations={roles.size > 0 ? <CodesignInvitations user={user} /> : null} />

      <h2 className="nhsuk-u-margin-top-6">{t('agenda.everything')}</h2>
      <p>{t('home.lede')}</p>

      {user.is_platform_admin ? (
        <div className="nhsuk-card" data-testid="platform-admin-card">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading">{t('home.platform.title')}</h3>
            <p className="nhsuk-card__description">{t('home.platform.description')}</p>
            <NextSteps>
              <li>
                <Link to="/admin/organisations">{t('home.platform.organisations')}</Link>
              </li>
              <li>
                <Link to="/admin/partnerships">{t('home.platform.partnerships')}</Link>
              </li>
              <li>
                <Link to="/admin/users">{t('home.platform.users')}</Link>
              </li>
              <li>
                <Link to="/admin/audit">{t('home.platform.audit')}</Link>
              </li>
            </NextSteps>
          </div>
        </div>
      ) : null}

      {roles.size === 0 && !user.is_platform_admin ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>{' '}
          <p>{t('home.noMemberships')}</p>
        </div>
      ) : null}

      {[...roles.entries()].map(([organisationId, held]) => {
        const organisation = organisations.get(organisationId);
        const sorted = ROLE_ORDER.filter((role) => held.includes(role));
        return (
          <div className="nhsuk-card" key={organisationId} data-testid="membership-card">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading">
                {organisation ? localName(organisation) : t('home.organisationLoading')}
              </h3>
              <p className="nhsuk-card__description">
                {t('home.yourRoles')}{' '}
                {sorted.map((role) => (
                  <span key={role} className="nhsuk-u-margin-right-2">
                    <RoleTag role={role} />
                  </span>
                ))}
              </p>
              {sorted.map((role) => (
                <div key={role}>
                  <h4 className="nhsuk-heading-xs">{t('home.asRole', { role: t(`roles.${role}`) })}</h4>
                  <RoleActions role={role} organisationId={organisationId} />
                </div>
              ))}
            </div>
          </div>
        );
      })}

      <h3>{t('home.accountTitle')}</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          <Link to="/indicators">{t('indicators.homeLink')}</Link>
        </li>
        <li>
          <Link to="/actions">{t('improvement.homeLink')}</Link>
        </li>
        <li>
          <Link to="/notifications">{t('notifications.title')}</Link>
        </li>
        <li>
          <Link to="/profile">{t('home.profileLink')}</Link>
        </li>
      </ul>
    </>
  );
}
