// Queries of the indicator screens, and what they show worked out from the answers.
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type IndicatorRead = components['schemas']['IndicatorRead'];
export type PartnershipIndicators = components['schemas']['PartnershipIndicatorsRead'];
export type UnitLatest = components['schemas']['IndicatorUnitLatest'];
export type ChartRead = components['schemas']['ChartRead'];

export const INDICATORS_KEY = ['indicators'] as const;

export function partnershipIndicatorsQuery(partnershipId: string) {
  return {
    queryKey: [...INDICATORS_KEY, 'partnership', partnershipId] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/partnerships/{partnership_id}/indicators', {
          params: { path: { partnership_id: partnershipId } },
        }),
      ),
  };
}

export function usePartnerships() {
  return useQuery({
    queryKey: ['partnerships', 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query: { limit: 100 } } })),
  });
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

/** The units measured for one indicator, from every partnership's overview, without repeats. */
export function unitsOf(overviews: (PartnershipIndicators | undefined)[], indicatorId: string): UnitChoice[] {
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
              label: unit.service_name ? `${unit.organisation_name}: ${unit.service_name}` : unit.organisation_name,
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
