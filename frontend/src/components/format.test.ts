import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module afresh (it remembers whether Intl knows Welsh), with its own i18n. */
async function load() {
  vi.resetModules();
  const { i18n } = await import('../i18n');
  const format = await import('./format');
  return { i18n, ...format };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dates for people', () => {
  it('shows a calendar day as that day, in English and Welsh', async () => {
    const { i18n, formatDate } = await load();
    await i18n.changeLanguage('en');
    expect(formatDate('2026-12-02')).toBe('2 December 2026');
    await i18n.changeLanguage('cy');
    expect(formatDate('2026-12-02')).toBe('2 Rhagfyr 2026');
    await i18n.changeLanguage('en');
  });

  it('writes Welsh month names itself where the browser has no Welsh (as Debian’s Chromium)', async () => {
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
    const { i18n, formatDate, formatDateTime } = await load();
    await i18n.changeLanguage('cy');
    expect(formatDate('2025-03-14')).toBe('14 Mawrth 2025');
    expect(formatDate('2026-12-02')).toBe('2 Rhagfyr 2026');
    expect(formatDateTime('2025-07-01T12:00:00Z')).toMatch(/^\d{1,2} Gorffennaf 2025, \d{2}:\d{2}$/);
    await i18n.changeLanguage('en');
    expect(formatDate('2025-03-14')).toBe('14 March 2025');
  });
});
