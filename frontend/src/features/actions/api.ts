// Queries of the improvement-action screens (all through the generated client).
import { useQuery } from '@tanstack/react-query';
import { ApiProblem } from '../../api/problem';
import { api, unwrap } from '../../api/client';
import { listQuery, type BoardFilters } from '../../pages/actions/actionsModel';

export const ACTIONS_KEY = ['actions'] as const;

export function actionKey(actionId: string) {
  return [...ACTIONS_KEY, actionId] as const;
}

export function useActions(filters: BoardFilters) {
  return useQuery({
    queryKey: [...ACTIONS_KEY, 'list', filters],
    queryFn: () => unwrap(api.GET('/api/v1/actions', { params: { query: listQuery(filters) } })),
  });
}

export function useAction(actionId: string) {
  return useQuery({
    queryKey: actionKey(actionId),
    queryFn: () => unwrap(api.GET('/api/v1/actions/{action_id}', { params: { path: { action_id: actionId } } })),
  });
}

export function useTimeline(actionId: string) {
  return useQuery({
    queryKey: [...actionKey(actionId), 'timeline'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/actions/{action_id}/timeline', {
          params: { path: { action_id: actionId }, query: { limit: 200 } },
        }),
      ),
  });
}

export function useUpdates(actionId: string) {
  return useQuery({
    queryKey: [...actionKey(actionId), 'updates'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/actions/{action_id}/updates', { params: { path: { action_id: actionId } } })),
  });
}

export function useCycles(actionId: string) {
  return useQuery({
    queryKey: [...actionKey(actionId), 'pdsa'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/actions/{action_id}/pdsa-cycles', { params: { path: { action_id: actionId } } })),
  });
}

/** Every framework's standards, for filters and pickers. */
export function useStandards() {
  return useQuery({
    queryKey: ['frameworks'],
    queryFn: () => unwrap(api.GET('/api/v1/frameworks')),
    staleTime: 10 * 60_000,
    select: (frameworks) => frameworks.flatMap((f) => f.standards),
  });
}

/** The people of an organisation (for naming an owner); only its managers can read them. */
export function useOrganisationPeople(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['organisations', organisationId, 'memberships', 'people'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{organisation_id}/memberships', {
          params: { path: { organisation_id: organisationId }, query: { limit: 200 } },
        }),
      ),
    enabled: enabled && organisationId !== '',
  });
}

/** A partnership's public "you said, we did" page (no sign-in). */
export function usePublicActions(partnershipId: string) {
  return useQuery({
    queryKey: ['public', 'partnerships', partnershipId, 'actions'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/public/partnerships/{partnership_id}/actions', {
          params: { path: { partnership_id: partnershipId } },
        }),
      ),
    retry: (count, error) => !(error instanceof ApiProblem && (error.status === 404 || error.status === 422)) && count < 2,
  });
}
