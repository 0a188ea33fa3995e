// Administration: organisations, partnerships, people, API clients and the audit log.
// The lists are paged by PaginatedTable, which takes a query key and a page fetcher:
// the *List functions give both. Changes are useMutation hooks.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';
import type { components } from '../../api/schema';

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
  apiClients: ['api-clients'] as const,
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
  return paged([...adminKeys.users, 'list', query], (cursor) =>
    unwrap(api.GET('/api/v1/users', { params: { query: { limit: 25, cursor, ...query } } })),
  );
}

export function apiClientsList() {
  return paged([...adminKeys.apiClients, 'list'], (cursor) =>
    unwrap(api.GET('/api/v1/api-clients', { params: { query: { limit: 25, cursor } } })),
  );
}

/** The audit log; `key` is what the page filters by (the query key), `query` what is asked for. */
export function auditEventsList(key: unknown, query: ListQuery<'listAuditEvents'>) {
  return paged([...adminKeys.auditEvents, key], (cursor) =>
    unwrap(api.GET('/api/v1/audit-events', { params: { query: { limit: 25, cursor, ...query } } })),
  );
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
