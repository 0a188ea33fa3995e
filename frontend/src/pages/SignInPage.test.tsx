import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { getToken } from '../auth/token';
import { i18n } from '../i18n';
import { json, makeUser, mockApi, problem, renderWithApp } from '../test/utils';
import { SignInPage } from './SignInPage';

function app() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/" element={<h1>Home page</h1>} />
    </Routes>
  );
}

describe('Sign in', () => {
  it('checks for missing fields before calling the API, with a linked error summary', async () => {
    const { fetchMock } = mockApi({});
    await renderWithApp(app(), { route: '/sign-in' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Enter your email address', 'Enter your password']);
    // The summary takes focus so keyboard and screen reader users land on it.
    expect(summary.parentElement).toHaveFocus();
    // Each message is also beside its field, and the field says it is invalid.
    const email = screen.getByLabelText('Email address');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Error: Enter your email address');
    // The summary link moves focus to the field.
    await user.click(links[1]!);
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in with the OAuth2 password grant, keeps the token in sessionStorage and adopts the profile language', async () => {
    const { requests } = mockApi({
      'POST /api/v1/auth/token': () =>
        json({ access_token: 'tok-123', token_type: 'bearer', expires_in: 3600, scope: '' }),
      'GET /api/v1/users/me': () => json(makeUser({ language: 'cy' }), { headers: { ETag: '"3"' } }),
    });
    await renderWithApp(app(), { route: '/sign-in' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email address'), 'alys@example.test');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Home page' })).toBeInTheDocument();
    const tokenRequest = requests.find((r) => r.path === '/api/v1/auth/token')!;
    expect(tokenRequest.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest.body))).toEqual({
      grant_type: 'password',
      username: 'alys@example.test',
      password: 'correct horse',
    });
    expect(getToken()).toBe('tok-123');
    expect(window.sessionStorage.getItem('gwella.accessToken')).toBe('tok-123');
    const meRequest = requests.find((r) => r.path === '/api/v1/users/me')!;
    expect(meRequest.headers.get('Authorization')).toBe('Bearer tok-123');
    await waitFor(() => expect(i18n.language).toBe('cy'));
    expect(document.documentElement.lang).toBe('cy');
    expect(window.localStorage.getItem('gwella.language')).toBe('cy');
  });

  it('shows a wrong password as an error on the form without saying which field was wrong', async () => {
    mockApi({
      'POST /api/v1/auth/token': () =>
        // The token endpoint answers OAuth's errors (RFC 6749 §5.2), not problem+json.
        json({ error: 'invalid_grant', error_description: 'The email address or password is not right.' }, { status: 400 }),
    });
    await renderWithApp(app(), { route: '/sign-in' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email address'), 'alys@example.test');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The email address or password is not right');
    expect(getToken()).toBeNull();
  });

  it('asks the person to wait when sign-in is throttled', async () => {
    mockApi({
      'POST /api/v1/auth/token': () =>
        json({ error: 'slow_down', error_description: 'Wait and try again.' }, { status: 429, headers: { 'Retry-After': '30' } }),
    });
    await renderWithApp(app(), { route: '/sign-in' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email address'), 'alys@example.test');
    await user.type(screen.getByLabelText('Password'), 'right or wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(i18n.t('signIn.tooManyAttempts'));
    expect(getToken()).toBeNull();
  });

  it('reports a server failure in the summary rather than failing silently', async () => {
    mockApi({
      'POST /api/v1/auth/token': () => problem(503, { title: 'Service unavailable', detail: 'The database is not ready.' }),
    });
    await renderWithApp(app(), { route: '/sign-in' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email address'), 'alys@example.test');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not ready.');
  });

  it('reports a network failure', async () => {
    mockApi({
      'POST /api/v1/auth/token': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await renderWithApp(app(), { route: '/sign-in' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email address'), 'alys@example.test');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Gwella');
  });
});
