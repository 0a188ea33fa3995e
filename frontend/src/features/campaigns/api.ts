// Campaigns: the campaign, its links, access codes, responses, moderation and held
// responses. Every query and mutation of the campaign screens, over the generated client.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { getToken } from '../../auth/token';

type Schemas = components['schemas'];
export type CampaignCreate = Schemas['CampaignCreate'];
export type AccessCodesCreate = Schemas['AccessCodesCreate'];
export type AccessCodesCreated = Schemas['AccessCodesCreated'];
export type AccessCodeCard = Schemas['AccessCodeCard'];
export type AccessCodeBatch = Schemas['AccessCodeBatchRead'];
export type PaperResponseCreate = Schemas['PaperResponseCreate'];

/** How often the published response count is read again. */
export const LIVE_COUNT_MS = 5000;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  /** One organisation's campaigns, newest first (the import form's picker). */
  ofOrganisation: (organisationId: string) => [...campaignKeys.list(), 'organisation', organisationId] as const,
  detail: (campaignId: string) => [...campaignKeys.all, campaignId] as const,
  links: (campaignId: string) => [...campaignKeys.detail(campaignId), 'links'] as const,
  accessCodes: (campaignId: string) => [...campaignKeys.detail(campaignId), 'access-codes'] as const,
  responses: (campaignId: string) => [...campaignKeys.detail(campaignId), 'responses'] as const,
  comments: (campaignId: string) => [...campaignKeys.detail(campaignId), 'comments'] as const,
  heldResponses: (campaignId: string) => [...campaignKeys.detail(campaignId), 'held-responses'] as const,
};

/** A 403 or 404: this person may not see that part of the campaign (an answer, not a fault). */
export function refused(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 403 || error.status === 404);
}

// -------------------------------------------------------------------------- queries

export function campaignQuery(campaignId: string) {
  return {
    queryKey: campaignKeys.detail(campaignId),
    queryFn: () => unwrap(api.GET('/api/v1/campaigns/{campaign_id}', { params: { path: { campaign_id: campaignId } } })),
  };
}

export function useCampaign(campaignId: string, options: { live?: boolean } = {}) {
  return useQuery({
    ...campaignQuery(campaignId),
    ...(options.live ? { refetchInterval: LIVE_COUNT_MS, staleTime: 0 } : {}),
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/campaigns', { params: { query: { limit: 200 } } })),
  });
}

/**
 * The links of a campaign (one per service). Only those who run the campaign get them;
 * `live` reads them again every few seconds until a refusal.
 */
export function useCampaignLinks(campaignId: string, options: { enabled?: boolean; live?: boolean } = {}) {
  return useQuery({
    queryKey: campaignKeys.links(campaignId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/campaigns/{campaign_id}/links', { params: { path: { campaign_id: campaignId } } })),
    enabled: options.enabled ?? true,
    ...(options.live
      ? {
          refetchInterval: (query: { state: { error: unknown } }) => (refused(query.state.error) ? false : LIVE_COUNT_MS),
          retry: (count: number, error: unknown) => !refused(error) && count < 2,
        }
      : {}),
  });
}

export function useAccessCodeBatches(campaignId: string) {
  return useQuery({
    queryKey: campaignKeys.accessCodes(campaignId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/campaigns/{campaign_id}/access-codes', { params: { path: { campaign_id: campaignId } } })),
  });
}

export function useCampaignResponses(campaignId: string) {
  return useQuery({
    queryKey: campaignKeys.responses(campaignId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/campaigns/{campaign_id}/responses', {
          params: { path: { campaign_id: campaignId }, query: { limit: 100 } },
        }),
      ),
  });
}

/** Free-text answers waiting for moderation. */
export function useCommentsToModerate(campaignId: string) {
  return useQuery({
    queryKey: [...campaignKeys.comments(campaignId), 'new'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/campaigns/{campaign_id}/comments', {
          params: { path: { campaign_id: campaignId }, query: { moderation: 'new', limit: 100 } },
        }),
      ),
  });
}

