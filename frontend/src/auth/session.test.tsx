import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { Layout } from '../components/Layout';
import { ProfilePage } from '../pages/ProfilePage';
import { SignInPage } from '../pages/SignInPage';
import { json, makeUser, mockApi, problem, renderWithApp } from '../test/utils';
import { RequireAuth } from './RequireAuth';
import { getToken } from './token';

describe('Session', () => {
  it('sends someone who is not signed in to the sign-in page', async () => {
    mockApi({});
    await renderWithApp(
      <Routes>
        <Route path="/" element={<RequireAuth>{(user: User) => <h1>{user.display_name}</h1>}</RequireAuth>} />
        <Route path="/sign-in" element={<SignInPage />} />
      </Routes>,
    );
    expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
  });

  it('ends the session when the API no longer accepts the token, and says so', async () => {
    mockApi({
      'GET /api/v1/users/me': () => problem(401, { detail: 'The token is invalid, expired or revoked. Sign in again.' }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/" element={<RequireAuth>{(user: User) => <h1>{user.display_name}</h1>}</RequireAuth>} />
        <Route path="/sign-in" element={<SignInPage />} />
      </Routes>,
      { token: 'expired-token' },
    );
    expect(await screen.findByRole('heading', { name: 'You have been signed out' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
    expect(getToken()).toBeNull();
  });
});

describe('Signing out', () => {
  it('revokes the token, forgets it and says so on the sign-in page', async () => {
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(makeUser(), { headers: { ETag: '"3"' } }),
      'POST /api/v1/auth/revoke': () => new Response(null, { status: 204 }),
    });
    await renderWithApp(
      <Layout>
        <Routes>
          <Route path="/" element={<RequireAuth>{(user: User) => <h1>Hello {user.display_name}</h1>}</RequireAuth>} />
          <Route path="/sign-in" element={<SignInPage />} />
        </Routes>
      </Layout>,
      { token: 'tok' },
    );
    await screen.findByRole('heading', { name: 'Hello Alys Admin' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('You have signed out.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument();
    const revoke = requests.find((r) => r.path === '/api/v1/auth/revoke')!;
    expect(revoke.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(revoke.body).get('token')).toBe('tok');
    expect(getToken()).toBeNull();
  });

  it('signs out everywhere from the profile, and reports a failure instead of pretending', async () => {
    let fail = true;
    mockApi({
      'GET /api/v1/notifications/preferences': () => json({ digest: 'off', next_digest_at: null }),
      'GET /api/v1/users/me': () => json(makeUser(), { headers: { ETag: '"3"' } }),
      'POST /api/v1/auth/revoke-all': () =>
        fail ? problem(503, { detail: 'Try again in a moment.' }) : new Response(null, { status: 204 }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/profile" element={<RequireAuth>{(user: User) => <ProfilePage user={user} />}</RequireAuth>} />
        <Route path="/sign-in" element={<SignInPage />} />
      </Routes>,
      { token: 'tok', route: '/profile' },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in a moment.');
    expect(getToken()).toBe('tok');

    fail = false;
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('You have signed out on every device.')).toBeInTheDocument();
    expect(getToken()).toBeNull();
  });
});
