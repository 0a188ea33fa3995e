import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { formatDate, formatDateTime, formatMonthShort, monthName } from './format';

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

const ENGLISH_MONTH = /January|February|March|April|May|June|July|August|September|October|November|December/;

describe('dates for people', () => {
  it('shows a calendar day as that day, in English and Welsh', async () => {
    await i18n.changeLanguage('en');
    expect(formatDate('2026-12-02')).toBe('2 December 2026');
    expect(formatDate('2027-02-28')).toBe('28 February 2027');
    await i18n.changeLanguage('cy');
    expect(formatDate('2026-12-02')).toBe('2 Rhagfyr 2026');
    expect(formatDate('2027-02-28')).toBe('28 Chwefror 2027');
  });

  it('names every month in Welsh from Gwella’s own words, never English or "M02"', async () => {
    await i18n.changeLanguage('cy');
    const welsh = Array.from({ length: 12 }, (_, i) => formatDate(`2027-${String(i + 1).padStart(2, '0')}-15`));
    expect(welsh).toEqual([
      '15 Ionawr 2027',
      '15 Chwefror 2027',
      '15 Mawrth 2027',
      '15 Ebrill 2027',
      '15 Mai 2027',
      '15 Mehefin 2027',
      '15 Gorffennaf 2027',
      '15 Awst 2027',
      '15 Medi 2027',
      '15 Hydref 2027',
      '15 Tachwedd 2027',
      '15 Rhagfyr 2027',
    ]);
    for (const text of welsh) {
      expect(text).not.toMatch(ENGLISH_MONTH);
      expect(text).not.toMatch(/M\d\d/);
    }
  });

  it('does not ask Intl for month names, so a browser without Welsh data (Chromium) shows the same', async () => {
    // Chromium answers Intl in cy-GB with "2027 M02 28": make every Intl formatter do so.
    const real = Intl.DateTimeFormat;
    const asked: string[] = [];
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (locale?: string | string[], options?: Intl.DateTimeFormatOptions) {
      if (options?.month === 'long' || options?.month === 'short') asked.push(String(locale));
      return new real(locale === 'cy' || locale === 'cy-GB' ? 'en-u-ca-gregory' : locale, options);
    } as unknown as typeof Intl.DateTimeFormat);
    await i18n.changeLanguage('cy');
    expect(formatDate('2027-02-28')).toBe('28 Chwefror 2027');
    expect(formatDateTime('2027-07-01T12:00:00Z')).toMatch(/^1 Gorffennaf 2027, \d{2}:\d{2}$/);
    expect(formatMonthShort('2027-02-01')).toBe('Chwef 27');
    expect(asked).toEqual([]);
  });

  it('writes a moment with its time, in the reader’s time zone', async () => {
    await i18n.changeLanguage('en');
    expect(formatDateTime('2027-02-28T23:59:00')).toBe('28 February 2027, 23:59');
    await i18n.changeLanguage('cy');
    expect(formatDateTime('2027-02-28T23:59:00')).toBe('28 Chwefror 2027, 23:59');
  });

  it('labels chart axes with short month names in the reader’s language', async () => {
    await i18n.changeLanguage('en');
    expect(formatMonthShort('2025-03-01')).toBe('Mar 25');
    expect(monthName(9, 'short')).toBe('Sep');
    await i18n.changeLanguage('cy');
    expect(formatMonthShort('2025-03-01')).toBe('Maw 25');
    expect(formatMonthShort('2009-12-01')).toBe('Rhag 09');
  });

  it('leaves what is not a date as it was, and nothing as nothing', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime(undefined)).toBe('');
  });
});