export function heldResponsesQuery(campaignId: string, limit = 100) {
  return {
    queryKey: [...campaignKeys.heldResponses(campaignId), limit] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/campaigns/{campaign_id}/held-responses', {
          params: { path: { campaign_id: campaignId }, query: { limit, sort: 'submitted_at' } },
        }),
      ),
    // Only staff of the campaign's services may see them: a refusal is an answer, not a fault.
    retry: (count: number, error: unknown) =>
      !(error instanceof ApiProblem && error.status < 500 && error.status !== 0) && count < 2,
  };
}

/** Responses held back for a decision; `live` reads them again every few seconds until a refusal. */
export function useHeldResponses(campaignId: string, options: { limit?: number; live?: boolean; enabled?: boolean } = {}) {
  return useQuery({
    ...heldResponsesQuery(campaignId, options.limit ?? 100),
    enabled: options.enabled ?? true,
    ...(options.live
      ? { refetchInterval: (query: { state: { error: unknown } }) => (refused(query.state.error) ? false : LIVE_COUNT_MS) }
      : {}),
  });
}

// ------------------------------------------------------------------------ mutations

export function useCreateCampaignMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignCreate) => unwrap(api.POST('/api/v1/campaigns', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useCloseCampaignMutation(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/campaigns/{campaign_id}/close', { params: { path: { campaign_id: campaignId } } })),
    onSuccess: (updated) => queryClient.setQueryData(campaignKeys.detail(campaignId), updated),
  });
}

export function useMakeAccessCodesMutation(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccessCodesCreate) =>
      unwrap(
        api.POST('/api/v1/campaigns/{campaign_id}/access-codes', { params: { path: { campaign_id: campaignId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.accessCodes(campaignId) }),
  });
}

export function useRevokeAccessCodesMutation(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) =>
      unwrap(
        api.POST('/api/v1/campaigns/{campaign_id}/access-codes/{batch_id}/revoke', {
          params: { path: { campaign_id: campaignId, batch_id: batchId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.accessCodes(campaignId) }),
  });
}

/** Publish or redact one free-text answer. */
export function useModerateMutation(campaignId: string, answerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { moderation: 'published' | 'redacted'; note: string | null }) =>
      unwrap(api.POST('/api/v1/answers/{answer_id}/moderation', { params: { path: { answer_id: answerId } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.comments(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.responses(campaignId) }),
      ]),
  });
}

/** Approve or reject held responses (at most MAX_DECISION in one request). */
export function useDecideHeldMutation(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { response_ids: string[]; decision: 'approve' | 'reject' }) =>
      unwrap(
        api.POST('/api/v1/campaigns/{campaign_id}/held-responses/decision', {
          params: { path: { campaign_id: campaignId } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.heldResponses(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.responses(campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.comments(campaignId) }),
      ]),
  });
}

/** A paper form typed in by staff; the campaign (its count) is read again. */
export function usePaperResponseMutation(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaperResponseCreate) =>
      unwrap(
        api.POST('/api/v1/campaigns/{campaign_id}/paper-responses', { params: { path: { campaign_id: campaignId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
  });
}

/**
 * The QR code of a campaign link as a data: URL. The SVG needs the bearer token, so it is
 * fetched here (an <img src> could not send the token, and the app's Content-Security-Policy
 * allows data: images but not blob: ones).
 */
export function useQrCode(qrSvgUrl: string) {
  return useQuery({
    queryKey: ['qr-code', qrSvgUrl],
    queryFn: async () => {
      const token = getToken();
      const response = await fetch(new URL(qrSvgUrl, window.location.origin), {
        headers: { Accept: 'image/svg+xml', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
      if (!response.ok) throw new Error(String(response.status));
      const svg = await response.text();
      return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    },
    retry: false,
    staleTime: Infinity,
  });
}
