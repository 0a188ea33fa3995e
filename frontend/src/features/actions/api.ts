// Queries of the improvement-action screens (all through the generated client).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/problem';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { campaignQuery } from '../campaigns/api';
import { indicatorOptionsQuery, indicatorQuery } from '../indicators/api';
import { organisationKeys } from '../organisations/api';
import { listQuery, type BoardFilters } from './actionsModel';

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
    queryKey: [...organisationKeys.memberships(organisationId), 'people'],
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

export const actionKeys = {
  all: ACTIONS_KEY,
  detail: actionKey,
  accountability: (kind: 'organisation' | 'partnership', id: string) => [...ACTIONS_KEY, 'accountability', kind, id] as const,
  leads: (partnershipId: string) => ['partnerships', partnershipId, 'leads'] as const,
};

type Schemas = components['schemas'];

export function useOrganisationAccountability(organisationId: string) {
  return useQuery({
    queryKey: actionKeys.accountability('organisation', organisationId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{organisation_id}/action-accountability', {
          params: { path: { organisation_id: organisationId } },
        }),
      ),
  });
}

export function usePartnershipAccountability(partnershipId: string) {
  return useQuery({
    queryKey: actionKeys.accountability('partnership', partnershipId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/partnerships/{partnership_id}/action-accountability', {
          params: { path: { partnership_id: partnershipId } },
        }),
      ),
  });
}

export function usePartnershipLeads(partnershipId: string) {
  return useQuery({
    queryKey: actionKeys.leads(partnershipId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/partnerships/{partnership_id}/leads', { params: { path: { partnership_id: partnershipId } } })),
    enabled: partnershipId !== '',
  });
}

/** Every indicator (for linking a PDSA cycle to one). */
export function useIndicatorOptions() {
  return useQuery({ ...indicatorOptionsQuery(), staleTime: 5 * 60_000 });
}

/** The campaign or indicator a proposal comes from (a refusal is shown as "not found", not retried). */
export function useEvidenceSources(campaignId: string, indicatorId: string) {
  // The campaigns and indicators features' own keys and reads: one cache entry per campaign or indicator.
  const campaign = useQuery({ ...campaignQuery(campaignId), enabled: campaignId !== '', retry: false });
  const indicator = useQuery({ ...indicatorQuery(indicatorId), enabled: indicatorId !== '', retry: false });
  return { campaign, indicator };
}

// ------------------------------------------------------------------------ mutations

/** Invalidate one action (and its timeline, updates, cycles) after a change to it. */
function useRefreshAction(actionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: actionKey(actionId) });
}

/** Invalidate every action query: a change that moves an action on the board or timeline. */
function useRefreshActions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ACTIONS_KEY });
}

export function useProposeActionMutation() {
  const refresh = useRefreshActions();
  return useMutation({
    mutationFn: (body: Schemas['ActionCreate']) => unwrap(api.POST('/api/v1/actions', { body })),
    onSuccess: refresh,
  });
}

/** Edit an action with If-Match; on a conflict the action is read again. */
export function useEditActionMutation(action: { id: string; version: number }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['ActionUpdatePatch']) =>
      unwrap(
        api.PATCH('/api/v1/actions/{action_id}', {
          params: { path: { action_id: action.id }, header: { 'If-Match': `"${action.version}"` } },
          body,
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(actionKey(action.id), updated);
      await queryClient.invalidateQueries({ queryKey: ACTIONS_KEY });
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: actionKey(action.id) });
      }
    },
  });
}

/** Support an action (true) or take the support back (false). */
export function useSupportMutation(actionId: string) {
  const refresh = useRefreshAction(actionId);
  return useMutation({
    mutationFn: async (support: boolean) => {
      const params = { path: { action_id: actionId } };
      if (support) await unwrap(api.POST('/api/v1/actions/{action_id}/supports', { params }));
      else await unwrap(api.DELETE('/api/v1/actions/{action_id}/supports/mine', { params }));
    },
    onSuccess: refresh,
  });
}

