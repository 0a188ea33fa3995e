import { describe, expect, it } from 'vitest';
import { localized, localizedName } from './localized';

describe('localized', () => {
  it('picks the reader’s language and falls back to the other one', () => {
    expect(localized({ en: 'Yes', cy: 'Ie' }, 'cy')).toBe('Ie');
    expect(localized({ en: 'Yes', cy: 'Ie' }, 'en')).toBe('Yes');
    expect(localized({ en: 'Yes', cy: null }, 'cy')).toBe('Yes');
    expect(localized({ en: '  ', cy: 'Ie' }, 'en')).toBe('Ie');
    expect(localized({ cy: 'Ie' }, 'en')).toBe('Ie');
    expect(localized(null, 'en')).toBe('');
    expect(localized({ en: null, cy: null }, 'cy')).toBe('');
  });

  it('names a record by name and name_cy', () => {
    expect(localizedName({ name: 'Ward', name_cy: 'Ward Cy' }, 'cy')).toBe('Ward Cy');
    expect(localizedName({ name: 'Ward', name_cy: null }, 'cy')).toBe('Ward');
    expect(localizedName({ name: 'Ward', name_cy: 'Ward Cy' }, 'en')).toBe('Ward');
  });
});
