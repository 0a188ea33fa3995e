// Every date the app shows is written here, from Gwella's own month names (the locale
// files), never from Intl's: Chromium ships no Welsh calendar data, so Intl writes
// "2027 M02 28" or English month names on a Welsh page. Intl is used only for the digits
// of a moment in the reader's time zone, with a fixed locale.
import { i18n } from '../i18n';
import type en from '../i18n/locales/en.json';

type MonthKey = keyof typeof en.dates.months;

/** A date without a time (YYYY-MM-DD) is a calendar day: the same day wherever the reader is. */
function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

interface Moment {
  day: number;
  month: number; // 1–12
  year: number;
  hour: string;
  minute: string;
}

/** The numbers of a moment, in the reader's time zone (or UTC for a calendar day). */
function numbers(date: Date, timeZone: string | undefined): Moment {
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
  return {
    day: Number(part('day')),
    month: Number(part('month')),
    year: Number(part('year')),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** A moment from API text, or null when it is not one. */
function parse(value: string): { date: Date; timeZone: string | undefined } | null {
  const date = isDay(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return { date, timeZone: isDay(value) ? 'UTC' : undefined };
}

/** A month's name in the reader's language: monthName(2) is "February" or "Chwefror". */
export function monthName(month: number, style: 'long' | 'short' = 'long'): string {
  const key = String(month) as MonthKey;
  return style === 'long' ? i18n.t(`dates.months.${key}`) : i18n.t(`dates.monthsShort.${key}`);
}

function dayText(n: Moment): string {
  return i18n.t('dates.day', { day: n.day, month: monthName(n.month), year: n.year });
}

/** A date and time for people: "3 March 2025, 14:05" (Welsh: "3 Mawrth 2025, 14:05"). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const moment = parse(value);
  if (!moment) return value;
  const n = numbers(moment.date, moment.timeZone);
  return i18n.t('dates.dateTime', { date: dayText(n), time: `${n.hour}:${n.minute}` });
}

/** A day for people: "28 February 2027" (Welsh: "28 Chwefror 2027"). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const moment = parse(value);
  if (!moment) return value;
  return dayText(numbers(moment.date, moment.timeZone));
}

/** A month on a chart's axis: "Feb 27" (Welsh: "Chwef 27"). */
export function formatMonthShort(value: string | null | undefined): string {
  if (!value) return '';
  const moment = parse(value);
  if (!moment) return value;
  const n = numbers(moment.date, moment.timeZone);
  return i18n.t('dates.monthYearShort', { month: monthName(n.month, 'short'), year: String(n.year % 100).padStart(2, '0') });
}
