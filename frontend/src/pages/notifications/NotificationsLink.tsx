import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { unreadLabel, useUnreadCount } from '../../features/notifications/api';

/** The header's link to notifications, with the unread count (live). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  const label = unread.data ? unreadLabel(unread.data.count, unread.data.more) : null;
  return (
    <NavLink className="nhsuk-header__account-link" to="/notifications" data-testid="notifications-link">
      {t('notifications.title')}
      {label ? (
        <>
          <span className="app-badge" aria-hidden="true" data-testid="notifications-count">
            {label}
          </span>
          <span className="nhsuk-u-visually-hidden"> {t('notifications.unreadCount', { n: label })}</span>
        </>
      ) : null}
    </NavLink>
  );
}
