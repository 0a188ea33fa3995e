import { describe, expect, it } from 'vitest';
import { layoutBars, NARROW_BARS, type BarCategory } from './barGeometry';
import {
  CHART_FONT,
  estimateWidth,
  formatNumber,
  formatPercent,
  formatWithUnit,
  linearScale,
  niceStep,
  niceTicks,
  paddedDomain,
  wrapText,
} from './scale';
import { dateIndex, layoutChart, markerOf, markerPath, phasesOf, type ChartPoint } from './spcGeometry';

const MONTHS = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];

/** Two labels centred at x, of these widths, leave a gap between them. */
function apart(a: { x: number; width: number }, b: { x: number; width: number }, gap = 0): boolean {
  return a.x + a.width / 2 + gap <= b.x - b.width / 2 || b.x + b.width / 2 + gap <= a.x - a.width / 2;
}

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
    const xLabel = (i: number) => `${MONTHS[i % 12]} ${25 + Math.floor(i / 12)}`;
    const layout = layoutChart({ points, target: null, annotations: [] }, { xLabel });
    expect(layout.xLabels.length).toBeLessThanOrEqual(10);
    expect(layout.targetY).toBeNull();
  });

  const long = Array.from({ length: 24 }, (_, i) => point(25 + (i % 7) * 3, (i % 12) + 1));
  const monthLabel = (i: number) => `${MONTHS[i % 12]} ${24 + Math.floor(i / 12)}`;
  const at = (width: number) =>
    layoutChart({ points: long, target: 30, annotations: [] }, { width, xLabel: monthLabel, yLabel: (v) => formatNumber(v, 'cy', 2) });

  it('is drawn at the width it has, and writes fewer dates and values on a phone than on a desktop', () => {
    const phone = at(328);
    const desktop = at(720);
    expect(phone.frame.width).toBe(328);
    expect(desktop.frame.width).toBe(720);
    expect(phone.xTicks.length).toBeLessThan(desktop.xTicks.length);
    expect(phone.xTicks.length).toBeLessThanOrEqual(5);
    expect(phone.xTicks.length).toBeGreaterThanOrEqual(2);
    expect(phone.yTicks.length).toBeLessThanOrEqual(desktop.yTicks.length);
    expect(phone.frame.height).toBeLessThan(desktop.frame.height);
    // The latest date is always written.
    expect(phone.xLabels[phone.xLabels.length - 1]).toBe(long.length - 1);
  });

  it('never lets two date labels touch, nor a label leave the chart, at any width', () => {
    for (const width of [240, 300, 328, 360, 414, 480, 600, 720, 960]) {
      const layout = at(width);
      const ticks = layout.xTicks;
      for (let i = 1; i < ticks.length; i += 1) {
        const a = ticks[i - 1];
        const b = ticks[i];
        expect(a && b && apart(a, b, 8), `${width}px: ${a?.text} / ${b?.text}`).toBe(true);
      }
      for (const t of ticks) {
        expect(t.x - t.width / 2).toBeGreaterThanOrEqual(0);
        expect(t.x + t.width / 2).toBeLessThanOrEqual(width);
      }
      // Values on the y axis are at least a line and a half apart, and fit left of the axis.
      const ys = layout.yLabels.map((l) => l.y).sort((p, q) => p - q);
      for (let i = 1; i < ys.length; i += 1) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(CHART_FONT * 1.5);
      for (const l of layout.yLabels) expect(l.x - l.width).toBeGreaterThanOrEqual(0);
      // A text's box runs from about 0.8 of its size above the baseline to 0.25 below:
      // the dates are below the lowest value's box.
      const lowest = Math.max(...layout.yLabels.map((l) => l.y));
      for (const t of ticks) expect(t.y - CHART_FONT * 0.8).toBeGreaterThan(lowest + CHART_FONT * 0.25);
      expect((ticks[0]?.y ?? 0) + CHART_FONT * 0.25).toBeLessThanOrEqual(layout.frame.height);
    }
  });

  it('keeps the annotation numbers under the dates, inside the chart', () => {
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
    const layout = layoutChart({ points: long, target: null, annotations: [annotation] }, { width: 328, xLabel: monthLabel });
    const dateBaseline = layout.xTicks[0]?.y ?? 0;
    expect(layout.annotationY - 12).toBeGreaterThan(dateBaseline + 2);
    expect(layout.annotationY + 12).toBeLessThanOrEqual(layout.frame.height);
  });
});

