// Queries of the indicator screens, and what they show worked out from the answers.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { isIndicatorsEvent, useStreamEvents } from '../../api/stream';
import { nameIn } from '../../i18n/localized';

export type IndicatorRead = components['schemas']['IndicatorRead'];
export type PartnershipIndicators = components['schemas']['PartnershipIndicatorsRead'];
export type UnitLatest = components['schemas']['IndicatorUnitLatest'];
export type ChartRead = components['schemas']['ChartRead'];

export const INDICATORS_KEY = ['indicators'] as const;

export const indicatorKeys = {
  all: INDICATORS_KEY,
  detail: (indicatorId: string) => [...INDICATORS_KEY, indicatorId] as const,
  partnership: (partnershipId: string) => [...INDICATORS_KEY, 'partnership', partnershipId] as const,
  /** Every indicator (first 200), for pickers. */
  options: () => [...INDICATORS_KEY, 'list', 'all'] as const,
};

/** One indicator: its key and how to read it, for any feature that shows one. */
export function indicatorQuery(indicatorId: string) {
  return {
    queryKey: indicatorKeys.detail(indicatorId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/indicators/{indicator_id}', { params: { path: { indicator_id: indicatorId } } })),
  };
}

/** Every indicator (first 200): its key and how to read it, for pickers. */
export function indicatorOptionsQuery() {
  return {
    queryKey: indicatorKeys.options(),
    queryFn: () => unwrap(api.GET('/api/v1/indicators', { params: { query: { limit: 200 } } })),
  };
}

export function partnershipIndicatorsQuery(partnershipId: string) {
  return {
    queryKey: indicatorKeys.partnership(partnershipId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/partnerships/{partnership_id}/indicators', {
          params: { path: { partnership_id: partnershipId } },
        }),
      ),
  };
}

/** Chart settings the API takes, as kept in the page address. */
export interface ChartSettings {
  baseline_points?: number;
  recalculate_at?: string[];
  run_length?: number;
  screen_moving_ranges?: boolean;
  two_of_three?: 'beyond_band' | 'within_limits';
}

export function settingsFromSearch(search: URLSearchParams): ChartSettings {
  const out: ChartSettings = {};
  const baseline = search.get('baseline_points');
  if (baseline && /^\d+$/.test(baseline)) out.baseline_points = Number(baseline);
  const cuts = search.getAll('recalculate_at').filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  if (cuts.length > 0) out.recalculate_at = cuts;
  const run = search.get('run_length');
  if (run && /^\d+$/.test(run)) out.run_length = Number(run);
  if (search.get('screen_moving_ranges') === 'true') out.screen_moving_ranges = true;
  const rule = search.get('two_of_three');
  if (rule === 'within_limits' || rule === 'beyond_band') out.two_of_three = rule;
  return out;
}

export function chartQuery(indicatorId: string, organisationId: string, serviceId: string | null, settings: ChartSettings) {
  return {
    queryKey: [...INDICATORS_KEY, indicatorId, 'chart', organisationId, serviceId, settings] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/indicators/{indicator_id}/chart', {
          params: {
            path: { indicator_id: indicatorId },
            query: { organisation_id: organisationId, ...(serviceId ? { service_id: serviceId } : {}), ...settings },
          },
        }),
      ),
  };
}

export type MeasurementRead = components['schemas']['MeasurementRead'];

/** The latest measurements of one unit (to tell where they come from). */
export function measurementsQuery(indicatorId: string, organisationId: string, serviceId: string | null) {
  return {
    queryKey: [...INDICATORS_KEY, indicatorId, 'measurements', organisationId, serviceId] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/indicators/{indicator_id}/measurements', {
          params: {
            path: { indicator_id: indicatorId },
            query: { organisation_id: organisationId, ...(serviceId ? { service_id: serviceId } : {}), limit: 200, sort: '-period_end' },
          },
        }),
      ),
  };
}

/** Whether any of this unit's measurements is derived from survey answers. */
export function derivedFromSurveys(measurements: MeasurementRead[], organisationId: string, serviceId: string | null): boolean {
  return measurements.some(
    (m) => m.source === 'derived' && m.organisation_id === organisationId && (m.service_id ?? null) === (serviceId ?? null),
  );
}

