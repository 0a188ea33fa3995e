import { describe, expect, it } from 'vitest';
import { chartLink, derivedFromSurveys, settingsFromSearch, unitsOf, type MeasurementRead, type PartnershipIndicators } from './api';

describe('indicator screens', () => {
  it('reads only valid chart settings from the address', () => {
    const search = new URLSearchParams(
      'organisation_id=o&baseline_points=12&recalculate_at=2025-04-01&recalculate_at=nope&run_length=8&screen_moving_ranges=true&two_of_three=within_limits',
    );
    expect(settingsFromSearch(search)).toEqual({
      baseline_points: 12,
      recalculate_at: ['2025-04-01'],
      run_length: 8,
      screen_moving_ranges: true,
      two_of_three: 'within_limits',
    });
    expect(settingsFromSearch(new URLSearchParams('baseline_points=x&two_of_three=other'))).toEqual({});
  });

  it('collects the measured units of one indicator across partnerships, once each', () => {
    const unit = (organisation_id: string, service_id: string | null) => ({
      organisation_id,
      organisation_name: `Org ${organisation_id}`,
      organisation_name_cy: null,
      service_id,
      service_name: service_id ? `Service ${service_id}` : null,
      service_name_cy: null,
      latest_period_start: '2025-01-01',
      latest_period_end: '2025-01-31',
      latest_value: 1,
      points: 12,
      variation: 'common_cause',
      assurance: null,
    });
    const indicator = (id: string) => ({ id }) as PartnershipIndicators['standards'][number]['indicators'][number]['indicator'];
    const overview = (units: ReturnType<typeof unit>[]): PartnershipIndicators => ({
      partnership_id: 'p',
      standards: [{ standard: null, indicators: [{ indicator: indicator('i1'), units }, { indicator: indicator('i2'), units: [unit('x', null)] }] }],
    });
    const found = unitsOf([overview([unit('a', null), unit('a', 's')]), overview([unit('a', null), unit('b', null)]), undefined], 'i1');
    expect(found.map((u) => u.label)).toEqual(['Org a', 'Org a: Service s', 'Org b']);
    expect(chartLink('i1', 'a', 's')).toBe('/indicators/i1?organisation_id=a&service_id=s');
    expect(chartLink('i1', 'a', null)).toBe('/indicators/i1?organisation_id=a');
  });

  it('tells when a unit’s measurements come from survey answers', () => {
    const m = (organisation_id: string, service_id: string | null, source: MeasurementRead['source']): MeasurementRead => ({
      id: `${organisation_id}-${service_id}-${source}`,
      indicator_id: 'i',
      organisation_id,
      service_id,
      period_start: '2025-01-01',
      period_end: '2025-01-31',
      value: 60,
      numerator: null,
      denominator: null,
      source,
      created_at: '',
      updated_at: '',
    });
    const list = [m('o', 's1', 'derived'), m('o', null, 'push')];
    expect(derivedFromSurveys(list, 'o', 's1')).toBe(true);
    expect(derivedFromSurveys(list, 'o', null)).toBe(false);
    expect(derivedFromSurveys(list, 'o', 's2')).toBe(false);
  });
});
