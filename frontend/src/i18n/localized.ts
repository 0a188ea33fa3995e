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

/** A record's name (name / name_cy) in the reader's language. */
export function localizedName(record: { name: string; name_cy?: string | null }, language: string): string {
  return localized({ en: record.name, cy: record.name_cy }, language);
}

/** The name of a record in the reader's language, falling back to English. */
export function useLocalName(): (record: { name: string; name_cy?: string | null }) => string {
  const { i18n } = useTranslation();
  return (record) => localizedName(record, i18n.language);
}
