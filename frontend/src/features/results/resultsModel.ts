// What the results dashboard shows, worked out from the API's answer: pure functions,
// tested on their own.
import type { components } from '../../api/schema';
import { RESULTS_PERIODS } from '../../api/enums';
import type { ResultsPeriod } from '../../api/types';
import type { BarCategory } from '../../components/charts/barGeometry';
import { formatNumber, formatPercent } from '../../components/charts/scale';

export type CampaignResults = components['schemas']['CampaignResults'];
export type QuestionResult = components['schemas']['QuestionResult'];
export type ResultRow = components['schemas']['ResultRow'];
export type ResultCell = components['schemas']['ResultCellRead'];
export type Disclosure = components['schemas']['Disclosure'];
/** The period results are grouped by, as the spec names it. */
export type Period = ResultsPeriod;

export const PERIODS: readonly Period[] = RESULTS_PERIODS;

/** The scope filter as one value: `all`, `service:<id>`, `organisation:<id>` or `partnership:<id>`. */
export type ScopeQuery = { service_id?: string; organisation_id?: string; partnership_id?: string };

export function scopeQuery(scope: string): ScopeQuery {
  const [kind, id] = scope.split(':', 2);
  if (!id) return {};
  if (kind === 'service') return { service_id: id };
  if (kind === 'organisation') return { organisation_id: id };
  if (kind === 'partnership') return { partnership_id: id };
  return {};
}

export function asPeriod(value: string | null): Period {
  return PERIODS.find((period) => period === value) ?? 'all';
}

/** Rows drawn for a question: each service when several are compared, then the total. */
export function rowsShown(question: QuestionResult): ResultRow[] {
  return question.units.length > 1 ? [...question.units, question.total] : [question.total];
}

export function anySuppressed(results: CampaignResults): boolean {
  return results.periods.some(
    (p) =>
      p.responses.total === null ||
      p.responses.units.some((u) => u.n === null) ||
      p.questions.some((q) => [...q.units, q.total].some((r) => r.suppressed || r.n === null)),
  );
}

/** The bars of a question: one category per option, one value per row shown. */
export function toCategories(question: QuestionResult, optionLabel: (value: string) => string): BarCategory[] {
  const rows = rowsShown(question);
  return question.options.map((option) => ({
    key: option,
    label: optionLabel(option),
    values: rows.map((row) => {
      const cell = row.cells.find((c) => c.value === option);
      return {
        series: row.unit,
        percent: cell?.percent ?? null,
        low: cell?.ci_low ?? null,
        high: cell?.ci_high ?? null,
        // A row nobody answered may carry no cells: each of its answers is a plain 0.
        count: cell ? cell.count : row.n === 0 ? 0 : null,
        suppressed: cell ? isHeldBack(cell) : row.n !== 0,
      };
    }),
  }));
}

/** A published count that is held back (null): never to be shown as 0. */
export function isHeldBack(cell: Pick<ResultCell, 'count' | 'suppressed'> | undefined): boolean {
  return !cell || cell.suppressed || cell.count === null;
}

export interface CellWords {
  /** Said for a count that is held back. */
  heldBack: string;
  /** A count with its percentage, e.g. "58.3% (7)": the same in the bars and the table. */
  withPercent: (count: string, percent: string) => string;
}

/**
 * A cell as shown in the table and beside its bar (one wording for both): "Held back" for a
 * count that is held back, the percentage with the count, or the count alone where there is
 * no percentage (a row of 0 people: "0", never "0 ()" nor another word for it).
 */
export function countText(
  cell: Pick<ResultCell, 'count' | 'suppressed' | 'percent'> | undefined,
  words: CellWords,
  language: string,
): string {
  if (!cell || isHeldBack(cell) || cell.count === null) return words.heldBack;
  const count = String(cell.count);
  if (cell.percent === null) return count;
  return words.withPercent(count, formatPercent(cell.percent, language));
}

/** What the disclosure note says about when results move on. */
export type ReleaseState =
  | { kind: 'perResponse'; releasedOn: string | null }
  | { kind: 'batched'; releasedOn: string | null; minCellSize: number };

