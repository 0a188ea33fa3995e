// Organisations and services: read by many features (names beside ids, pickers), and
// changed on the admin pages (editing an organisation, its services).
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import { fetchAllPages } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import type { Organisation, Service } from '../../api/types';

type Schemas = components['schemas'];

export const organisationKeys = {
  all: ['organisations'] as const,
  list: () => [...organisationKeys.all, 'list'] as const,
  options: () => [...organisationKeys.all, 'options'] as const,
  /** The organisations where this person holds a role (first 200, for pickers). */
  withMyRole: (role: string) => [...organisationKeys.all, 'my-role', role] as const,
  /** One organisation, with its ETag ({data, etag}). */
  detail: (organisationId: string) => [...organisationKeys.all, organisationId] as const,
  /** Every service list of one organisation (the tree, the pickers). */
  services: (organisationId: string) => [...organisationKeys.detail(organisationId), 'services'] as const,
  /** The people of one organisation (the paged table and the owner pickers). */
  memberships: (organisationId: string) => [...organisationKeys.detail(organisationId), 'memberships'] as const,
};

export function organisationQuery(organisationId: string) {
  return {
    queryKey: organisationKeys.detail(organisationId),
    queryFn: () =>
      unwrapWithEtag(
        api.GET('/api/v1/organisations/{organisation_id}', {
          params: { path: { organisation_id: organisationId } },
        }),
      ),
  };
}

export function useOrganisation(organisationId: string | undefined) {
  return useQuery({
    ...organisationQuery(organisationId ?? ''),
    enabled: Boolean(organisationId),
  });
}

/** Organisations by id (for showing names where the API gives only ids). */
export function useOrganisationsById(ids: string[]): Map<string, Organisation> {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map((id) => organisationQuery(id)) });
  const map = new Map<string, Organisation>();
  results.forEach((result) => {
    if (result.data) map.set(result.data.data.id, result.data.data);
  });
  return map;
}

/** Every organisation the person can see (first 200, for pickers). */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: organisationKeys.options(),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations', { params: { query: { limit: 200, sort: 'name' } } })),
  });
}

export const serviceKeys = {
  all: ['services'] as const,
  detail: (serviceId: string) => [...serviceKeys.all, serviceId] as const,
  /** One service with its ETag ({data, etag}), for editing: not the same shape as `detail`. */
  editable: (serviceId: string) => [...serviceKeys.detail(serviceId), 'with-etag'] as const,
  /** The active services of one organisation, first page (for pickers). */
  activeOf: (organisationId: string) => [...organisationKeys.services(organisationId), 'active'] as const,
  /** Every service of one organisation, all pages (for the tree). */
  everyOf: (organisationId: string) => [...organisationKeys.services(organisationId), 'all'] as const,
};

export function serviceQuery(serviceId: string) {
  return {
    queryKey: serviceKeys.detail(serviceId),
    queryFn: () => unwrap(api.GET('/api/v1/services/{service_id}', { params: { path: { service_id: serviceId } } })),
  };
}

/** Services by id (for showing names where the API gives only ids); those that fail are left out. */
export function useServicesById(ids: string[], enabled = true): Map<string, Service> {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map((id) => ({ ...serviceQuery(id), enabled })) });
  const map = new Map<string, Service>();
  results.forEach((result) => {
    if (result.data) map.set(result.data.id, result.data);
  });
  return map;
}

/** The active services of an organisation (first 200, for pickers). */
export function useActiveServices(organisationId: string) {
  return useQuery({
    queryKey: serviceKeys.activeOf(organisationId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{organisation_id}/services', {
          params: { path: { organisation_id: organisationId }, query: { limit: 200, is_active: true } },
        }),
      ),
    enabled: organisationId !== '',
  });
}

/** Every service of an organisation, following every page (the tree, the parent pickers). */
export function useAllServices(organisationId: string) {
  return useQuery({
    enabled: organisationId !== '',
    queryKey: serviceKeys.everyOf(organisationId),
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/organisations/{organisation_id}/services', {
            params: { path: { organisation_id: organisationId }, query: { limit: 200, cursor: cursor ?? undefined } },
          }),
        ),
      ),
  });
}

/** One service with its ETag, for the page that edits it. */
export function useEditableService(serviceId: string) {
  return useQuery({
    queryKey: serviceKeys.editable(serviceId),
    queryFn: () => unwrapWithEtag(api.GET('/api/v1/services/{service_id}', { params: { path: { service_id: serviceId } } })),
  });
}

// ------------------------------------------------------------------------ mutations

/** Edit an organisation with If-Match; on a conflict it is read again. */
export function useUpdateOrganisationMutation(organisation: Organisation, etag: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['OrganisationUpdate']) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/organisations/{organisation_id}', {
          params: { path: { organisation_id: organisation.id }, header: { 'If-Match': etag ?? `"${organisation.version}"` } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(organisationKeys.detail(organisation.id), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKeys.list() }),
        queryClient.invalidateQueries({ queryKey: organisationKeys.options() }),
      ]);
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: organisationKeys.detail(organisation.id) });
      }
    },
  });
}

export function useAddServiceMutation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['ServiceCreate']) =>
      unwrap(
        api.POST('/api/v1/organisations/{organisation_id}/services', {
          params: { path: { organisation_id: organisationId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.services(organisationId) }),
  });
}

/** Edit a service with If-Match; on a conflict it is read again. */
export function useUpdateServiceMutation(service: Service, etag: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['ServiceUpdate']) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/services/{service_id}', {
          params: { path: { service_id: service.id }, header: { 'If-Match': etag ?? `"${service.version}"` } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(serviceKeys.editable(service.id), result);
      queryClient.setQueryData(serviceKeys.detail(service.id), result.data);
      await queryClient.invalidateQueries({ queryKey: organisationKeys.services(service.organisation_id) });
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: serviceKeys.detail(service.id) });
      }
    },
  });
}
