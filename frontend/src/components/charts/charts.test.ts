import { describe, expect, it } from 'vitest';
import { layoutBars } from './barGeometry';
import { formatNumber, formatPercent, formatWithUnit, linearScale, niceStep, niceTicks, paddedDomain } from './scale';
import { dateIndex, layoutChart, markerOf, markerPath, phasesOf, type ChartPoint } from './spcGeometry';

function point(value: number, month: number, extra: Partial<ChartPoint> = {}): ChartPoint {
  const mm = String(month).padStart(2, '0');
  return {
    period_start: `2025-${mm}-01`,
    period_end: `2025-${mm}-28`,
    value,
    mean: 10,
    upper_limit: 16,
    lower_limit: 4,
    upper_band: 14,
    lower_band: 6,
    moving_range: null,
    special_cause: null,
    nature: null,
    side: null,
    ...extra,
  };
}

describe('scales and ticks', () => {
  it('maps a domain onto a range, and a flat domain onto the middle', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect(x(0)).toBe(10);
    expect(x(50)).toBe(110);
    expect(x(100)).toBe(210);
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });

  it('chooses round steps', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(0.9, 3)).toBeCloseTo(0.5);
    expect(niceStep(0, 5)).toBe(1);
  });

  it('gives ticks that cover the values, without floating-point dust', () => {
    expect(niceTicks(25.49, 43, 6)).toEqual([25, 30, 35, 40, 45]);
    const small = niceTicks(0.1, 0.7, 6);
    expect(small[0]).toBeLessThanOrEqual(0.1);
    expect(small[small.length - 1]).toBeGreaterThanOrEqual(0.7);
    expect(small.every((t) => String(t).length < 6)).toBe(true);
    expect(niceTicks(5, 5).length).toBeGreaterThanOrEqual(2);
    expect(paddedDomain([null, 3, 97])).toEqual([0, 100]);
    expect(paddedDomain([])).toEqual([0, 1]);
  });

  it('formats numbers in English and Welsh, leaving missing values empty', () => {
    expect(formatNumber(1234.567, 'en')).toBe('1,234.6');
    expect(formatPercent(42.857, 'cy')).toBe('42.9%');
    expect(formatPercent(null, 'en')).toBe('');
    expect(formatWithUnit(28, 'days', 'en')).toBe('28 days');
    expect(formatWithUnit(74, '%', 'en')).toBe('74%');
  });
});

describe('bar chart geometry', () => {
  const categories = [
    {
      key: 'yes',
      label: 'Yes',
      values: [
        { series: 'a', percent: 50, low: 30, high: 70, count: 5, suppressed: false },
        { series: 'total', percent: null, low: null, high: null, count: null, suppressed: true },
      ],
    },
    { key: 'no', label: 'No', values: [{ series: 'a', percent: 100, low: 80, high: 100, count: 5, suppressed: false }] },
  ];

  it('draws one bar per series per option, proportional to the percentage, with whiskers', () => {
    const layout = layoutBars(categories, ['a', 'total']);
    expect(layout.groups).toHaveLength(2);
    const [yesA, yesTotal] = layout.groups[0]?.bars ?? [];
    const full = layout.x(100) - layout.x(0);
    expect(yesA?.width).toBeCloseTo(full / 2);
    expect(yesA?.whisker).toEqual({ x1: layout.x(30), x2: layout.x(70) });
    expect(yesA?.labelX).toBeGreaterThan(layout.x(70));
    // A hidden cell has no bar and no whisker: it must never look like 0.
    expect(yesTotal?.suppressed).toBe(true);
    expect(yesTotal?.width).toBe(0);
    expect(yesTotal?.whisker).toBeNull();
    // A series missing from an option is drawn as no answers, not hidden.
    const noTotal = layout.groups[1]?.bars[1];
    expect(noTotal?.suppressed).toBe(false);
    expect(noTotal?.percent).toBeNull();
    // Bars go down the page and the axis is under the last one.
    const ys = layout.groups.flatMap((g) => g.bars.map((b) => b.y));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(layout.axisY).toBeGreaterThan(Math.max(...ys));
    expect(layout.height).toBeGreaterThan(layout.axisY);
  });
});

describe('SPC chart geometry', () => {
  it('shapes points by what they signal', () => {
    expect(markerOf({ special_cause: null, nature: null })).toBe('common');
    expect(markerOf({ special_cause: 'shift', nature: 'improvement' })).toBe('improvement');
    expect(markerOf({ special_cause: 'outside_limits', nature: 'concern' })).toBe('concern');
    expect(markerOf({ special_cause: 'trend', nature: 'neutral' })).toBe('neutral');
    const shapes = new Set((['common', 'improvement', 'concern', 'neutral'] as const).map((m) => markerPath(m, 10, 10).replace(/[\d.,-]+/g, '#')));
    expect(shapes.size).toBe(4);
  });

  it('splits the limits into phases where they are recalculated', () => {
    const points = [point(9, 1), point(11, 2), point(10, 3, { mean: 20, upper_limit: 26, lower_limit: 14 }), point(21, 4, { mean: 20, upper_limit: 26, lower_limit: 14 })];
    const phases = phasesOf(points);
    expect(phases.map((p) => [p.from, p.to, p.mean])).toEqual([
      [0, 1, 10],
      [2, 3, 20],
    ]);
  });

  it('places dates on the point axis', () => {
    const points = [point(1, 1), point(2, 2), point(3, 3)];
    expect(dateIndex(points, '2025-02-10')).toBe(1);
    expect(dateIndex(points, '2025-01-30')).toBe(0.5);
    expect(dateIndex(points, '2024-12-01')).toBeNull();
    expect(dateIndex([], '2025-01-01')).toBeNull();
  });

  it('lays out points left to right, higher values higher up, with target and numbered annotations', () => {
    const points = [point(5, 1), point(15, 2, { special_cause: 'outside_limits', nature: 'concern' }), point(10, 3)];
    const annotation = {
      id: 'n1',
      indicator_id: 'i',
      organisation_id: 'o',
      service_id: null,
      on_date: '2025-02-03',
      text: { en: 'New clinic' },
      kind: 'note',
      created_by_id: null,
      created_at: '2025-02-03T00:00:00Z',
      version: 1,
    };
    const outside = { ...annotation, id: 'n2', on_date: '2030-01-01' };
    const layout = layoutChart({ points, target: 18, annotations: [outside, annotation] });
    const [a, b, c] = layout.markers;
    expect(a && b && c && a.x < b.x && b.x < c.x).toBe(true);
    expect(b && a && b.y < a.y).toBe(true);
    expect(b?.marker).toBe('concern');
    expect(layout.targetY).not.toBeNull();
    expect(layout.targetY ?? 0).toBeLessThan(b?.y ?? 0); // 18 is above 15
    expect(layout.yTicks[0]).toBeLessThanOrEqual(4);
    expect(layout.yTicks[layout.yTicks.length - 1]).toBeGreaterThanOrEqual(18);
    expect(layout.annotations).toEqual([{ number: 1, x: b?.x, annotation }]);
    expect(layout.xLabels[0]).toBe(0);
  });

  it('thins the date labels of a long series', () => {
    const points = Array.from({ length: 36 }, (_, i) => point(i, (i % 12) + 1));
    const layout = layoutChart({ points, target: null, annotations: [] });
    expect(layout.xLabels.length).toBeLessThanOrEqual(10);
    expect(layout.targetY).toBeNull();
  });
});
