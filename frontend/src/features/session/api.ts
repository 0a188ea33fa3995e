// The session and the signed-in person: sign-in and revocation (used by AuthContext),
// the person's own profile, and accepting an invitation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import { getToken, setToken } from '../../auth/token';
import { ApiProblem } from '../../api/problem';
import type { Language, User } from '../../api/types';
import type { components } from '../../api/schema';

export const ME_QUERY_KEY = ['users', 'me'] as const;

export const sessionKeys = {
  me: ME_QUERY_KEY,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
};

/** The signed-in person and the ETag of their profile (for If-Match). */
export interface MeResult {
  user: User;
  etag: string | null;
}

export async function fetchMe(): Promise<MeResult> {
  const { data, etag } = await unwrapWithEtag(api.GET('/api/v1/users/me'));
  return { user: data, etag };
}

/** Exchange an email and password for a bearer token. */
export async function requestToken(email: string, password: string): Promise<string> {
  const body = await unwrap(
    api.POST('/api/v1/auth/token', {
      body: { grant_type: 'password', username: email, password },
      bodySerializer: (values) => new URLSearchParams(values as Record<string, string>),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  );
  return body.access_token;
}

/** Revoke this session's token (RFC 7009: the token goes in the form). */
export async function revokeToken(): Promise<void> {
  const token = getToken();
  if (!token) return;
  await unwrap(
    api.POST('/api/v1/auth/revoke', {
      body: { token },
      bodySerializer: (values) => new URLSearchParams(values as Record<string, string>),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  );
}

/** Revoke every session of this person. */
export async function revokeAllTokens(): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/revoke-all'));
}

/**
 * Sign in with an email and password: the token is kept (which signs this tab in), then
 * the person is read. `onSignedIn` (adopting their language) runs before the mutation
 * settles, so a form stays busy until it is done. AuthContext holds the one instance.
 */
export function useSignInMutation(onSignedIn?: (user: User) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password }: { email: string; password: string }): Promise<User> => {
      setToken(await requestToken(email, password));
      const me = await queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe });
      return me.user;
    },
    onSuccess: (user) => onSignedIn?.(user),
    // Offline, say so at once (a network problem) rather than wait, busy, to be online.
    networkMode: 'always',
  });
}

/**
 * Sign out: revoke this session's token. Even if revoking failed (offline), the token is
 * forgotten in this browser; the failure is still the mutation's error.
 */
export function useSignOutMutation() {
  return useMutation({
    mutationFn: async () => {
      try {
        await revokeToken();
      } finally {
        setToken(null, 'signed-out');
      }
    },
    // Offline too: the token must be forgotten now, not once the browser is online again.
    networkMode: 'always',
  });
}

/**
 * Sign out everywhere: revoke every session of this person. Unlike a plain sign-out, a
 * failure keeps the token (and is reported): the person asked for their other sessions to
 * end and needs to know if they did not.
 */
export function useSignOutEverywhereMutation() {
  return useMutation({
    mutationFn: async () => {
      await revokeAllTokens();
      setToken(null, 'signed-out-everywhere');
    },
    networkMode: 'always',
  });
}

function patchMe(etag: string, body: components['schemas']['CurrentUserUpdate']) {
  return unwrapWithEtag(api.PATCH('/api/v1/users/me', { params: { header: { 'If-Match': etag } }, body }));
}

/** Save the person's name and language; on a conflict the stored profile is read again. */
export function useUpdateProfileMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, ...body }: { etag: string; display_name: string; language: Language }) => patchMe(etag, body),
    onSuccess: (result) => queryClient.setQueryData<MeResult>(ME_QUERY_KEY, { user: result.data, etag: result.etag }),
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      }
    },
  });
}

/**
 * Save the language in the profile. If someone (perhaps this person in another tab)
 * changed the profile since it was read, read it again and retry once: the language is
 * the only thing changed.
 */
export function useSaveLanguageMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ language, me }: { language: Language; me: MeResult }): Promise<MeResult> => {
      try {
        const { data, etag } = await patchMe(me.etag ?? `"${me.user.version}"`, { language });
        return { user: data, etag };
      } catch (error) {
        if (!(error instanceof ApiProblem && error.status === 412)) throw error;
        const fresh = await fetchMe();
        const { data, etag } = await patchMe(fresh.etag ?? `"${fresh.user.version}"`, { language });
        return { user: data, etag };
      }
    },
    onSuccess: (saved) => queryClient.setQueryData(ME_QUERY_KEY, saved),
  });
}

/** What an invitation is for, read with its token (no sign-in needed). */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: sessionKeys.invitationPreview(token),
    queryFn: () => unwrap(api.POST('/api/v1/invitations/inspect', { body: { token } })),
    enabled: token !== '',
    retry: false,
  });
}

/**
 * Accept an invitation. `afterwards` (switching language, signing in) runs as part of the
 * mutation, so the form stays busy, and shows its failure, until the page moves on.
 */
export function useAcceptInvitationMutation(afterwards?: () => Promise<void>) {
  return useMutation({
    mutationFn: async (body: components['schemas']['InvitationAccept']) => {
      const accepted = await unwrap(api.POST('/api/v1/invitations/accept', { body }));
      if (afterwards) await afterwards();
      return accepted;
    },
  });
}