export function useChangeStatusMutation(actionId: string) {
  const refresh = useRefreshActions();
  return useMutation({
    mutationFn: (body: Schemas['StatusChange']) =>
      unwrap(api.POST('/api/v1/actions/{action_id}/status', { params: { path: { action_id: actionId } }, body })),
    onSuccess: refresh,
  });
}

export function usePostUpdateMutation(actionId: string) {
  const refresh = useRefreshActions();
  return useMutation({
    mutationFn: (body: Schemas['ProgressUpdateCreate']) =>
      unwrap(api.POST('/api/v1/actions/{action_id}/updates', { params: { path: { action_id: actionId } }, body })),
    onSuccess: refresh,
  });
}

/** Accept or decline an organisation's part in an action. */
export function useAnswerResponsibilityMutation(actionId: string, organisationId: string) {
  const refresh = useRefreshAction(actionId);
  return useMutation({
    mutationFn: async ({ answer, body }: { answer: 'accept' | 'decline'; body: { owner_id?: string; note?: string } }) => {
      const params = { path: { action_id: actionId, organisation_id: organisationId } };
      if (answer === 'accept') {
        await unwrap(api.POST('/api/v1/actions/{action_id}/responsibilities/{organisation_id}/accept', { params, body }));
      } else {
        await unwrap(api.POST('/api/v1/actions/{action_id}/responsibilities/{organisation_id}/decline', { params, body }));
      }
    },
    onSuccess: refresh,
  });
}

/** Name (or clear) the owner of an organisation's part, with If-Match; a conflict reads the action again. */
export function useSetOwnerMutation(actionId: string, responsibility: { organisation_id: string; version: number }) {
  const refresh = useRefreshAction(actionId);
  return useMutation({
    mutationFn: (ownerId: string | null) =>
      unwrap(
        api.PATCH('/api/v1/actions/{action_id}/responsibilities/{organisation_id}', {
          params: {
            path: { action_id: actionId, organisation_id: responsibility.organisation_id },
            header: { 'If-Match': `"${responsibility.version}"` },
          },
          body: { owner_id: ownerId },
        }),
      ),
    onSuccess: refresh,
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412) await refresh();
    },
  });
}

export function useAskOrganisationMutation(actionId: string) {
  const refresh = useRefreshAction(actionId);
  return useMutation({
    mutationFn: (body: Schemas['ResponsibilityIn']) =>
      unwrap(api.POST('/api/v1/actions/{action_id}/responsibilities', { params: { path: { action_id: actionId } }, body })),
    onSuccess: refresh,
  });
}

export function useStartCycleMutation(actionId: string) {
  const refresh = useRefreshAction(actionId);
  return useMutation({
    mutationFn: (body: Schemas['PdsaCreate']) =>
      unwrap(api.POST('/api/v1/actions/{action_id}/pdsa-cycles', { params: { path: { action_id: actionId } }, body })),
    onSuccess: refresh,
  });
}

/** Record a stage of a PDSA cycle, with If-Match. */
export function useRecordStageMutation(actionId: string, cycle: { id: string; version: number }) {
  const refresh = useRefreshAction(actionId);
  return useMutation({
    mutationFn: (body: Schemas['PdsaUpdate']) =>
      unwrap(
        api.PATCH('/api/v1/pdsa-cycles/{cycle_id}', {
          params: { path: { cycle_id: cycle.id }, header: { 'If-Match': `"${cycle.version}"` } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useAppointLeadMutation(partnershipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { user_id: string; organisation_id: string }) =>
      unwrap(api.POST('/api/v1/partnerships/{partnership_id}/leads', { params: { path: { partnership_id: partnershipId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionKeys.leads(partnershipId) }),
  });
}

export function useRemoveLeadMutation(partnershipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.DELETE('/api/v1/partnerships/{partnership_id}/leads/{user_id}', {
          params: { path: { partnership_id: partnershipId, user_id: userId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actionKeys.leads(partnershipId) }),
  });
}
