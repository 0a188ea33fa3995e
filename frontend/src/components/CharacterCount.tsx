import { useTranslation } from 'react-i18next';

/** What a character count says: the limit, what is left, or how far over it the text is. */
export function characterCountKey(length: number, limit: number): { key: 'limit' | 'remaining' | 'tooMany'; count: number } {
  if (length === 0) return { key: 'limit', count: limit };
  if (length <= limit) return { key: 'remaining', count: limit - length };
  return { key: 'tooMany', count: length - limit };
}

/**
 * The NHS character count's message under a text area: nothing is cut (no maxlength that
 * drops pasted text silently); the reader sees how much is left, or how much to remove, and
 * the form refuses what is over, as the server does. Plurals in English and Welsh.
 */
export function CharacterCount({ id, length, limit, language }: { id: string; length: number; limit: number; language?: string }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language ?? i18n.language);
  const { key, count } = characterCountKey(length, limit);
  return (
    <div
      id={id}
      className={`nhsuk-hint nhsuk-character-count__message${key === 'tooMany' ? ' nhsuk-error-message' : ''}`}
      aria-live="polite"
      data-testid="character-count"
    >
      {t(`characterCount.${key}`, { count })}
    </div>
  );
}
