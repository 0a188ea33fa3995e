// Bilingual text people wrote, shown honestly: in the page's language where it is written,
// else in the other language, marked with its `lang` and a note such as "(Welsh only)".
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shownIn, type Bilingual } from '../i18n/localized';

export function LocalText({ text, fallback = null, marked = true }: { text: Bilingual | null | undefined; fallback?: ReactNode; marked?: boolean }) {
  const { t, i18n } = useTranslation();
  const shown = shownIn(text, i18n.language);
  if (!shown) return <>{fallback}</>;
  if (!shown.otherLanguage) return <>{shown.text}</>;
  return (
    <>
      <span lang={shown.lang}>{shown.text}</span>
      {marked ? (
        <>
          {' '}
          <span className="app-other-language">({shown.lang === 'cy' ? t('common.onlyWelsh') : t('common.onlyEnglish')})</span>
        </>
      ) : null}
    </>
  );
}