export interface UnitChoice {
  organisation_id: string;
  service_id: string | null;
  label: string;
}

/** An organisation's or service's series named in `language`: "Organisation: Service". */
export function unitLabel(
  unit: { organisation_name: string; organisation_name_cy?: string | null; service_name: string | null; service_name_cy?: string | null },
  language: string,
): string {
  const organisation = nameIn(unit.organisation_name, unit.organisation_name_cy, language);
  return unit.service_name ? `${organisation}: ${nameIn(unit.service_name, unit.service_name_cy, language)}` : organisation;
}

/** The units measured for one indicator, from every partnership's overview, without repeats,
 * named in `language` (Welsh names where they exist). */
export function unitsOf(overviews: (PartnershipIndicators | undefined)[], indicatorId: string, language = 'en'): UnitChoice[] {
  const seen = new Map<string, UnitChoice>();
  for (const overview of overviews) {
    for (const group of overview?.standards ?? []) {
      for (const item of group.indicators) {
        if (item.indicator.id !== indicatorId) continue;
        for (const unit of item.units) {
          const key = unitKey(unit.organisation_id, unit.service_id);
          if (!seen.has(key)) {
            seen.set(key, {
              organisation_id: unit.organisation_id,
              service_id: unit.service_id,
              label: unitLabel(unit, language),
            });
          }
        }
      }
    }
  }
  return [...seen.values()];
}

export function unitKey(organisationId: string, serviceId: string | null | undefined): string {
  return serviceId ? `${organisationId}/${serviceId}` : organisationId;
}

export function useAllPartnershipIndicators(partnershipIds: string[]) {
  return useQueries({ queries: partnershipIds.map((id) => partnershipIndicatorsQuery(id)) });
}

/** The link to an indicator's chart for one unit. */
export function chartLink(indicatorId: string, organisationId: string, serviceId: string | null | undefined): string {
  const query = new URLSearchParams({ organisation_id: organisationId });
  if (serviceId) query.set('service_id', serviceId);
  return `/indicators/${indicatorId}?${query.toString()}`;
}

export function useIndicator(indicatorId: string) {
  return useQuery(indicatorQuery(indicatorId));
}

/** Every indicator a partnership shares, with each unit's latest value (always read afresh). */
export function usePartnershipIndicators(partnershipId: string) {
  return useQuery({ ...partnershipIndicatorsQuery(partnershipId), staleTime: 0 });
}

/** The SPC chart of one unit; the previous chart stays on screen while settings change. */
export function useChart(indicatorId: string, organisationId: string | null, serviceId: string | null, settings: ChartSettings) {
  return useQuery({
    ...chartQuery(indicatorId, organisationId ?? '', serviceId, settings),
    enabled: Boolean(organisationId),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

export function useMeasurements(indicatorId: string, organisationId: string | null, serviceId: string | null) {
  return useQuery({
    ...measurementsQuery(indicatorId, organisationId ?? '', serviceId),
    enabled: Boolean(organisationId),
  });
}

/**
 * Read indicators again when the stream says new values arrived: every indicator, or
 * one indicator's queries when only that unit's organisation (or all) changed.
 */
export function useLiveIndicators(scope?: { indicatorId: string; organisationId: string | null }) {
  const queryClient = useQueryClient();
  useStreamEvents((event) => {
    if (event.event === 'reconnected') {
      void queryClient.invalidateQueries({ queryKey: scope ? indicatorKeys.detail(scope.indicatorId) : indicatorKeys.all });
    } else if (isIndicatorsEvent(event)) {
      if (!scope) void queryClient.invalidateQueries({ queryKey: indicatorKeys.all });
      else if (!event.data.organisation_id || event.data.organisation_id === scope.organisationId) {
        void queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(scope.indicatorId) });
      }
    }
  });
}

export type AnnotationCreate = components['schemas']['AnnotationCreate'];

/** Add a note to a chart; the indicator's charts are read again. */
export function useAnnotateMutation(indicatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnnotationCreate) =>
      unwrap(
        api.POST('/api/v1/indicators/{indicator_id}/annotations', { params: { path: { indicator_id: indicatorId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(indicatorId) }),
  });
}
