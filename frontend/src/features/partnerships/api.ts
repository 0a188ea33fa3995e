// Partnerships: the few a person belongs to, one partnership and its member organisations;
// editing a partnership and changing its members (the admin pages).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import { fetchAllPages } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import type { Partnership } from '../../api/types';

type Schemas = components['schemas'];

export const partnershipKeys = {
  all: ['partnerships'] as const,
  list: () => [...partnershipKeys.all, 'list'] as const,
  options: () => [...partnershipKeys.all, 'options'] as const,
  detail: (partnershipId: string) => [...partnershipKeys.all, partnershipId] as const,
  /** One partnership with its ETag ({data, etag}), for editing. */
  editable: (partnershipId: string) => [...partnershipKeys.detail(partnershipId), 'with-etag'] as const,
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

/** One partnership with its ETag, for the page that edits it. */
export function useEditablePartnership(partnershipId: string) {
  return useQuery({
    queryKey: partnershipKeys.editable(partnershipId),
    queryFn: () =>
      unwrapWithEtag(
        api.GET('/api/v1/partnerships/{partnership_id}', { params: { path: { partnership_id: partnershipId } } }),
      ),
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

/** Every member organisation of a partnership, following every page (the admin table). */
export function useAllPartnershipMembers(partnershipId: string) {
  return useQuery({
    queryKey: [...partnershipKeys.members(partnershipId), 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/partnerships/{partnership_id}/members', {
            params: { path: { partnership_id: partnershipId }, query: { limit: 200, cursor: cursor ?? undefined } },
          }),
        ),
      ),
  });
}

// ------------------------------------------------------------------------ mutations

/** Edit a partnership with If-Match; on a conflict it is read again. */
export function useUpdatePartnershipMutation(partnership: Partnership, etag: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['PartnershipUpdate']) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/partnerships/{partnership_id}', {
          params: { path: { partnership_id: partnership.id }, header: { 'If-Match': etag ?? `"${partnership.version}"` } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(partnershipKeys.editable(partnership.id), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: partnershipKeys.list() }),
        queryClient.invalidateQueries({ queryKey: partnershipKeys.options() }),
      ]);
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: partnershipKeys.editable(partnership.id) });
      }
    },
  });
}

/** Add an organisation to a partnership. */
export function useAddPartnerMutation(partnershipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) =>
      unwrap(
        api.POST('/api/v1/partnerships/{partnership_id}/members', {
          params: { path: { partnership_id: partnershipId } },
          body: { organisation_id: organisationId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
}

/** Take an organisation out of a partnership. */
export function useRemovePartnerMutation(partnershipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) =>
      unwrap(
        api.DELETE('/api/v1/partnerships/{partnership_id}/members/{organisation_id}', {
          params: { path: { partnership_id: partnershipId, organisation_id: organisationId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
}
