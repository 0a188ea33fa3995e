import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, TextInput } from '../components/fields';
import { SuccessBanner, WarningCallout } from '../components/status';
import { usePageTitle } from '../components/usePageTitle';
import { useFormErrors, type FieldError } from '../components/useFormErrors';

interface SignInState {
  from?: string;
  invitationAccepted?: boolean;
}

function safeReturnPath(from: unknown): string {
  // Only ever return to a path inside this app.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const { signIn, token, me, endReason } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const busy = signIn.isPending;
  const form = useFormErrors('sign-in-', { username: t('signIn.email'), password: t('signIn.password') });

  if (token && me && !busy) {
    return <Navigate to={safeReturnPath(state.from)} replace />;
  }
  // After a deliberate sign-out, the next person to sign in starts at home.
  const returnTo = endReason === 'signed-out' || endReason === 'signed-out-everywhere' ? '/' : safeReturnPath(state.from);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (email.trim() === '') missing.push({ name: 'username', message: t('signIn.emailMissing') });
    if (password === '') missing.push({ name: 'password', message: t('signIn.passwordMissing') });
    if (missing.length > 0) {
      form.setFieldErrors(missing);
      return;
    }
    form.clear();
    // mutateAsync, not mutate's callbacks: signing in re-renders the app around this form,
    // and the page must move on all the same.
    void signIn.mutateAsync({ email: email.trim(), password }).then(
      () => void navigate(returnTo, { replace: true }),
      (error: unknown) => {
        if (error instanceof ApiProblem && (error.status === 400 || error.status === 401)) {
          // Do not say which of the two was wrong.
          form.setFieldErrors([{ name: 'username', message: t('signIn.wrongCredentials') }]);
        } else if (error instanceof ApiProblem && error.status === 429) {
          form.setProblem(new ApiProblem(429, { detail: t('signIn.tooManyAttempts') }));
        } else {
          form.setProblem(error);
        }
      },
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {endReason === 'signed-out' ? <SuccessBanner title={t('signIn.signedOut')} /> : null}
        {endReason === 'signed-out-everywhere' ? <SuccessBanner title={t('signIn.signedOutEverywhere')} /> : null}
        {state.invitationAccepted ? <SuccessBanner title={t('signIn.invitationAccepted')} /> : null}
        {endReason === 'expired' ? (
          <WarningCallout heading={t('signIn.sessionEndedTitle')}>
            <p className="nhsuk-card__description">{t('signIn.sessionEnded')}</p>
          </WarningCallout>
        ) : null}
        <ErrorSummary detail={form.detail} items={form.summaryItems} />
        <h1>{t('signIn.title')}</h1>
        <p>{t('signIn.intro')}</p>
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id={form.idFor('username')}
            name="username"
            type="email"
            label={t('signIn.email')}
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldError('username')}
          />
          <TextInput
            id={form.idFor('password')}
            name="password"
            type="password"
            label={t('signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={form.fieldError('password')}
          />
          <Button busy={busy}>{busy ? t('signIn.signingIn') : t('signIn.submit')}</Button>
        </form>
        <h2 className="nhsuk-heading-s">{t('signIn.noAccountTitle')}</h2>
        <p>{t('signIn.noAccount')}</p>
      </div>
    </div>
  );
}