export function releaseState(disclosure: Disclosure): ReleaseState {
  return disclosure.releases === 'batched'
    ? { kind: 'batched', releasedOn: disclosure.released_on, minCellSize: disclosure.min_cell_size }
    : { kind: 'perResponse', releasedOn: disclosure.released_on };
}

/** Nothing released yet for a campaign whose results move on in groups. */
export function waitingForFirstRelease(results: CampaignResults): boolean {
  return results.disclosure.releases === 'batched' && results.periods.length === 0;
}

export function intervalText(cell: Pick<ResultCell, 'ci_low' | 'ci_high' | 'suppressed'> | undefined, language: string): string {
  if (!cell || cell.suppressed || cell.ci_low === null || cell.ci_high === null) return '';
  return `${formatPercent(cell.ci_low, language)}–${formatPercent(cell.ci_high, language)}`;
}

function csvField(value: string): string {
  // Text that a spreadsheet would run as a formula is prefixed with a quote mark.
  const guarded = /^[=+\-@\t]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * One question's table as CSV, exactly as shown on the page (and as the API's own CSV):
 * held-back counts say "suppressed" (never 0), and statistics the API withholds are left
 * empty.
 */
export function questionCsv(
  question: QuestionResult,
  unitName: (unit: string) => string,
  optionLabel: (value: string) => string,
): string {
  let out = csvLine(['unit', 'n', 'option', 'count', 'percent', 'ci_low', 'ci_high', 'mean', 'median', 'share_positive', 'share_negative']);
  for (const row of rowsShown(question)) {
    const stats = [row.mean, row.median, row.share_positive, row.share_negative].map((v) => (v === null ? '' : String(v)));
    const n = row.n === null ? 'suppressed' : String(row.n);
    if (row.cells.length === 0) {
      out += csvLine([unitName(row.unit), n, '', '', '', '', '', ...stats]);
    }
    for (const cell of row.cells) {
      out += csvLine([
        unitName(row.unit),
        n,
        optionLabel(cell.value),
        isHeldBack(cell) ? 'suppressed' : String(cell.count),
        cell.percent === null ? '' : String(cell.percent),
        cell.ci_low === null ? '' : String(cell.ci_low),
        cell.ci_high === null ? '' : String(cell.ci_high),
        ...stats,
      ]);
    }
  }
  return out;
}

/** The row's summary statistics that the API gave (none for a row with anything held back). */
export function rowStats(row: ResultRow, language: string): { key: 'mean' | 'median' | 'sharePositive' | 'shareNegative'; value: string }[] {
  const out: { key: 'mean' | 'median' | 'sharePositive' | 'shareNegative'; value: string }[] = [];
  if (row.mean !== null) out.push({ key: 'mean', value: formatNumber(row.mean, language, 2) });
  if (row.median !== null) out.push({ key: 'median', value: formatNumber(row.median, language, 2) });
  if (row.share_positive !== null) out.push({ key: 'sharePositive', value: formatPercent(row.share_positive, language) });
  if (row.share_negative !== null) out.push({ key: 'shareNegative', value: formatPercent(row.share_negative, language) });
  return out;
}

/** Save text as a file in the browser. */
export function saveText(text: string, filename: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Names for the rows of a results table: the reader's name for each service, and for
 * services whose names the reader cannot see, "Another service (1)", "(2)"... numbered in
 * the order the results list them, so two rows never share a name.
 */
export function unitNamer(
  units: readonly string[],
  known: ReadonlyMap<string, string>,
  words: { total: string; other: (n: number) => string },
): (unit: string) => string {
  const unknown = [...new Set(units.filter((u) => u !== 'total' && !known.has(u)))];
  return (unit) => {
    if (unit === 'total') return words.total;
    const name = known.get(unit);
    if (name !== undefined) return name;
    const at = unknown.indexOf(unit);
    return words.other(at === -1 ? unknown.length + 1 : at + 1);
  };
}

export type ResultComment = components['schemas']['Comment'];
/** The partnership of a `partnership:<id>` scope, else null. */
export function scopePartnership(scope: string): string | null {
  return scopeQuery(scope).partnership_id ?? null;
}
