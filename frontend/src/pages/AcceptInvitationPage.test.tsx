import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderWithApp } from '../test/utils';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { SignInPage } from './SignInPage';

const preview = {
  email: 'rhian@example.org',
  display_name: 'Rhian',
  organisation_name: 'Bae Abermor University Health Board',
  role: 'staff',
  expires_at: '2030-01-01T12:00:00Z',
  account_exists: false,
};

function app() {
  return (
    <Routes>
      <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/" element={<h1>Home page</h1>} />
    </Routes>
  );
}

describe('Accepting an invitation', () => {
  it('explains an unusable invitation', async () => {
    mockApi({
      'POST /api/v1/invitations/inspect': () => problem(404, { detail: 'This invitation has expired.' }),
    });
    await renderWithApp(app(), { route: '/invitations/accept?token=abcdefghijkl' });
    expect(await screen.findByRole('heading', { name: 'This invitation cannot be used' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This invitation has expired.');
  });

  it('needs matching passwords for a new account before sending anything', async () => {
    const { requests } = mockApi({ 'POST /api/v1/invitations/inspect': () => json(preview) });
    await renderWithApp(app(), { route: '/invitations/accept?token=abcdefghijkl' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Create a password'), 'three random words');
    await user.type(screen.getByLabelText('Type your password again'), 'three random wordz');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('link', { name: 'The passwords do not match' })).toHaveAttribute(
      'href',
      '#accept-confirm_password',
    );
    expect(requests.map((r) => r.path)).toEqual(['/api/v1/invitations/inspect']);
  });

  it('shows the API password rules beside the password field', async () => {
    mockApi({
      'POST /api/v1/invitations/inspect': () => json(preview),
      'POST /api/v1/invitations/accept': () =>
        problem(422, {
          detail: 'Choose a stronger password.',
          errors: [{ field: 'body.password', message: 'must be at least 10 characters' }],
        }),
    });
    await renderWithApp(app(), { route: '/invitations/accept?token=abcdefghijkl' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Create a password'), 'short');
    await user.type(screen.getByLabelText('Type your password again'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByLabelText('Create a password')).toHaveAccessibleDescription(
      expect.stringContaining('Create a password must be at least 10 characters'),
    );
  });

  it('adds the role to an existing account without asking for a password', async () => {
    const { requests } = mockApi({
      'POST /api/v1/invitations/inspect': () => json({ ...preview, account_exists: true }),
      'POST /api/v1/invitations/accept': () => json({}),
    });
    await renderWithApp(app(), { route: '/invitations/accept?token=abcdefghijkl' });
    const user = userEvent.setup();
    await screen.findByText(/You already have a Gwella account/);
    expect(screen.queryByLabelText('Create a password')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Cymraeg'));
    await user.click(screen.getByRole('button', { name: 'Accept invitation' }));
    expect(await screen.findByText("Gwahoddiad wedi'i dderbyn. Mewngofnodwch i barhau.")).toBeInTheDocument();
    const accept = requests.find((r) => r.path === '/api/v1/invitations/accept')!;
    expect(JSON.parse(accept.body)).toEqual({ token: 'abcdefghijkl', language: 'cy' });
    expect(document.documentElement.lang).toBe('cy');
  });
});
