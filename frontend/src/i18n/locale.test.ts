import { describe, expect, it } from 'vitest';
import { intlLocale } from './locale';

describe('intlLocale', () => {
  it('is Welsh for cy and British English for anything else', () => {
    expect(intlLocale('cy')).toBe('cy-GB');
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('fr')).toBe('en-GB');
    expect(intlLocale('')).toBe('en-GB');
  });
});
