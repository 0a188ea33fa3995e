// Organisations and services: read by many features (names beside ids, pickers).
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import type { Organisation, Service } from '../../api/types';

export function organisationQuery(organisationId: string) {
  return {
    queryKey: ['organisations', organisationId] as const,
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
    queryKey: ['organisations', 'options'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations', { params: { query: { limit: 200, sort: 'name' } } })),
  });
}

export function serviceQuery(serviceId: string) {
  return {
    queryKey: ['services', serviceId] as const,
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

export const serviceKeys = {
  all: ['services'] as const,
  detail: (serviceId: string) => [...serviceKeys.all, serviceId] as const,
  /** The active services of one organisation (for pickers). */
  activeOf: (organisationId: string) => ['organisations', organisationId, 'services', 'all'] as const,
};

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
