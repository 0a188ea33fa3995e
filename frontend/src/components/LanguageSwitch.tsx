import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext';
import { useSaveLanguageMutation } from '../features/session/api';
import { currentLanguage, i18n, rememberLanguage, type Language } from '../i18n';

/**
 * Switches between English and Welsh on every page. The choice is remembered in this
 * browser and, when signed in, in the person's profile.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const saveLanguage = useSaveLanguageMutation();
  const [saveFailed, setSaveFailed] = useState(false);
  const language = currentLanguage();
  const other: Language = language === 'en' ? 'cy' : 'en';

  async function switchTo(next: Language) {
    setSaveFailed(false);
    await i18n.changeLanguage(next);
    rememberLanguage(next);
    if (me && me.user.language !== next) {
      saveLanguage.mutate({ language: next, me }, { onError: () => setSaveFailed(true) });
    }
  }

  return (
    <div className="app-language-switch">
      <button
        type="button"
        className="app-link-button"
        lang={other}
        onClick={() => void switchTo(other)}
        data-testid="language-switch"
      >
        {t(other === 'cy' ? 'language.switchToWelsh' : 'language.switchToEnglish')}
      </button>
      {saveFailed ? (
        <span role="alert" className="nhsuk-u-margin-left-2">
          {t('language.saveFailed')}
        </span>
      ) : null}
    </div>
  );
}
