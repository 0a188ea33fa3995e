// Administration: organisations, partnerships, people, their roles, invitations, API
// clients and the audit log. The lists are paged by PaginatedTable, which takes a query
// key and a page fetcher: the *List functions give both. Changes are useMutation hooks.
// (Editing an organisation, a service or a partnership is in their own feature modules.)
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { components } from '../../api/schema';
import type { ApiClient, Role, User } from '../../api/types';
import { organisationKeys } from '../organisations/api';
import { ME_QUERY_KEY } from '../session/api';

type Schemas = components['schemas'];
type ListQuery<Op extends keyof operations> = Omit<NonNullable<operations[Op]['parameters']['query']>, 'limit' | 'cursor'>;

/** What PaginatedTable needs to show one list. */
function paged<T>(queryKey: readonly unknown[], fetch: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string | null }>) {
  return { queryKey, fetchPage: (cursor: string | null) => fetch(cursor ?? undefined) };
}

export const adminKeys = {
  organisations: ['organisations'] as const,
  partnerships: ['partnerships'] as const,
  users: ['users'] as const,
  usersList: () => [...adminKeys.users, 'list'] as const,
  /** One person with the ETag ({data, etag}). */
  user: (userId: string) => [...adminKeys.users, userId] as const,
  apiClients: ['api-clients'] as const,
  apiClientsList: () => [...adminKeys.apiClients, 'list'] as const,
  /** One API client with the ETag ({data, etag}). */
  apiClient: (apiClientId: string) => [...adminKeys.apiClients, apiClientId] as const,
  invitations: ['invitations'] as const,
  auditEvents: ['audit-events'] as const,
};

// ---------------------------------------------------------------------------- lists

export function organisationsList(query: ListQuery<'listOrganisations'>) {
  return paged([...adminKeys.organisations, 'list', query], (cursor) =>
    unwrap(api.GET('/api/v1/organisations', { params: { query: { limit: 25, cursor, ...query } } })),
  );
}

export function partnershipsList() {
  return paged([...adminKeys.partnerships, 'list'], (cursor) =>
    unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 25, cursor } } })),
  );
}

export function usersList(query: ListQuery<'listUsers'>) {
  return paged([...adminKeys.usersList(), query], (cursor) =>
    unwrap(api.GET('/api/v1/users', { params: { query: { limit: 25, cursor, ...query } } })),
  );
}

export function apiClientsList() {
  return paged(adminKeys.apiClientsList(), (cursor) =>
    unwrap(api.GET('/api/v1/api-clients', { params: { query: { limit: 25, cursor } } })),
  );
}

/** The audit log; `key` is what the page filters by (the query key), `query` what is asked for. */
export function auditEventsList(key: unknown, query: ListQuery<'listAuditEvents'>) {
  return paged([...adminKeys.auditEvents, key], (cursor) =>
    unwrap(api.GET('/api/v1/audit-events', { params: { query: { limit: 25, cursor, ...query } } })),
  );
}

export function invitationsList(query: ListQuery<'listInvitations'>) {
  return paged([...adminKeys.invitations, 'list', query], (cursor) =>
    unwrap(api.GET('/api/v1/invitations', { params: { query: { limit: 25, cursor, ...query } } })),
  );
}

/** The people of one organisation with their roles. */
export function membershipsList(organisationId: string) {
  return paged(organisationKeys.memberships(organisationId), (cursor) =>
    unwrap(
      api.GET('/api/v1/organisations/{organisation_id}/memberships', {
        params: { path: { organisation_id: organisationId }, query: { limit: 50, cursor } },
      }),
    ),
  );
}

// ---------------------------------------------------------------------- one of each

export function useUser(userId: string) {
  return useQuery({
    queryKey: adminKeys.user(userId),
    queryFn: () => unwrapWithEtag(api.GET('/api/v1/users/{user_id}', { params: { path: { user_id: userId } } })),
  });
}

