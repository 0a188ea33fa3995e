import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useAuth } from '../auth/AuthContext';
import { HeaderNavigation, type NavItem } from './HeaderNavigation';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationsLink } from '../pages/notifications/NotificationsLink';
import { unreadLabel, useUnreadCount } from '../features/notifications/api';

function UserIcon() {
  return (
    <svg
      className="nhsuk-icon nhsuk-icon--user"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z" />
    </svg>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const busy = signOut.isPending;
  return (
    <button
      type="button"
      className="nhsuk-header__account-button"
      aria-disabled={busy ? true : undefined}
      onClick={() => {
        if (busy) return;
        // Even if revoking fails (offline), the token is forgotten in this browser.
        // mutateAsync, not mutate's callbacks: this button goes once the session does.
        void signOut
          .mutateAsync()
          .catch(() => undefined)
          .finally(() => void navigate('/sign-in', { replace: true }));
      }}
    >
      {t('nav.signOut')}
    </button>
  );
}

/** On a phone the unread count shows on the Menu button, as the account is behind it. */
function MenuBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  const label = unread.data ? unreadLabel(unread.data.count, unread.data.more) : null;
  if (!label) return null;
  return (
    <>
      <span className="app-badge" aria-hidden="true" data-testid="menu-notifications-count">
        {label}
      </span>
      <span className="nhsuk-u-visually-hidden"> {t('notifications.unreadCount', { n: label })}</span>
    </>
  );
}

function Header() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const user = me?.user;
  const canAdminister = user ? user.is_platform_admin || hasRole(user, 'admin', 'manager') : false;
  const canRunCampaigns = user ? user.is_platform_admin || hasRole(user, 'admin', 'manager', 'staff') : false;
  const navItems: NavItem[] = user
    ? [
        { to: '/', label: t('nav.home'), end: true },
        { to: '/instruments', label: t('nav.surveys') },
        // Those who run campaigns reach results from them; everyone else from a list of results.
        canRunCampaigns ? { to: '/campaigns', label: t('nav.campaigns') } : { to: '/results', label: t('nav.results') },
        { to: '/indicators', label: t('indicators.navLink') },
        { to: '/actions', label: t('improvement.navLink') },
        ...(canAdminister ? [{ to: '/admin', label: t('nav.administration') }] : []),
        { to: '/profile', label: t('nav.profile') },
      ]
    : [];
  // On a phone the account and the navigation wait behind one button (as NHS.UK's header
  // does), so the header takes a line instead of half the first screen. Wider, the button
  // is not shown and everything is in view.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const [menuPath, setMenuPath] = useState(location.pathname);
  if (menuPath !== location.pathname) {
    // A new page closes the menu.
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menuOpen) {
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };
  const classes = ['nhsuk-header', 'app-header', user ? 'app-header--signed-in' : 'app-header--signed-out'];
  if (menuOpen) classes.push('app-header--open');

  return (
    <header className={classes.join(' ')} role="banner" onKeyDown={closeOnEscape}>
      <div className="app-language-bar">
        <div className="nhsuk-width-container app-language-bar__inner">
          <LanguageSwitch />
        </div>
      </div>
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to="/" aria-label={t('app.homeLinkLabel')}>
            {t('app.serviceName')}
          </Link>
          {user ? (
            <button
              ref={menuButton}
              type="button"
              className="app-header__menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="app-header-account app-header-navigation"
              onClick={() => setMenuOpen((open) => !open)}
              data-testid="header-menu-button"
            >
              {t('nav.menuLabel')}
              <MenuBadge />
              <svg className="app-header__chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
            </button>
          ) : null}
        </div>
        <nav id="app-header-account" className="nhsuk-header__account" aria-label={t('nav.accountLabel')}>
          <ul className="nhsuk-header__account-list">
            {user ? (
              <>
                <li className="nhsuk-header__account-item">
                  <UserIcon />
                  <span data-testid="signed-in-as">{user.display_name}</span>
                </li>
                <li className="nhsuk-header__account-item">
                  <NotificationsLink />
                </li>
                <li className="nhsuk-header__account-item">
                  <SignOutButton />
                </li>
              </>
            ) : (
              <li className="nhsuk-header__account-item">
                <Link className="nhsuk-header__account-link" to="/sign-in">
                  {t('nav.signIn')}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
      {navItems.length > 0 ? <HeaderNavigation items={navItems} label={t('nav.menuLabel')} /> : null}
    </header>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">{t('footer.heading')}</h2>
          <p className="nhsuk-body-s">{t('footer.about')}</p>
          <p className="nhsuk-body-s">{t('footer.licence')}</p>
        </div>
      </div>
    </footer>
  );
}

/**
 * The page frame. After each client-side navigation, focus moves to the new page's
 * main heading so keyboard and screen reader users start reading the new page.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      const heading = document.querySelector<HTMLElement>('#maincontent h1');
      const target = heading ?? document.getElementById('maincontent');
      if (target) {
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus({ preventScroll: false });
      }
    }, 0);
    return () => window.clearTimeout(timer);
  }, [location.pathname]);

  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        {t('nav.skipToContent')}
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}
