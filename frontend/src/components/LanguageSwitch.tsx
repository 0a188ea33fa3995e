import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrapWithEtag } from '../api/client';
import { ApiProblem } from '../api/problem';
import { ME_QUERY_KEY, fetchMe, useAuth, type MeResult } from '../auth/AuthContext';
import { currentLanguage, i18n, rememberLanguage, type Language } from '../i18n';

async function saveProfileLanguage(language: Language, me: MeResult): Promise<MeResult> {
  const patch = (etag: string) =>
    unwrapWithEtag(
      api.PATCH('/api/v1/users/me', {
        params: { header: { 'If-Match': etag } },
        body: { language },
      }),
    );
  try {
    const { data, etag } = await patch(me.etag ?? `"${me.user.version}"`);
    return { user: data, etag };
  } catch (error) {
    // Someone (perhaps this person in another tab) changed the profile since we read
    // it. The language is the only thing we change, so read it again and retry once.
    if (error instanceof ApiProblem && error.status === 412) {
      const fresh = await fetchMe();
      const { data, etag } = await patch(fresh.etag ?? `"${fresh.user.version}"`);
      return { user: data, etag };
    }
    throw error;
  }
}

/**
 * Switches between English and Welsh on every page. The choice is remembered in this
 * browser and, when signed in, in the person's profile.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const [saveFailed, setSaveFailed] = useState(false);
  const language = currentLanguage();
  const other: Language = language === 'en' ? 'cy' : 'en';

  async function switchTo(next: Language) {
    setSaveFailed(false);
    await i18n.changeLanguage(next);
    rememberLanguage(next);
    if (me && me.user.language !== next) {
      try {
        const saved = await saveProfileLanguage(next, me);
        queryClient.setQueryData(ME_QUERY_KEY, saved);
      } catch {
        setSaveFailed(true);
      }
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
