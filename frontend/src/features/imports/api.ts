// Calls and pure helpers of the import screens: uploading a file as the raw request
// body, reading a job, and downloading CSV files that need the bearer token.
import { useMutation, useQueries, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { networkProblem, toProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import type { Organisation, User } from '../../api/types';
import { campaignKeys } from '../campaigns/api';
import { organisationKeys } from '../organisations/api';
import { hasRole } from '../../auth/AuthContext';
import { getToken } from '../../auth/token';
import { i18n } from '../../i18n/index';

export type ImportJob = components['schemas']['ImportJobRead'];
export type ImportJobPage = components['schemas']['ImportJobPage'];
export type ImportState = components['schemas']['ImportState'];
export type ImportKind = ImportJob['kind'];
export type ImportMode = ImportJob['mode'];
export type ImportFormat = ImportJob['format'];

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  detail: (importId: string) => [...importKeys.all, importId] as const,
};

/** How often a queued or running job is read again. */
export const POLL_MS = 2000;

/** Staff, managers and administrators of an organisation (and platform admins) can import. */
export function canImport(user: User): boolean {
  return user.is_platform_admin || hasRole(user, 'admin', 'manager', 'staff');
}

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  fhir: 'application/fhir+json',
};

/** A guess at the file's format from its name or type (the person can change it). */
export function guessFormat(file: File): ImportFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl') || file.type === 'application/x-ndjson') return 'ndjson';
  if (name.endsWith('.json') || file.type === 'application/fhir+json' || file.type === 'application/json') return 'fhir';
  return null;
}

export function isActive(job: ImportJob | undefined): boolean {
  return job?.state === 'queued' || job?.state === 'running';
}

/** The refetch interval of a job query: every POLL_MS while it is queued or running, then never. */
export function pollInterval(job: ImportJob | undefined, everyMs: number = POLL_MS): number | false {
  return isActive(job) ? everyMs : false;
}

export interface UploadRequest {
  kind: ImportKind;
  format: ImportFormat;
  mode: ImportMode;
  organisationId: string;
  campaignId: string | null;
  file: File;
}

/** The query of POST /imports: FHIR Bundles name their Questionnaire, so carry no campaign. */
export function uploadQuery(request: UploadRequest) {
  const fhir = request.format === 'fhir';
  return {
    kind: request.kind,
    organisation_id: request.organisationId,
    mode: request.mode,
    ...(request.kind === 'responses' && !fhir && request.campaignId ? { campaign_id: request.campaignId } : {}),
  };
}

/** Upload the file as the raw body with its content type; the API answers 202 with the job. */
export function createImport(request: UploadRequest): Promise<ImportJob> {
  return unwrap(
    api.POST('/api/v1/imports', {
      params: { query: uploadQuery(request) },
      // The generated body type is the text of the file; a File is sent as it is.
      body: request.file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': CONTENT_TYPES[request.format] },
    }),
  );
}

export function importQuery(importId: string) {
  return {
    queryKey: importKeys.detail(importId),
    queryFn: () => unwrap(api.GET('/api/v1/imports/{import_id}', { params: { path: { import_id: importId } } })),
  };
}

export function fetchImportsPage(cursor: string | null): Promise<ImportJobPage> {
  return unwrap(
    api.GET('/api/v1/imports', { params: { query: { limit: 25, sort: '-created_at', cursor: cursor ?? undefined } } }),
  );
}

/**
 * GET a file that needs the bearer token (so a plain link cannot fetch it). Throws an
 * ApiProblem when the API refuses or cannot be reached.
 */
export async function fetchFile(path: string): Promise<Blob> {
  const token = getToken();
  const headers: Record<string, string> = { 'Accept-Language': i18n.language || 'en' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await globalThis.fetch(new URL(path, window.location.origin).toString(), { headers });
  } catch {
    throw networkProblem();
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      const text = await response.text();
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = null;
    }
    throw toProblem(response.status, body);
  }
  return response.blob();
}

/** Fetch a file with the bearer token (fetchFile) and save it through a blob URL. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const blob = await fetchFile(path);
  const url = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Download a file that needs the bearer token. Not a change on the server, but an action
 * the person starts, with a pending state and a failure to show: a mutation, not a query.
 */
export function useDownloadMutation() {
  return useMutation({
    mutationFn: ({ path, filename }: { path: string; filename: string }) => downloadFile(path, filename),
  });
}

/** Fetch a file that needs the bearer token, to open it (a report in a new tab). */
export function useFetchFileMutation() {
  return useMutation({ mutationFn: (path: string) => fetchFile(path) });
}

const EDITOR_ROLES = ['admin', 'manager', 'staff'] as const;

/** The organisations this person may import into: where they are staff, manager or admin (all, for platform admins). */
export function useImportOrganisations(user: User) {
  const sources: { queryKey: QueryKey; myRole?: (typeof EDITOR_ROLES)[number] }[] = user.is_platform_admin
    ? [{ queryKey: organisationKeys.options() }]
    : EDITOR_ROLES.map((role) => ({ queryKey: organisationKeys.withMyRole(role), myRole: role }));
  const queries = useQueries({
    queries: sources.map(({ queryKey, myRole }) => ({
      queryKey,
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/organisations', {
            params: { query: { ...(myRole ? { my_role: myRole } : {}), limit: 200, sort: 'name' } },
          }),
        ),
    })),
  });
  const byId = new Map<string, Organisation>();
  for (const query of queries) for (const org of query.data?.items ?? []) byId.set(org.id, org);
  const failed = queries.find((query) => query.isError);
  return {
    organisations: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)),
    isPending: queries.some((query) => query.isPending),
    error: failed?.error ?? null,
    refetch: () => queries.forEach((query) => void query.refetch()),
  };
}

export function useCampaignsForImport(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.ofOrganisation(organisationId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/campaigns', {
          params: { query: { organisation_id: organisationId, limit: 100, sort: '-opens_at' } },
        }),
      ),
    enabled: enabled && organisationId !== '',
  });
}

/** One import job, read every few seconds while it is queued or running. */
export function useImportJob(importId: string, pollMs: number = POLL_MS) {
  return useQuery({
    ...importQuery(importId),
    staleTime: 0,
    refetchInterval: (query) => pollInterval(query.state.data, pollMs),
    // Keep following the job when the tab is in the background, so it is current on return.
    refetchIntervalInBackground: true,
  });
}

/** Upload a file; the new job is put in the cache and the list read again. */
export function useCreateImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createImport,
    onSuccess: async (job) => {
      queryClient.setQueryData(importKeys.detail(job.id), job);
      await queryClient.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
