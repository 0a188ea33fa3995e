import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';
import { LoadError, Loading } from '../components/status';
import { useAuth } from './AuthContext';

interface RequireAuthProps {
  children: (user: User) => ReactNode;
  /** Extra check on the person (for administration pages). */
  allow?: (user: User) => boolean;
}

/** Shows its children only to a signed-in person; others are sent to sign in. */
export function RequireAuth({ children, allow }: RequireAuthProps) {
  const { t } = useTranslation();
  const { token, me, loading, meError } = useAuth();
  const location = useLocation();

  if (!token) {
    return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (loading) return <Loading />;
  if (!me) return <LoadError error={meError} onRetry={() => window.location.reload()} />;
  if (allow && !allow(me.user)) {
    return (
      <>
        <h1>{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.forbiddenPage')}</p>
      </>
    );
  }
  return <>{children(me.user)}</>;
}