export function useApiClient(apiClientId: string) {
  return useQuery({
    queryKey: adminKeys.apiClient(apiClientId),
    queryFn: () =>
      unwrapWithEtag(api.GET('/api/v1/api-clients/{api_client_id}', { params: { path: { api_client_id: apiClientId } } })),
  });
}

// ------------------------------------------------------------------------ mutations

export function useCreateOrganisationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['OrganisationCreate']) => unwrap(api.POST('/api/v1/organisations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.organisations }),
  });
}

export function useCreatePartnershipMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['PartnershipCreate']) => unwrap(api.POST('/api/v1/partnerships', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.partnerships }),
  });
}

export function useCreateApiClientMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['ApiClientCreate']) => unwrap(api.POST('/api/v1/api-clients', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiClients }),
  });
}

/**
 * Edit a person with If-Match; on a conflict they are read again. `me` is who is signed
 * in: editing oneself reads the session's own profile again too.
 */
export function useUpdateUserMutation(person: User, etag: string | null, me: User) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UserUpdate']) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/users/{user_id}', {
          params: { path: { user_id: person.id }, header: { 'If-Match': etag ?? `"${person.version}"` } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(adminKeys.user(person.id), result);
      await queryClient.invalidateQueries({ queryKey: adminKeys.usersList() });
      if (person.id === me.id) await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: adminKeys.user(person.id) });
      }
    },
  });
}

/** After a role is given or taken: the people (and so the signed-in person) and the organisation's table. */
function useRefreshMemberships() {
  const queryClient = useQueryClient();
  return (organisationId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.users }),
      queryClient.invalidateQueries({ queryKey: organisationKeys.memberships(organisationId) }),
    ]);
}

/** Give a person a role in an organisation. */
export function useAddMembershipMutation() {
  const refresh = useRefreshMemberships();
  return useMutation({
    mutationFn: ({ organisationId, userId, role }: { organisationId: string; userId: string; role: Role }) =>
      unwrap(
        api.POST('/api/v1/organisations/{organisation_id}/memberships', {
          params: { path: { organisation_id: organisationId } },
          body: { user_id: userId, role },
        }),
      ),
    onSuccess: (_membership, { organisationId }) => refresh(organisationId),
  });
}

/** Take a role away (a membership of an organisation). */
export function useRemoveMembershipMutation() {
  const refresh = useRefreshMemberships();
  return useMutation({
    mutationFn: ({ organisationId, membershipId }: { organisationId: string; membershipId: string }) =>
      unwrap(
        api.DELETE('/api/v1/organisations/{organisation_id}/memberships/{membership_id}', {
          params: { path: { organisation_id: organisationId, membership_id: membershipId } },
        }),
      ),
    onSuccess: (_nothing, { organisationId }) => refresh(organisationId),
  });
}

/** Edit an API client's name and scopes with If-Match; on a conflict it is read again. */
export function useUpdateApiClientMutation(client: ApiClient, etag: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['ApiClientUpdate']) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/api-clients/{api_client_id}', {
          params: { path: { api_client_id: client.id }, header: { 'If-Match': etag ?? `"${client.version}"` } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(adminKeys.apiClient(client.id), result);
      await queryClient.invalidateQueries({ queryKey: adminKeys.apiClientsList() });
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: adminKeys.apiClient(client.id) });
      }
    },
  });
}

/** A new secret for an API client (answered once, with the secret). */
export function useRotateSecretMutation(apiClientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/api-clients/{api_client_id}/rotate-secret', { params: { path: { api_client_id: apiClientId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiClients }),
  });
}

export function useRevokeApiClientMutation(apiClientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/api-clients/{api_client_id}/revoke', { params: { path: { api_client_id: apiClientId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.apiClients }),
  });
}

export function useInviteMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['InvitationCreate']) => unwrap(api.POST('/api/v1/invitations', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations }),
  });
}

export function useRevokeInvitationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(api.DELETE('/api/v1/invitations/{invitation_id}', { params: { path: { invitation_id: invitationId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations }),
  });
}
