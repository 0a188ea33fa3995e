import { describe, expect, it } from 'vitest';
import { browserLanguage } from './index';

describe('the language of a first visit', () => {
  it('is Welsh when the browser asks for Welsh first', () => {
    expect(browserLanguage(['cy-GB', 'en-GB'])).toBe('cy');
    expect(browserLanguage(['cy'])).toBe('cy');
    expect(browserLanguage(['CY-gb'])).toBe('cy');
  });

  it('follows the browser’s order between English and Welsh', () => {
    expect(browserLanguage(['en-GB', 'cy'])).toBe('en');
    expect(browserLanguage(['fr-FR', 'cy-GB', 'en'])).toBe('cy');
  });

  it('is English when the browser asks for neither', () => {
    expect(browserLanguage(['fr-FR', 'de'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
