import { i18n } from '../i18n';
import { intlLocale } from '../i18n/locale';

function locale(): string {
  return intlLocale(i18n.language);
}

const WELSH_MONTHS = [
  'Ionawr',
  'Chwefror',
  'Mawrth',
  'Ebrill',
  'Mai',
  'Mehefin',
  'Gorffennaf',
  'Awst',
  'Medi',
  'Hydref',
  'Tachwedd',
  'Rhagfyr',
];

let intlWelsh: boolean | null = null;

/**
 * Whether this browser's Intl knows Welsh. Some builds (Debian's Chromium among them) ship
 * without Welsh locale data and would silently fall back to English month names.
 */
function intlKnowsWelsh(): boolean {
  if (intlWelsh === null) intlWelsh = Intl.DateTimeFormat.supportedLocalesOf(['cy']).length > 0;
  return intlWelsh;
}

/** A date without a time (YYYY-MM-DD) is a calendar day: the same day wherever the reader is. */
function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The numbers of a moment, in the reader's time zone (or UTC for a calendar day). */
function numbers(date: Date, timeZone: string | undefined): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  // Only the digits are read here, so the locale is fixed (not the reader's language).
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year'), hour: part('hour'), minute: part('minute') };
}

/** "3 Mawrth 2025", by hand, where Intl has no Welsh. */
function welshDay(date: Date, timeZone: string | undefined): string {
  const n = numbers(date, timeZone);
  return `${Number(n.day)} ${WELSH_MONTHS[Number(n.month) - 1] ?? n.month} ${n.year}`;
}

/** A date and time for people: "3 March 2025, 14:05" (Welsh: "3 Mawrth 2025, 14:05"). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (i18n.language === 'cy' && !intlKnowsWelsh()) {
    const n = numbers(date, undefined);
    return `${welshDay(date, undefined)}, ${n.hour}:${n.minute}`;
  }
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = isDay(value) ? 'UTC' : undefined;
  if (i18n.language === 'cy' && !intlKnowsWelsh()) return welshDay(date, timeZone);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}
