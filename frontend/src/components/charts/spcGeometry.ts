// Geometry of an XmR (SPC) chart: where each point, limit, band, target and annotation
// goes. The API computes every statistic (ChartRead); this only lays them out.
import type { components } from '../../api/schema';
import { linearScale, niceTicks } from './scale';

export type ChartRead = components['schemas']['ChartRead'];
export type ChartPoint = components['schemas']['ChartPoint'];
export type Annotation = components['schemas']['AnnotationRead'];

export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_FRAME: Frame = { width: 720, height: 340, top: 16, right: 24, bottom: 64, left: 56 };

/** How a point is drawn. Shapes differ so the chart reads in black and white. */
export type Marker = 'common' | 'improvement' | 'concern' | 'neutral';

export function markerOf(point: Pick<ChartPoint, 'special_cause' | 'nature'>): Marker {
  if (!point.special_cause) return 'common';
  if (point.nature === 'improvement') return 'improvement';
  if (point.nature === 'concern') return 'concern';
  return 'neutral';
}

/** A run of points sharing one set of limits (limits change at a recalculation). */
export interface Phase {
  from: number;
  to: number;
  mean: number;
  upper: number;
  lower: number;
  upperBand: number;
  lowerBand: number;
}

export function phasesOf(points: ChartPoint[]): Phase[] {
  const phases: Phase[] = [];
  points.forEach((p, i) => {
    const last = phases[phases.length - 1];
    if (last && last.mean === p.mean && last.upper === p.upper_limit && last.lower === p.lower_limit) {
      last.to = i;
    } else {
      phases.push({
        from: i,
        to: i,
        mean: p.mean,
        upper: p.upper_limit,
        lower: p.lower_limit,
        upperBand: p.upper_band,
        lowerBand: p.lower_band,
      });
    }
  });
  return phases;
}

/**
 * Where a date falls on the chart's point axis, as a fractional index: inside a point's
 * period it is that point; between periods it is interpolated; outside the chart, null.
 */
export function dateIndex(points: Pick<ChartPoint, 'period_start' | 'period_end'>[], date: string): number | null {
  if (points.length === 0) return null;
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i];
    if (!p) continue;
    if (date >= p.period_start && date <= p.period_end) return i;
    const next = points[i + 1];
    if (next && date > p.period_end && date < next.period_start) return i + 0.5;
  }
  return null;
}

export interface Layout {
  frame: Frame;
  x: (index: number) => number;
  y: (value: number) => number;
  yTicks: number[];
  /** Indexes of the points whose date is written on the x axis (not too crowded). */
  xLabels: number[];
  phases: Phase[];
  markers: { index: number; x: number; y: number; marker: Marker }[];
  targetY: number | null;
  annotations: { number: number; x: number; annotation: Annotation }[];
}

export function layoutChart(chart: Pick<ChartRead, 'points' | 'target' | 'annotations'>, frame: Frame = DEFAULT_FRAME): Layout {
  const points = chart.points;
  const plotLeft = frame.left;
  const plotRight = frame.width - frame.right;
  const plotTop = frame.top;
  const plotBottom = frame.height - frame.bottom;
  const values: number[] = [];
  for (const p of points) values.push(p.value, p.upper_limit, p.lower_limit);
  if (chart.target !== null && chart.target !== undefined) values.push(chart.target);
  const finite = values.filter((v) => Number.isFinite(v));
  const yTicks = finite.length > 0 ? niceTicks(Math.min(...finite), Math.max(...finite), 6) : [0, 1];
  const y = linearScale([yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1], [plotBottom, plotTop]);
  const n = points.length;
  const step = n > 1 ? (plotRight - plotLeft) / (n - 1) : 0;
  const x = (index: number) => (n > 1 ? plotLeft + index * step : (plotLeft + plotRight) / 2);
  const every = Math.max(1, Math.ceil(n / 8));
  const xLabels: number[] = [];
  for (let i = 0; i < n; i += every) xLabels.push(i);
  const lastLabel = xLabels[xLabels.length - 1] ?? 0;
  if (n > 0 && lastLabel !== n - 1 && n - 1 - lastLabel >= every / 2) xLabels.push(n - 1);
  const annotations: Layout['annotations'] = [];
  for (const annotation of [...(chart.annotations ?? [])].sort((a, b) => a.on_date.localeCompare(b.on_date))) {
    const at = dateIndex(points, annotation.on_date);
    if (at === null) continue;
    annotations.push({ number: annotations.length + 1, x: x(at), annotation });
  }
  return {
    frame,
    x,
    y,
    yTicks,
    xLabels,
    phases: phasesOf(points),
    markers: points.map((p, index) => ({ index, x: x(index), y: y(p.value), marker: markerOf(p) })),
    targetY: chart.target === null || chart.target === undefined ? null : y(chart.target),
    annotations,
  };
}

/** The SVG path of a marker centred on (x, y): circle, diamond, square or triangle. */
export function markerPath(marker: Marker, x: number, y: number, size = 5): string {
  const s = size;
  const r = (v: number) => Math.round(v * 10) / 10;
  switch (marker) {
    case 'improvement': // diamond
      return `M${r(x)},${r(y - s - 1)} L${r(x + s + 1)},${r(y)} L${r(x)},${r(y + s + 1)} L${r(x - s - 1)},${r(y)} Z`;
    case 'concern': // square
      return `M${r(x - s)},${r(y - s)} H${r(x + s)} V${r(y + s)} H${r(x - s)} Z`;
    case 'neutral': // triangle
      return `M${r(x)},${r(y - s - 1)} L${r(x + s + 1)},${r(y + s)} L${r(x - s - 1)},${r(y + s)} Z`;
    case 'common': // circle drawn as a path
      return `M${r(x - s + 1)},${r(y)} a${s - 1},${s - 1} 0 1,0 ${2 * (s - 1)},0 a${s - 1},${s - 1} 0 1,0 ${-2 * (s - 1)},0`;
  }
}
