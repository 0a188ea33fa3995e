import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../api/problem';
import type { Role, User } from '../api/types';
import { i18n, isLanguage, rememberLanguage } from '../i18n';
import { getToken, onTokenChange, type TokenChangeReason } from './token';
import {
  ME_QUERY_KEY,
  fetchMe,
  useSignInMutation,
  useSignOutEverywhereMutation,
  useSignOutMutation,
  type MeResult,
} from '../features/session/api';

// The calls behind the session live in the session feature's api module.
export { ME_QUERY_KEY, fetchMe, type MeResult } from '../features/session/api';

interface AuthContextValue {
  token: string | null;
  /** The signed-in person, once loaded. */
  me: MeResult | undefined;
  /** True while we have a token but have not yet loaded the person. */
  loading: boolean;
  meError: unknown;
  /**
   * The session's mutations (one each, so every part of the page sees a sign-out under
   * way): sign in with `{ email, password }` (resolves to the person, whose language is
   * adopted); sign out (the token is forgotten even if revoking fails); sign out everywhere
   * (a failure keeps the session and is reported).
   */
  signIn: ReturnType<typeof useSignInMutation>;
  signOut: ReturnType<typeof useSignOutMutation>;
  signOutEverywhere: ReturnType<typeof useSignOutEverywhereMutation>;
  /** How the last session in this tab ended (null while signed in, or before any session). */
  endReason: Exclude<TokenChangeReason, 'signed-in'> | null;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Adopt the language saved in the person's profile, for this tab and this browser. */
function adoptProfileLanguage(user: User): void {
  if (isLanguage(user.language) && user.language !== i18n.language) {
    void i18n.changeLanguage(user.language);
  }
  if (isLanguage(user.language)) rememberLanguage(user.language);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const [endReason, setEndReason] = useState<AuthContextValue['endReason']>(null);

  useEffect(
    () =>
      onTokenChange((next, reason) => {
        setTokenState(next);
        if (next === null) {
          queryClient.clear();
          setEndReason(reason === 'signed-in' ? 'signed-out' : reason);
        } else {
          setEndReason(null);
        }
      }),
    [queryClient],
  );

  const meQuery = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    enabled: token !== null,
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
  });

  const signIn = useSignInMutation(adoptProfileLanguage);
  const signOut = useSignOutMutation();
  const signOutEverywhere = useSignOutEverywhereMutation();

  // A token that stops working (expired, revoked elsewhere) is cleared by the API
  // client's middleware on any 401, which lands in the listener above.

  const value = useMemo<AuthContextValue>(
    () => ({
      token,
      me: token ? meQuery.data : undefined,
      loading: token !== null && meQuery.isPending,
      meError: meQuery.error,
      signIn,
      signOut,
      signOutEverywhere,
      endReason,
    }),
    [token, meQuery.data, meQuery.isPending, meQuery.error, signIn, signOut, signOutEverywhere, endReason],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The roles a person holds, per organisation id. */
export function rolesByOrganisation(user: User): Map<string, Role[]> {
  const map = new Map<string, Role[]>();
  for (const membership of user.memberships ?? []) {
    const list = map.get(membership.organisation_id) ?? [];
    list.push(membership.role);
    map.set(membership.organisation_id, list);
  }
  return map;
}

export function hasRole(user: User, ...roles: Role[]): boolean {
  return (user.memberships ?? []).some((m) => roles.includes(m.role));
}
