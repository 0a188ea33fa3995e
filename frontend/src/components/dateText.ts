// The text of a date typed in the NHS date-input pattern (day, month, year in three
// fields). A form keeps one string per date: "YYYY-MM-DD" once the three fields make a real
// date (what the API takes), "" while all three are empty, and otherwise what was typed,
// as "year-month-day", so the form can say what is wrong without losing it.
import type { TFunction } from 'i18next';
import { i18n } from '../i18n';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DateProblem =
  | 'includeDay'
  | 'includeMonth'
  | 'includeYear'
  | 'includeDayMonth'
  | 'includeDayYear'
  | 'includeMonthYear'
  | 'yearDigits'
  | 'real';

export type DateCheck = { ok: true; value: string | null } | { ok: false; problem: DateProblem };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The three fields of a date text (an API date shows as its numbers: "2027-02-08" is 8, 2, 2027). */
export function partsOf(text: string | null | undefined): DateParts {
  if (!text) return { day: '', month: '', year: '' };
  const iso = ISO.exec(text);
  if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] ?? '' };
  const [year = '', month = '', day = ''] = text.split('-');
  return { day, month, year };
}

/** A month typed as a number (2, 02) or a name in English or Welsh (Feb, February, Chwef, Chwefror). */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const wanted = text.toLowerCase().replace(/\.$/, '');
  for (const lng of ['en', 'cy']) {
    const dates = (i18n.getResourceBundle(lng, 'translation') as { dates?: Record<string, Record<string, string>> } | undefined)?.dates;
    for (const style of ['months', 'monthsShort']) {
      for (const [number, name] of Object.entries(dates?.[style] ?? {})) {
        if (name.toLowerCase() === wanted) return Number(number);
      }
    }
  }
  return null;
}

/** Whether the three fields make a real date, and which. */
export function checkParts(parts: DateParts): DateCheck {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { ok: true, value: null };
  const missing = `${day ? '' : 'Day'}${month ? '' : 'Month'}${year ? '' : 'Year'}`;
  if (missing) return { ok: false, problem: `include${missing}` as DateProblem };
  if (!/^\d+$/.test(year)) return { ok: false, problem: 'real' };
  if (year.length !== 4) return { ok: false, problem: 'yearDigits' };
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(day) || m === null) return { ok: false, problem: 'real' };
  const d = Number(day);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, problem: 'real' };
  }
  return { ok: true, value: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** The date text of three fields: "YYYY-MM-DD" when they make a real date. */
export function textOf(parts: DateParts): string {
  const check = checkParts(parts);
  if (check.ok) return check.value ?? '';
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Whether a date text is a real date (or empty). */
export function checkDate(text: string | null | undefined): DateCheck {
  if (!text) return { ok: true, value: null };
  return checkParts(partsOf(text));
}

/**
 * What is wrong with a date text, as a sentence naming the field ("Due date must include a
 * month"), or undefined when it is a real date or empty.
 */
export function dateError(t: TFunction, text: string | null | undefined, label: string): string | undefined {
  const check = checkDate(text);
  return check.ok ? undefined : t(`dateInput.${check.problem}`, { label });
}
