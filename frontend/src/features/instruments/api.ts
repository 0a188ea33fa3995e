// Instruments, their versions, co-design contributions and review: every query and
// mutation of the instrument screens, over the generated client.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import type { components } from '../../api/schema';
import type { Instrument, InstrumentVersion, Question } from '../../api/types';

type Schemas = components['schemas'];
export type InstrumentCreate = Schemas['InstrumentCreate'];
export type InstrumentContentWrite = Schemas['VersionContentUpdate']['content'];
export type ReviewDecision = Schemas['ReviewCreate']['decision'];

export const instrumentKeys = {
  all: ['instruments'] as const,
  list: () => [...instrumentKeys.all, 'list'] as const,
  detail: (instrumentId: string) => [...instrumentKeys.all, instrumentId] as const,
  involvement: (instrumentId: string) => [...instrumentKeys.detail(instrumentId), 'involvement'] as const,
};

export const versionKeys = {
  all: ['instrument-versions'] as const,
  detail: (versionId: string) => [...versionKeys.all, versionId] as const,
  /** The editor's copy, with its ETag; read once and kept while editing. */
  edit: (versionId: string) => [...versionKeys.detail(versionId), 'edit'] as const,
  contributions: (versionId: string) => [...versionKeys.detail(versionId), 'contributions'] as const,
  review: (versionId: string, status?: string) =>
    status === undefined
      ? ([...versionKeys.detail(versionId), 'review'] as const)
      : ([...versionKeys.detail(versionId), 'review', status] as const),
};

/** The newest version of an instrument. */
export function latestVersion(instrument: Instrument) {
  return [...instrument.versions].sort((a, b) => b.number - a.number)[0];
}

// -------------------------------------------------------------------------- queries

export function versionQuery(versionId: string) {
  return {
    queryKey: versionKeys.detail(versionId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/instrument-versions/{version_id}', { params: { path: { version_id: versionId } } })),
  };
}

export function useVersion(versionId: string, enabled = true) {
  return useQuery({ ...versionQuery(versionId), enabled: enabled && versionId !== '' });
}

export function instrumentQuery(instrumentId: string) {
  return {
    queryKey: instrumentKeys.detail(instrumentId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/instruments/{instrument_id}', { params: { path: { instrument_id: instrumentId } } })),
  };
}

export function useInstrument(instrumentId: string) {
  return useQuery({ ...instrumentQuery(instrumentId), enabled: instrumentId !== '' });
}

export function useInstruments() {
  return useQuery({
    queryKey: instrumentKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/instruments', { params: { query: { limit: 200 } } })),
  });
}

export function useInvolvement(instrumentId: string) {
  return useQuery({
    queryKey: instrumentKeys.involvement(instrumentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/instruments/{instrument_id}/involvement', { params: { path: { instrument_id: instrumentId } } }),
      ),
  });
}

/** A draft as the editor reads it: the version and its ETag (for If-Match on save). */
export function useVersionForEditing(versionId: string) {
  return useQuery({
    queryKey: versionKeys.edit(versionId),
    queryFn: () =>
      unwrapWithEtag(api.GET('/api/v1/instrument-versions/{version_id}', { params: { path: { version_id: versionId } } })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useContributions(versionId: string) {
  return useQuery({
    queryKey: versionKeys.contributions(versionId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/instrument-versions/{version_id}/contributions', {
          params: { path: { version_id: versionId }, query: { limit: 200 } },
        }),
      ),
    enabled: versionId !== '',
  });
}

/** Who each co-design contributor is, by user id (for questions credited to them). */
export function useContributorNames(versionId: string): Map<string, { name: string; role: string }> {
  const contributions = useContributions(versionId);
  const names = new Map<string, { name: string; role: string }>();
  for (const c of contributions.data?.items ?? []) {
    if (c.author_id && c.author_display_name) names.set(c.author_id, { name: c.author_display_name, role: c.author_role });
  }
  return names;
}

export function useReviewState(version: InstrumentVersion) {
  return useQuery({
    queryKey: versionKeys.review(version.id, version.status),
    queryFn: () =>
      unwrap(api.GET('/api/v1/instrument-versions/{version_id}/review', { params: { path: { version_id: version.id } } })),
  });
}

// ------------------------------------------------------------------------ mutations

export function useCreateInstrumentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InstrumentCreate) => unwrap(api.POST('/api/v1/instruments', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: instrumentKeys.all }),
  });
}

export function useNewDraftMutation(instrumentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/instruments/{instrument_id}/versions', { params: { path: { instrument_id: instrumentId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: instrumentKeys.all }),
  });
}

/** Save a draft's content with If-Match; answers the saved version and its new ETag. */
export function useSaveContentMutation(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ content, etag }: { content: InstrumentContentWrite; etag: string }) =>
      unwrapWithEtag(
        api.PATCH('/api/v1/instrument-versions/{version_id}', {
          params: { path: { version_id: versionId }, header: { 'If-Match': etag } },
          body: { content },
        }),
      ),
    onSuccess: (result) => queryClient.setQueryData(versionKeys.detail(versionId), result.data),
  });
}

export function useCodesignSettingsMutation(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { open: boolean; organisation_ids: string[] }) =>
      unwrap(
        api.PUT('/api/v1/instrument-versions/{version_id}/codesign', { params: { path: { version_id: versionId } }, body }),
      ),
    onSuccess: (updated) => queryClient.setQueryData(versionKeys.detail(versionId), updated),
  });
}

export function useContributeMutation(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['ContributionCreate']) =>
      unwrap(
        api.POST('/api/v1/instrument-versions/{version_id}/contributions', {
          params: { path: { version_id: versionId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.contributions(versionId) }),
  });
}

/** Vote for a suggestion (true) or take the vote back (false). */
export function useVoteMutation(versionId: string, contributionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (add: boolean) => {
      const path = { contribution_id: contributionId };
      if (add) await unwrap(api.POST('/api/v1/contributions/{contribution_id}/votes', { params: { path } }));
      else await unwrap(api.DELETE('/api/v1/contributions/{contribution_id}/votes/me', { params: { path } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.contributions(versionId) }),
  });
}

export function useAcceptContributionMutation(versionId: string, contributionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { question: Question; reason: string | null }) =>
      unwrap(
        api.POST('/api/v1/contributions/{contribution_id}/accept', {
          params: { path: { contribution_id: contributionId } },
          body,
        }),
      ),
    // The accepted question is now in the version: read both again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.detail(versionId) }),
  });
}

export function useDeclineContributionMutation(versionId: string, contributionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/contributions/{contribution_id}/decline', {
          params: { path: { contribution_id: contributionId } },
          body: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.contributions(versionId) }),
  });
}

/** Ask for review; the answer is the review state, so the version is read again. */
export function useRequestReviewMutation(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/instrument-versions/{version_id}/review-requests', { params: { path: { version_id: versionId } } }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: versionKeys.detail(versionId) });
      await queryClient.invalidateQueries({ queryKey: instrumentKeys.all });
    },
  });
}

export function usePublishMutation(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/instrument-versions/{version_id}/publish', { params: { path: { version_id: versionId } } })),
    onSuccess: async (published) => {
      queryClient.setQueryData(versionKeys.detail(versionId), published);
      await queryClient.invalidateQueries({ queryKey: instrumentKeys.all });
    },
  });
}

export function useReviewMutation(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { decision: ReviewDecision; comment: string | null }) =>
      unwrap(
        api.POST('/api/v1/instrument-versions/{version_id}/reviews', { params: { path: { version_id: versionId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.review(versionId) }),
  });
}
