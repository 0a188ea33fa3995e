// Geometry of the results bar charts: one group of horizontal bars per answer option,
// one bar per service compared, drawn for the width the chart has, percentages on a 0–100 axis with 95% intervals as whiskers.
import { CHART_FONT, LABEL_GAP, clampCentre, estimateWidth, linearScale, wrapText, type Measure } from './scale';

export interface BarValue {
  series: string;
  percent: number | null;
  low: number | null;
  high: number | null;
  count: number | null;
  suppressed: boolean;
}

export interface BarCategory {
  key: string;
  label: string;
  values: BarValue[];
}

export interface BarFrame {
  width: number;
  left: number;
  right: number;
  barHeight: number;
  barGap: number;
  lineHeight: number;
  groupGap: number;
  axisHeight: number;
}

export const DEFAULT_BAR_FRAME: BarFrame = {
  width: 720,
  left: 8,
  right: 8,
  barHeight: 22,
  barGap: 6,
  lineHeight: 20,
  groupGap: 18,
  axisHeight: CHART_FONT + 14,
};

/**
 * Below this width each answer is written above its bars, across the whole width; from it
 * up, in a column beside them. The bars lie along the width either way (horizontal bars),
 * so that a long answer is written in full and never cut.
 */
export const NARROW_BARS = 560;

export interface PlacedBar extends BarValue {
  seriesIndex: number;
  y: number;
  x0: number;
  width: number;
  whisker: { x1: number; x2: number } | null;
  labelX: number;
}

export interface PlacedGroup {
  key: string;
  label: string;
  /** The answer cut into lines that fit; the first line's baseline is labelY. */
  lines: string[];
  labelX: number;
  labelY: number;
  bars: PlacedBar[];
}

export interface BarLayout {
  frame: BarFrame;
  /** 'above' on a narrow chart (answer over its bars), 'beside' on a wide one. */
  labels: 'above' | 'beside';
  height: number;
  x: (percent: number) => number;
  ticks: number[];
  /** The ticks' labels, centred at x and kept inside the chart. */
  tickLabels: { tick: number; x: number; text: string; width: number }[];
  axisY: number;
  groups: PlacedGroup[];
}

export interface BarOptions {
  /** The width the chart has, in CSS pixels: it is drawn at that width. */
  width?: number;
  measure?: Measure;
  /** The figure written at a bar's end. */
  valueText?: (bar: BarValue) => string;
  /** A tick's label ("50%"). */
  tickText?: (percent: number) => string;
}

function emptyValue(series: string): BarValue {
  return { series, percent: null, low: null, high: null, count: null, suppressed: false };
}

export function layoutBars(categories: BarCategory[], seriesKeys: string[], options: BarOptions = {}): BarLayout {
  const width = Math.max(200, options.width ?? DEFAULT_BAR_FRAME.width);
  const frame: BarFrame = { ...DEFAULT_BAR_FRAME, width };
  const measure = options.measure ?? estimateWidth;
  const valueText = options.valueText ?? ((bar: BarValue) => (bar.percent === null ? '' : `${bar.percent}%`));
  const tickText = options.tickText ?? ((percent: number) => `${percent}%`);
  const labels = width < NARROW_BARS ? 'above' : 'beside';
  const column = labels === 'beside' ? Math.min(260, Math.round(width * 0.3)) : 0;

  // The bars end where the widest figure still fits after them.
  const valueOf = (category: BarCategory, series: string) => category.values.find((v) => v.series === series) ?? emptyValue(series);
  let widestValue = 0;
  for (const category of categories) {
    for (const series of seriesKeys) {
      const value = valueOf(category, series);
      if (!value.suppressed && value.percent !== null) widestValue = Math.max(widestValue, measure(valueText(value)));
    }
  }
  const tickTexts = [0, 25, 50, 75, 100].map((tick) => ({ tick, text: tickText(tick), width: measure(tickText(tick)) }));
  const widestTick = Math.max(...tickTexts.map((t) => t.width));
  const plotLeft = labels === 'beside' ? frame.left + column + 16 : Math.max(frame.left, Math.ceil((tickTexts[0]?.width ?? 0) / 2));
  const plotRight = Math.max(plotLeft + 40, width - frame.right - Math.max(widestValue + 8, widestTick / 2));
  const x = linearScale([0, 100], [plotLeft, plotRight]);
  const quarter = (plotRight - plotLeft) / 4;
  const ticks = quarter >= widestTick + LABEL_GAP ? [0, 25, 50, 75, 100] : quarter * 2 >= widestTick + LABEL_GAP ? [0, 50, 100] : [0, 100];
  const tickLabels = tickTexts
    .filter((t) => ticks.includes(t.tick))
    .map((t) => ({ ...t, x: clampCentre(x(t.tick), t.width, width) }));

  let cursor = 0;
  const groups: PlacedGroup[] = categories.map((category) => {
    const lines = wrapText(category.label, labels === 'above' ? width - frame.left * 2 : column, measure, true);
    const labelY = cursor + CHART_FONT;
    const labelHeight = lines.length * frame.lineHeight;
    let barTop = labels === 'above' ? cursor + labelHeight + 4 : cursor;
    const bars: PlacedBar[] = seriesKeys.map((series, seriesIndex) => {
      const value = valueOf(category, series);
      const y = barTop;
      barTop += frame.barHeight + frame.barGap;
      const shown = !value.suppressed && value.percent !== null;
      const barWidth = shown ? Math.max(0, x(clamp(value.percent ?? 0)) - x(0)) : 0;
      const whisker =
        shown && value.low !== null && value.high !== null ? { x1: x(clamp(value.low)), x2: x(clamp(value.high)) } : null;
      const end = Math.max(x(0) + barWidth, whisker ? whisker.x2 : 0);
      return { ...value, seriesIndex, y, x0: x(0), width: barWidth, whisker, labelX: value.suppressed ? x(0) + 30 : end + 6 };
    });
    const barsBottom = barTop - frame.barGap;
    cursor = Math.max(barsBottom, labels === 'beside' ? cursor + labelHeight : barsBottom) + frame.groupGap;
    return { key: category.key, label: category.label, lines, labelX: frame.left, labelY, bars };
  });
  const axisY = Math.max(0, cursor - frame.groupGap + 6);
  return { frame, labels, height: axisY + frame.axisHeight, x, ticks, tickLabels, axisY, groups };
}

function clamp(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}
