// Small, tested geometry for the app's SVG charts: linear scales, "nice" axis ticks and
// number formatting in the reader's language. No charting library: the charts are
// simple, and drawing them ourselves keeps them readable in black and white and
// accessible (every chart also has a table).
import { intlLocale } from '../../i18n/locale';
import { unitIn } from '../../i18n/localized';

/** A linear map from a domain [d0, d1] onto a range [r0, r1]. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0 || !Number.isFinite(span)) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The step between ticks: 1, 2, 2.5 or 5 times a power of ten, about `span / count`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round numbers for an axis from at most `min` to at least `max`, about `count` of them.
 * The first tick is at or below min and the last at or above max.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  const step = niceStep(high - low, count);
  const start = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let value = start; value <= high + step * 1e-9 || ticks.length < 2; value += step) {
    // Strip floating-point dust (0.30000000000000004 → 0.3).
    ticks.push(Number.parseFloat(value.toPrecision(12)));
    if (ticks.length > 100) break;
  }
  const last = ticks[ticks.length - 1] ?? start;
  if (last < high) ticks.push(Number.parseFloat((last + step).toPrecision(12)));
  return ticks;
}

/** The domain of an axis that must show every value given (nulls ignored), with round ends. */
export function paddedDomain(values: (number | null | undefined)[], count = 5): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  const ticks = niceTicks(Math.min(...finite), Math.max(...finite), count);
  return [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1];
}

/** A number for people: at most `digits` decimals, grouped by the reader's language. */
export function formatNumber(value: number | null | undefined, language: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: digits }).format(value);
}

/** A percentage given as 0–100: "42.9%". */
export function formatPercent(value: number | null | undefined, language: string, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return `${formatNumber(value, language, digits)}%`;
}

/** A value with its indicator's unit: "42.9%", "28 days". */
export function formatWithUnit(value: number | null | undefined, unit: string, language: string, digits = 1): string {
  const number = formatNumber(value, language, digits);
  if (!number) return '';
  if (unit === '%') return `${number}%`;
  return unit ? `${number} ${unitIn(unit, language)}` : number;
}

/** Points of an SVG polyline, rounded to 0.1 px. */
export function polylinePoints(points: { x: number; y: number }[]): string {
  return points.map((p) => `${round1(p.x)},${round1(p.y)}`).join(' ');
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The size of every word and number drawn in a chart: the body size on a phone (NHS: 16 px). */
export const CHART_FONT = 16;

/** Space kept between two labels on an axis. */
export const LABEL_GAP = 12;

/** How wide a text is drawn at CHART_FONT, in CSS pixels (bold: the weight of answer labels). */
export type Measure = (text: string, bold?: boolean) => number;

/**
 * A generous guess at a text's width, for when nothing can measure it (tests, no canvas):
 * wider than Arial and DejaVu Sans average, so labels spaced by it do not touch.
 */
export const estimateWidth: Measure = (text, bold = false) => text.length * CHART_FONT * (bold ? 0.7 : 0.64);

/**
 * A text cut into lines no wider than maxWidth, at spaces; a word wider than the line
 * is cut between letters rather than run out of the chart.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure = estimateWidth, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line, bold) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), bold) > maxWidth) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Where to write a label centred on x so that it stays inside [0, width]. */
export function clampCentre(x: number, labelWidth: number, width: number): number {
  const half = labelWidth / 2;
  if (labelWidth >= width) return width / 2;
  return Math.min(width - half, Math.max(half, x));
}
