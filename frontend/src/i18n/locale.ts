// The Intl locale for the reader's language: one rule for every date and number shown.
// (Kept apart from ./index so pure models can use it without starting i18next.)

export type IntlLocale = 'cy-GB' | 'en-GB';

/** The Intl locale for a language: Welsh as written in Wales, anything else British English. */
export function intlLocale(language: string): IntlLocale {
  return language === 'cy' ? 'cy-GB' : 'en-GB';
}
