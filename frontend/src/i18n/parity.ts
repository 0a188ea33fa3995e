// Compare two locale trees: every key must exist in both, with the same
// {{placeholders}}. Plural forms (_one, _other, …) are compared by their base key,
// and each language must have every plural form its grammar needs.

export type LocaleTree = { [key: string]: string | LocaleTree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function flatten(tree: LocaleTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '').sort();
}

export interface ParityProblem {
  key: string;
  problem: string;
}

export function compareLocales(
  a: { lang: string; tree: LocaleTree },
  b: { lang: string; tree: LocaleTree },
): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const flatA = flatten(a.tree);
  const flatB = flatten(b.tree);
  const base = (key: string) => key.replace(PLURAL_SUFFIX, '');
  const basesA = new Map<string, string[]>();
  const basesB = new Map<string, string[]>();
  for (const key of flatA.keys()) basesA.set(base(key), [...(basesA.get(base(key)) ?? []), key]);
  for (const key of flatB.keys()) basesB.set(base(key), [...(basesB.get(base(key)) ?? []), key]);

  for (const key of basesA.keys()) {
    if (!basesB.has(key)) problems.push({ key, problem: `in ${a.lang} but missing in ${b.lang}` });
  }
  for (const key of basesB.keys()) {
    if (!basesA.has(key)) problems.push({ key, problem: `in ${b.lang} but missing in ${a.lang}` });
  }

  for (const [lang, flat, bases] of [
    [a.lang, flatA, basesA],
    [b.lang, flatB, basesB],
  ] as const) {
    for (const [key, value] of flat) {
      if (value.trim() === '') problems.push({ key, problem: `empty in ${lang}` });
    }
    for (const [baseKey, keys] of bases) {
      const plural = keys.some((k) => PLURAL_SUFFIX.test(k));
      if (!plural) continue;
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const category of needed) {
        if (!keys.includes(`${baseKey}_${category}`)) {
          problems.push({ key: baseKey, problem: `plural form "${category}" missing in ${lang}` });
        }
      }
    }
  }

  for (const [key, valueA] of flatA) {
    const valueB = flatB.get(key);
    if (valueB === undefined) continue;
    const pa = placeholders(valueA).join(',');
    const pb = placeholders(valueB).join(',');
    if (pa !== pb) {
      problems.push({ key, problem: `placeholders differ: ${a.lang} {${pa}} vs ${b.lang} {${pb}}` });
    }
  }
  return problems;
}
