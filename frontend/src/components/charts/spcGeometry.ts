// Geometry of an XmR (SPC) chart: where each point, limit, band, target and annotation
// goes. The API computes every statistic (ChartRead); this only lays them out.
import type { components } from '../../api/schema';
import { CHART_FONT, LABEL_GAP, clampCentre, estimateWidth, linearScale, niceTicks, type Measure } from './scale';

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

/** A label on an axis: where it is written (kept inside the chart) and what it says. */
export interface TickLabel {
  x: number;
  y: number;
  text: string;
  width: number;
}

export interface Layout {
  frame: Frame;
  x: (index: number) => number;
  y: (value: number) => number;
  yTicks: number[];
  /** The y ticks' labels, right-aligned at x. */
  yLabels: TickLabel[];
  /** Indexes of the points whose date is written on the x axis: as many as fit without touching. */
  xLabels: number[];
  /** Those dates, centred at x. */
  xTicks: (TickLabel & { index: number })[];
  phases: Phase[];
  markers: { index: number; x: number; y: number; marker: Marker }[];
  targetY: number | null;
  annotations: { number: number; x: number; annotation: Annotation }[];
  /** Where the annotation numbers' circles are centred, under the dates. */
  annotationY: number;
}

export interface SpcOptions {
  /** The width the chart has, in CSS pixels: it is drawn at that width. */
  width?: number;
  measure?: Measure;
  /** The text of a point's date on the x axis. */
  xLabel?: (index: number) => string;
  /** The text of a value on the y axis. */
  yLabel?: (value: number) => string;
}

/** Below this width the chart is drawn for a phone: shorter, fewer ticks. */
export const NARROW_CHART = 480;

function ticksFor(min: number, max: number, plotHeight: number): number[] {
  // About one tick per three lines of text, and never two labels closer than 1.6 lines.
  let count = Math.max(2, Math.min(6, Math.floor(plotHeight / (CHART_FONT * 3))));
  let ticks = niceTicks(min, max, count);
  while (count > 2 && ticks.length > 2 && plotHeight / (ticks.length - 1) < CHART_FONT * 1.6) {
    count -= 1;
    ticks = niceTicks(min, max, count);
  }
  return ticks;
}

export function layoutChart(chart: Pick<ChartRead, 'points' | 'target' | 'annotations'>, options: SpcOptions = {}): Layout {
  const width = Math.max(200, options.width ?? DEFAULT_FRAME.width);
  const measure = options.measure ?? estimateWidth;
  const xLabel = options.xLabel ?? ((index: number) => String(index + 1));
  const yLabel = options.yLabel ?? ((value: number) => String(value));
  const points = chart.points;
  const narrow = width < NARROW_CHART;
  const placed = [...(chart.annotations ?? [])]
    .sort((a, b) => a.on_date.localeCompare(b.on_date))
    .map((annotation) => ({ annotation, at: dateIndex(points, annotation.on_date) }));
  const anyAnnotation = placed.some((p) => p.at !== null);
  const height = narrow ? 300 : DEFAULT_FRAME.height;
  const top = Math.ceil(CHART_FONT * 0.75);
  // The dates under the axis (a line of text), then the annotation numbers' circles.
  const bottom = CHART_FONT + 20 + (anyAnnotation ? 32 : 0);
  const plotTop = top;
  const plotBottom = height - bottom;

  const values: number[] = [];
  for (const p of points) values.push(p.value, p.upper_limit, p.lower_limit);
  if (chart.target !== null && chart.target !== undefined) values.push(chart.target);
  const finite = values.filter((v) => Number.isFinite(v));
  const yTicks = finite.length > 0 ? ticksFor(Math.min(...finite), Math.max(...finite), plotBottom - plotTop) : [0, 1];
  const y = linearScale([yTicks[0] ?? 0, yTicks[yTicks.length - 1] ?? 1], [plotBottom, plotTop]);
  const yTexts = yTicks.map((tick) => ({ tick, text: yLabel(tick), width: measure(yLabel(tick)) }));
  const left = Math.ceil(Math.max(...yTexts.map((t) => t.width), 0) + 10);
  const right = narrow ? 12 : DEFAULT_FRAME.right;
  const frame: Frame = { width, height, top, right, bottom, left };
  const plotLeft = left;
  const plotRight = width - right;
  const yLabels = yTexts.map((t) => ({ x: left - 6, y: y(t.tick) + CHART_FONT * 0.35, text: t.text, width: t.width }));

  const n = points.length;
  const step = n > 1 ? (plotRight - plotLeft) / (n - 1) : 0;
  const x = (index: number) => (n > 1 ? plotLeft + index * step : (plotLeft + plotRight) / 2);

  // Dates: every k-th point, k the smallest that leaves a gap between the widest two.
  const texts = points.map((_, index) => xLabel(index));
  const widths = texts.map((text) => measure(text));
  const widest = Math.max(0, ...widths);
  let every = 1;
  if (step > 0) every = Math.max(1, Math.ceil((widest + LABEL_GAP) / step));
  // Low enough that a date never touches the lowest value on the y axis beside it.
  const labelY = plotBottom + CHART_FONT + 12;
  const tick = (index: number) => {
    const w = widths[index] ?? 0;
    return { index, x: clampCentre(x(index), w, width), y: labelY, text: texts[index] ?? '', width: w };
  };
  const xTicks: Layout['xTicks'] = [];
  const fits = (a: TickLabel, b: TickLabel) => b.x - b.width / 2 >= a.x + a.width / 2 + LABEL_GAP;
  for (let i = 0; i < n; i += every) {
    const next = tick(i);
    const last = xTicks[xTicks.length - 1];
    if (!last || fits(last, next)) xTicks.push(next);
  }
  const lastShown = xTicks[xTicks.length - 1];
  if (n > 1 && lastShown && lastShown.index !== n - 1) {
    // The latest date is the one most wanted: write it, in place of the one before if need be.
    const latest = tick(n - 1);
    if (fits(lastShown, latest)) xTicks.push(latest);
    else if (xTicks.length > 1) {
      const before = xTicks[xTicks.length - 2];
      if (before && fits(before, latest)) xTicks.splice(xTicks.length - 1, 1, latest);
    }
  }

  const annotations: Layout['annotations'] = [];
  for (const { annotation, at } of placed) {
    if (at === null) continue;
    annotations.push({ number: annotations.length + 1, x: x(at), annotation });
  }
  return {
    frame,
    x,
    y,
    yTicks,
    yLabels,
    xLabels: xTicks.map((t) => t.index),
    xTicks,
    phases: phasesOf(points),
    markers: points.map((p, index) => ({ index, x: x(index), y: y(p.value), marker: markerOf(p) })),
    targetY: chart.target === null || chart.target === undefined ? null : y(chart.target),
    annotations,
    annotationY: labelY + 10 + 12,
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
