// Picking the reader's language out of bilingual data: one rule for the whole app.
import { useTranslation } from 'react-i18next';

/** Text held in English and Welsh (LocalizedText and the like); either may be missing. */
export interface Bilingual {
  en?: string | null;
  cy?: string | null;
}

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The text in the reader's language, falling back to the other language, else ''. */
export function localized(text: Bilingual | null | undefined, language: string): string {
  if (!text) return '';
  const [first, second] = language === 'cy' ? [text.cy, text.en] : [text.en, text.cy];
  if (present(first)) return first;
  return present(second) ? second : '';
}

/** What to show of bilingual text on a page in `language`: the text, the language it is
 * written in (for the `lang` attribute), and whether it is shown in the other language because
 * the page's is missing (so the page can say so). Null when neither language is written. */
export interface Shown {
  text: string;
  lang: 'en' | 'cy';
  otherLanguage: boolean;
}

export function shownIn(text: Bilingual | null | undefined, language: string): Shown | null {
  if (!text) return null;
  const page: 'en' | 'cy' = language === 'cy' ? 'cy' : 'en';
  const other: 'en' | 'cy' = page === 'cy' ? 'en' : 'cy';
  const own = text[page];
  if (present(own)) return { text: own, lang: page, otherLanguage: false };
  const theirs = text[other];
  return present(theirs) ? { text: theirs, lang: other, otherLanguage: true } : null;
}

/** A name given in English and, perhaps, Welsh (organisation_name / organisation_name_cy and
 * the like) in the reader's language. */
export function nameIn(en: string | null | undefined, cy: string | null | undefined, language: string): string {
  return localized({ en, cy }, language);
}

// An indicator's unit is a word typed once, usually in English ("days"); the common ones are
// said in Welsh on Welsh pages (in the singular, as Welsh counts: "12 diwrnod").
const UNITS_CY: Record<string, string> = {
  day: 'diwrnod',
  days: 'diwrnod',
  week: 'wythnos',
  weeks: 'wythnos',
  month: 'mis',
  months: 'mis',
  hour: 'awr',
  hours: 'awr',
  people: 'o bobl',
  responses: 'ymateb',
};

/** An indicator's unit in the reader's language where Gwella knows the word, else as typed. */
export function unitIn(unit: string, language: string): string {
  return language === 'cy' ? (UNITS_CY[unit.trim().toLowerCase()] ?? unit) : unit;
}

/** A record's name (name / name_cy) in the reader's language. */
export function localizedName(record: { name: string | null; name_cy?: string | null }, language: string): string {
  return localized({ en: record.name, cy: record.name_cy }, language);
}

/** The name of a record in the reader's language, falling back to English. */
export function useLocalName(): (record: { name: string | null; name_cy?: string | null }) => string {
  const { i18n } = useTranslation();
  return (record) => localizedName(record, i18n.language);
}

// Welsh soft mutation, as the backend's core.vocabulary.soft_mutation: the spirants (ch, ph,
// th) first, then ll, rh, p, t, c, b, d, m, g. A capital stays a capital ("Bwrdd" after
// "gan" reads "Fwrdd"), as names of organisations mutate too.
const SOFT: [string, string][] = [
  ['ch', 'ch'],
  ['ph', 'ph'],
  ['th', 'th'],
  ['ll', 'l'],
  ['rh', 'r'],
  ['p', 'b'],
  ['t', 'd'],
  ['c', 'g'],
  ['b', 'f'],
  ['d', 'dd'],
  ['m', 'f'],
  ['g', ''],
];

/** A Welsh word or name as it reads after a word that softens it ("gan", "i"). */
export function softMutation(welsh: string): string {
  const lower = welsh.toLowerCase();
  for (const [radical, soft] of SOFT) {
    if (!lower.startsWith(radical)) continue;
    const rest = welsh.slice(radical.length);
    const capital = welsh.charAt(0) !== lower.charAt(0);
    if (!capital) return soft + rest;
    const mutated = soft + rest;
    return mutated.charAt(0).toUpperCase() + mutated.slice(1);
  }
  return welsh;
}
