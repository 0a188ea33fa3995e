import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useStreamEvents } from '../../api/stream';

export type Notification = components['schemas']['NotificationRead'];

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
};
/** The most unread notifications counted; more show as "99+". */
export const UNREAD_LIMIT = 99;

function fetchNotifications(cursor: string | null, unread?: boolean) {
  return unwrap(
    api.GET('/api/v1/notifications', {
      params: { query: { limit: 50, ...(cursor ? { cursor } : {}), ...(unread === undefined ? {} : { unread }) } },
    }),
  );
}

/** "3", "99+", or null when there is nothing unread. */
export function unreadLabel(count: number, more: boolean): string | null {
  if (count <= 0) return null;
  return more || count > UNREAD_LIMIT ? `${UNREAD_LIMIT}+` : String(count);
}

/** The number of unread notifications, kept live by the stream. */
export function useUnreadCount(enabled: boolean) {
  const queryClient = useQueryClient();
  useStreamEvents((event) => {
    if (event.event === 'notification' || event.event === 'reconnected') {
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    }
  }, enabled);
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/notifications', { params: { query: { limit: UNREAD_LIMIT, unread: true } } }),
      );
      return { count: page.items.length, more: page.next_cursor !== null };
    },
    enabled,
    staleTime: 30_000,
  });
}

/** The person's notifications, newest first, a page at a time; new ones arrive by the stream. */
export function useNotifications() {
  const queryClient = useQueryClient();
  useStreamEvents((event) => {
    if (event.event === 'notification') void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  });
  return useInfiniteQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ pageParam }) => fetchNotifications(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: 0,
  });
}

/** Mark one notification read (its id), or all of them (null). */
export function useMarkReadMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string | null) =>
      notificationId === null
        ? unwrap(api.POST('/api/v1/notifications/read-all'))
        : unwrap(
            api.POST('/api/v1/notifications/{notification_id}/read', {
              params: { path: { notification_id: notificationId } },
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** A link in a notification goes inside the app only (never to another site). */
export function safeAppLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link;
}

export type NotificationPreferences = components['schemas']['NotificationPreferences'];
export type DigestFrequency = NotificationPreferences['digest'];
export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['off', 'daily', 'weekly'];

// Not under notificationKeys.all: a new notification does not change the preference.
const preferencesKey = ['notification-preferences'] as const;

/** Whether, and how often, the signed-in person is e-mailed a digest of what they have not read. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => unwrap(api.GET('/api/v1/notifications/preferences')),
  });
}

/** Ask for a digest daily or weekly, or stop it ('off'). */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (digest: DigestFrequency) =>
      unwrap(api.PUT('/api/v1/notifications/preferences', { body: { digest } })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}