describe('chart text', () => {
  it('is at least the body size of a phone (16px)', () => {
    // Every chart's SVG is set in CHART_FONT and its geometry measures text at it; the
    // browser journey (e2e/charts_phone.test.mjs) checks the size as rendered.
    expect(CHART_FONT).toBeGreaterThanOrEqual(16);
  });

  it('wraps a long answer into lines that fit, losing no word', () => {
    const text = 'Ddim yn cytuno nac yn anghytuno, Abermor North Community Mental Health Team';
    const lines = wrapText(text, 200);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateWidth(line)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe(text);
    // A word wider than the line is cut between letters rather than run out.
    const cut = wrapText('Gwasanaethiechydmeddwlcymunedol', 100);
    expect(cut.join('')).toBe('Gwasanaethiechydmeddwlcymunedol');
    for (const line of cut) expect(estimateWidth(line)).toBeLessThanOrEqual(100);
  });
});

describe('bar charts for the width', () => {
  const value = (series: string, percent: number | null, suppressed = false) => ({
    series,
    percent,
    low: percent === null ? null : Math.max(0, percent - 10),
    high: percent === null ? null : Math.min(100, percent + 10),
    count: percent === null ? null : Math.round(percent / 5),
    suppressed,
  });
  const categories: BarCategory[] = [
    { key: '1', label: 'Neither agree nor disagree, Abermor North Community Mental Health Team', values: [value('a', 40), value('b', 100)] },
    { key: '2', label: 'Strongly agree', values: [value('a', 10), value('b', null, true)] },
  ];
  const valueText = (bar: { percent: number | null; count: number | null }) => `${bar.percent}% (${bar.count})`;
  const lay = (width: number) => layoutBars(categories, ['a', 'b'], { width, valueText });

  it('writes each answer above its bars on a phone and beside them on a wide screen', () => {
    expect(lay(NARROW_BARS - 1).labels).toBe('above');
    expect(lay(328).labels).toBe('above');
    expect(lay(NARROW_BARS).labels).toBe('beside');
    expect(lay(720).labels).toBe('beside');
    const phone = lay(328);
    for (const group of phone.groups) {
      // Above: the last line of the answer is over the first bar.
      const lastBaseline = group.labelY + (group.lines.length - 1) * phone.frame.lineHeight;
      expect(lastBaseline).toBeLessThan(group.bars[0]?.y ?? 0);
    }
  });

  it('draws horizontal bars at any width: one starting edge, one height, length by the percentage', () => {
    for (const width of [300, 328, 414, 560, 720, 960]) {
      const layout = lay(width);
      const bars = layout.groups.flatMap((g) => g.bars).filter((b) => !b.suppressed && b.percent !== null);
      const x0 = bars[0]?.x0 ?? 0;
      const full = layout.x(100) - layout.x(0);
      expect(full).toBeGreaterThan(width * 0.35);
      for (const bar of bars) {
        expect(bar.x0).toBe(x0);
        expect(bar.width).toBeCloseTo(((bar.percent ?? 0) / 100) * full);
        // The figure after the bar fits in the chart.
        expect(bar.labelX + estimateWidth(valueText(bar))).toBeLessThanOrEqual(width);
      }
    }
  });

  it('writes every answer in full, in lines that fit the chart', () => {
    for (const width of [300, 328, 720]) {
      const layout = lay(width);
      for (const [i, group] of layout.groups.entries()) {
        expect(group.lines.join(' ')).toBe(categories[i]?.label);
        const room = layout.labels === 'above' ? width - group.labelX : (layout.groups[0]?.bars[0]?.x0 ?? 0) - group.labelX;
        for (const line of group.lines) expect(estimateWidth(line, true)).toBeLessThanOrEqual(room);
      }
    }
  });

  it('writes fewer percentage ticks on a narrow chart, never touching, never off the chart', () => {
    const narrow = lay(240);
    const wide = lay(720);
    expect(narrow.ticks.length).toBeLessThan(wide.ticks.length);
    for (const layout of [narrow, lay(328), wide]) {
      const labels = layout.tickLabels;
      for (let i = 1; i < labels.length; i += 1) {
        const a = labels[i - 1];
        const b = labels[i];
        expect(a && b && apart(a, b, 8)).toBe(true);
      }
      for (const t of labels) {
        expect(t.x - t.width / 2).toBeGreaterThanOrEqual(0);
        expect(t.x + t.width / 2).toBeLessThanOrEqual(layout.frame.width);
      }
    }
  });
});
