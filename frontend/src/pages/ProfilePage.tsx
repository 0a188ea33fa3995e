import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../i18n/localized';
import { useOrganisationsById } from '../features/organisations/api';
import type { Language, User } from '../api/types';
import { rolesByOrganisation, useAuth } from '../auth/AuthContext';
import { useUpdateProfileMutation } from '../features/session/api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, Radios, TextInput } from '../components/fields';
import { SuccessBanner } from '../components/status';
import { usePageTitle } from '../components/usePageTitle';
import { useFormErrors } from '../components/useFormErrors';
import { i18n, rememberLanguage } from '../i18n';
import { RoleTag } from '../components/tags';
import { formatDateTime } from '../components/format';
import { DigestPreferences } from './DigestPreferences';

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const update = useUpdateProfileMutation();
  const [displayName, setDisplayName] = useState(user.display_name);
  const [language, setLanguage] = useState<Language>(user.language);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('profile-', { display_name: t('profile.name'), language: t('profile.language') });

  // When the profile is reloaded (after a conflict), show what is stored now.
  useEffect(() => {
    setDisplayName(user.display_name);
    setLanguage(user.language);
  }, [user.display_name, user.language, user.version]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (displayName.trim() === '') {
      form.setFieldErrors([{ name: 'display_name', message: t('profile.nameMissing') }]);
      return;
    }
    form.clear();
    update.mutate(
      { etag: me?.etag ?? `"${user.version}"`, display_name: displayName.trim(), language },
      {
        onSuccess: async (result) => {
          if (result.data.language !== i18n.language) await i18n.changeLanguage(result.data.language);
          rememberLanguage(result.data.language);
          setSaved(true);
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <>
      {saved ? <SuccessBanner title={t('profile.saved')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <form onSubmit={onSubmit} noValidate>
        <h2>{t('profile.editTitle')}</h2>
        <TextInput
          id={form.idFor('display_name')}
          name="display_name"
          label={t('profile.name')}
          hint={t('profile.nameHint')}
          autoComplete="name"
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={form.fieldError('display_name')}
        />
        <Radios
          id={form.idFor('language')}
          name="language"
          legend={t('profile.language')}
          hint={t('profile.languageHint')}
          value={language}
          onChange={(value) => setLanguage(value === 'cy' ? 'cy' : 'en')}
          error={form.fieldError('language')}
          options={[
            { value: 'en', label: 'English', lang: 'en' },
            { value: 'cy', label: 'Cymraeg', lang: 'cy' },
          ]}
        />
        <Button busy={update.isPending}>{t('profile.save')}</Button>
      </form>
    </>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const { signOutEverywhere } = useAuth();
  const navigate = useNavigate();
  const form = useFormErrors('sign-out-everywhere-', {});
  return (
    <>
      <h2>{t('profile.signOutEverywhereTitle')}</h2>
      <p>{t('profile.signOutEverywhereBody')}</p>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <Button
        type="button"
        variant="warning"
        busy={signOutEverywhere.isPending}
        onClick={() => {
          form.clear();
          // mutateAsync, not mutate's callbacks: signed out, this page is left at once.
          void signOutEverywhere.mutateAsync().then(() => navigate('/sign-in', { replace: true }), form.setProblem);
        }}
      >
        {t('profile.signOutEverywhere')}
      </Button>
    </>
  );
}

export function ProfilePage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const localName = useLocalName();
  const roles = rolesByOrganisation(user);
  const organisations = useOrganisationsById([...roles.keys()]);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{t('profile.title')}</h1>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('profile.email')}</dt>
            <dd className="nhsuk-summary-list__value">{user.email}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('profile.lastSignIn')}</dt>
            <dd className="nhsuk-summary-list__value">
              {user.last_sign_in_at ? formatDateTime(user.last_sign_in_at) : t('common.never')}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('profile.roles')}</dt>
            <dd className="nhsuk-summary-list__value">
              {roles.size === 0 && !user.is_platform_admin ? t('profile.noRoles') : null}
              <ul className="nhsuk-list">
                {user.is_platform_admin ? <li>{t('roles.platform_admin')}</li> : null}
                {[...roles.entries()].map(([organisationId, held]) => {
                  const organisation = organisations.get(organisationId);
                  return (
                    <li key={organisationId}>
                      {organisation ? localName(organisation) : t('common.loading')}:{' '}
                      {held.map((role) => (
                        <span key={role} className="nhsuk-u-margin-right-1">
                          <RoleTag role={role} />
                        </span>
                      ))}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </div>
        </dl>
        <ProfileForm user={user} />
        <DigestPreferences email={user.email} />
        <SignOutEverywhere />
      </div>
    </div>
  );
}
