import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { hasRole } from '../../auth/AuthContext';
import { usePageTitle } from '../../components/usePageTitle';

interface Section {
  to: string;
  title: string;
  description: string;
}

export function AdminIndexPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const isAdmin = user.is_platform_admin || hasRole(user, 'admin');
  const sections: Section[] = [
    { to: '/admin/organisations', title: t('admin.organisations.title'), description: t('admin.index.organisations') },
    { to: '/admin/partnerships', title: t('admin.partnerships.title'), description: t('admin.index.partnerships') },
    { to: '/admin/users', title: t('admin.users.title'), description: t('admin.index.users') },
    ...(isAdmin
      ? [
          { to: '/admin/invitations', title: t('admin.invitations.title'), description: t('admin.index.invitations') },
          { to: '/admin/api-clients', title: t('admin.apiClients.title'), description: t('admin.index.apiClients') },
        ]
      : []),
    { to: '/imports', title: t('imports.title'), description: t('imports.adminIndex') },
    { to: '/admin/audit', title: t('admin.audit.title'), description: t('admin.index.audit') },
  ];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p className="nhsuk-lede-text">{t('admin.index.lede')}</p>
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {sections.map((section) => (
          <li className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={section.to}>
            <div className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <Link className="nhsuk-card__link" to={section.to}>
                    {section.title}
                  </Link>
                </h2>
                <p className="nhsuk-card__description">{section.description}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
