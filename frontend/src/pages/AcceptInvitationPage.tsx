import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InvitationPreview, Language } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, Radios, TextInput } from '../components/fields';
import { formatDateTime } from '../components/format';
import { LoadError, Loading } from '../components/status';
import { usePageTitle } from '../components/usePageTitle';
import { useFormErrors, type FieldError } from '../components/useFormErrors';
import { currentLanguage, i18n, rememberLanguage } from '../i18n';
import { useAcceptInvitationMutation, useInvitationPreview } from '../features/session/api';

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signIn, token: sessionToken, signOut } = useAuth();
  const [displayName, setDisplayName] = useState(preview.display_name ?? '');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const newAccount = !preview.account_exists;
  const accept = useAcceptInvitationMutation(async () => {
    await i18n.changeLanguage(language);
    rememberLanguage(language);
    if (newAccount) {
      // Someone else may be signed in in this tab: the new account takes over.
      if (sessionToken) await signOut.mutateAsync().catch(() => undefined);
      await signIn.mutateAsync({ email: preview.email, password });
    }
  });
  const form = useFormErrors('accept-', {
    display_name: t('accept.name'),
    password: t('accept.password'),
    confirm_password: t('accept.confirmPassword'),
    language: t('accept.language'),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (newAccount) {
      if (displayName.trim() === '') problems.push({ name: 'display_name', message: t('accept.nameMissing') });
      // The API decides how strong a password must be; we only catch the obvious.
      if (password === '') {
        problems.push({ name: 'password', message: t('accept.passwordMissing') });
      } else if (password !== confirm) {
        problems.push({ name: 'confirm_password', message: t('accept.passwordsDiffer') });
      }
    }
    if (problems.length > 0) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    // mutateAsync, not mutate's callbacks: signing in may re-render the app around this
    // form, and the page must move on all the same.
    accept.mutateAsync(newAccount ? { token, password, display_name: displayName.trim(), language } : { token, language }).then(
      () => {
        if (newAccount) void navigate('/', { replace: true });
        else void navigate('/sign-in', { replace: true, state: { invitationAccepted: true } });
      },
      form.setProblem,
    );
  }

  return (
    <>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <h1>{t('accept.title')}</h1>
      <p>
        {t('accept.invitedTo', {
          organisation: preview.organisation_name,
          role: t(`roles.${preview.role}`),
        })}
      </p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('accept.email')}</dt>
          <dd className="nhsuk-summary-list__value">{preview.email}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('accept.expires')}</dt>
          <dd className="nhsuk-summary-list__value">{formatDateTime(preview.expires_at)}</dd>
        </div>
      </dl>
      <form onSubmit={onSubmit} noValidate>
        {newAccount ? (
          <>
            <TextInput
              id={form.idFor('display_name')}
              name="display_name"
              label={t('accept.name')}
              hint={t('accept.nameHint')}
              autoComplete="name"
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              error={form.fieldError('display_name')}
            />
            <TextInput
              id={form.idFor('password')}
              name="password"
              type="password"
              label={t('accept.password')}
              hint={t('accept.passwordHint')}
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={form.fieldError('password')}
            />
            <TextInput
              id={form.idFor('confirm_password')}
              name="confirm_password"
              type="password"
              label={t('accept.confirmPassword')}
              autoComplete="new-password"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
              error={form.fieldError('confirm_password')}
            />
          </>
        ) : (
          <p>{t('accept.existingAccount')}</p>
        )}
        <Radios
          id={form.idFor('language')}
          name="language"
          legend={t('accept.language')}
          value={language}
          onChange={(value) => setLanguage(value === 'cy' ? 'cy' : 'en')}
          error={form.fieldError('language')}
          options={[
            { value: 'en', label: 'English', lang: 'en' },
            { value: 'cy', label: 'Cymraeg', lang: 'cy' },
          ]}
        />
        <Button busy={accept.isPending}>{newAccount ? t('accept.submitNew') : t('accept.submitExisting')}</Button>
      </form>
    </>
  );
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('accept.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitationPreview(token);

  let content;
  if (token === '') {
    content = (
      <>
        <h1>{t('accept.title')}</h1>
        <p>{t('accept.noToken')}</p>
      </>
    );
  } else if (preview.isPending) {
    content = <Loading />;
  } else if (preview.isError) {
    content = (
      <>
        <h1>{t('accept.invalidTitle')}</h1>
        <LoadError error={preview.error} />
        <p>{t('accept.invalidBody')}</p>
        <p>
          <Link to="/sign-in">{t('accept.goToSignIn')}</Link>
        </p>
      </>
    );
  } else {
    content = <AcceptForm token={token} preview={preview.data} />;
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">{content}</div>
    </div>
  );
}
