// Partnerships: the few a person belongs to, one partnership and its member organisations.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const partnershipKeys = {
  all: ['partnerships'] as const,
  options: () => [...partnershipKeys.all, 'options'] as const,
  detail: (partnershipId: string) => [...partnershipKeys.all, partnershipId] as const,
  members: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'members'] as const,
};

/** The partnerships the person can see (first 100: a person is in few). */
export function usePartnershipOptions() {
  return useQuery({
    queryKey: partnershipKeys.options(),
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 100 } } })),
  });
}

export function usePartnership(partnershipId: string) {
  return useQuery({
    queryKey: [...partnershipKeys.detail(partnershipId), 'read'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/partnerships/{partnership_id}', { params: { path: { partnership_id: partnershipId } } })),
    enabled: partnershipId !== '',
  });
}

/** The current member organisations of a partnership. */
export function usePartnershipMembers(partnershipId: string) {
  return useQuery({
    queryKey: [...partnershipKeys.members(partnershipId), 'current'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/partnerships/{partnership_id}/members', {
          params: { path: { partnership_id: partnershipId }, query: { limit: 200 } },
        }),
      ),
    enabled: partnershipId !== '',
    select: (page) => page.items.filter((m) => !m.left_at),
  });
}
