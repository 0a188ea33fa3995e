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
