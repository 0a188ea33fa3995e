import { describe, expect, it } from 'vitest';
import cy from './locales/cy.json';
import en from './locales/en.json';
import { compareLocales, flatten, type LocaleTree } from './parity';

describe('English and Welsh locale files', () => {
  it('have exactly the same keys and placeholders', () => {
    const problems = compareLocales({ lang: 'en', tree: en }, { lang: 'cy', tree: cy });
    expect(problems, problems.map((p) => `${p.key}: ${p.problem}`).join('\n')).toEqual([]);
  });

  it('are actually translated (most Welsh strings differ from the English)', () => {
    const flatEn = flatten(en);
    const flatCy = flatten(cy);
    const same = [...flatEn].filter(([key, value]) => flatCy.get(key) === value).map(([key]) => key);
    // Names, codes and words that are the same in both languages are allowed, but
    // a file copied from English without translating would fail here.
    expect(same.length / flatEn.size).toBeLessThan(0.05);
  });
});

describe('compareLocales', () => {
  it('reports a key that exists in one language only', () => {
    const a: LocaleTree = { nav: { home: 'Home', help: 'Help' } };
    const b: LocaleTree = { nav: { home: 'Hafan' } };
    expect(compareLocales({ lang: 'en', tree: a }, { lang: 'cy', tree: b })).toEqual([
      { key: 'nav.help', problem: 'in en but missing in cy' },
    ]);
    expect(compareLocales({ lang: 'en', tree: b }, { lang: 'cy', tree: a })).toEqual([
      { key: 'nav.help', problem: 'in cy but missing in en' },
    ]);
  });

  it('reports a placeholder that was lost in translation', () => {
    const problems = compareLocales(
      { lang: 'en', tree: { greeting: 'Hello, {{name}}' } },
      { lang: 'cy', tree: { greeting: 'Helo' } },
    );
    expect(problems).toEqual([{ key: 'greeting', problem: 'placeholders differ: en {name} vs cy {}' }]);
  });

  it('reports empty strings', () => {
    const problems = compareLocales({ lang: 'en', tree: { a: 'A' } }, { lang: 'cy', tree: { a: ' ' } });
    expect(problems).toEqual([{ key: 'a', problem: 'empty in cy' }]);
  });

  it('compares plural keys by their base and needs every Welsh plural form', () => {
    const english: LocaleTree = { items_one: '{{count}} item', items_other: '{{count}} items' };
    const welshPartial: LocaleTree = { items_one: '{{count}} eitem', items_other: '{{count}} eitem' };
    const problems = compareLocales({ lang: 'en', tree: english }, { lang: 'cy', tree: welshPartial });
    const missing = problems.map((p) => p.problem).sort();
    // Welsh has six plural categories; only "one" and "other" were given.
    expect(missing).toEqual([
      'plural form "few" missing in cy',
      'plural form "many" missing in cy',
      'plural form "two" missing in cy',
      'plural form "zero" missing in cy',
    ]);
  });
});
