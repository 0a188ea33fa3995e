import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { RequireAuth } from '../../auth/RequireAuth';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { ProfilePage } from '../ProfilePage';
import { OrganisationsPage } from './OrganisationsPage';

const admin = makeUser({ is_platform_admin: true });
const emptyPage = { items: [], next_cursor: null, next: null };

function organisationsApp() {
  return (
    <Routes>
      <Route path="/admin/organisations" element={<RequireAuth>{(user: User) => <OrganisationsPage user={user} />}</RequireAuth>} />
      <Route path="/admin/organisations/:id" element={<h1>Organisation page</h1>} />
    </Routes>
  );
}

describe('Forms show API problems', () => {
  it('puts each field problem from the API beside its input and links to it from the summary', async () => {
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(admin, { headers: { ETag: '"3"' } }),
      'GET /api/v1/organisations': () => json(emptyPage),
      'POST /api/v1/organisations': () =>
        problem(422, {
          title: 'Validation failed',
          detail: 'Some fields are not valid.',
          errors: [
            { field: 'body.code', message: 'Use only letters, digits and the signs . _ - (no spaces).' },
            { field: 'body.name', message: 'is already used by another organisation' },
          ],
        }),
    });
    await renderWithApp(organisationsApp(), { route: '/admin/organisations', token: 'tok' });
    const user = userEvent.setup();
    const form = (await screen.findByRole('heading', { name: 'Add an organisation' })).closest('form')!;
    await user.type(within(form).getByLabelText('Name'), 'Bwrdd Iechyd');
    await user.selectOptions(within(form).getByLabelText('Type of organisation'), 'health_board');
    await user.type(within(form).getByLabelText('Code scheme', { exact: false }), 'ods');
    await user.type(within(form).getByLabelText('Code', { exact: true }), 'bad code!');
    await user.click(within(form).getByRole('button', { name: 'Add organisation' }));

    const summary = await within(form).findByRole('alert');
    const links = within(summary).getAllByRole('link');
    // A message that is a fragment gets the field's label in front of it, a whole sentence
    // the label and a colon.
    expect(links.map((l) => l.textContent)).toEqual([
      'Code: Use only letters, digits and the signs . _ - (no spaces).',
      'Name is already used by another organisation',
    ]);
    expect(links[0]).toHaveAttribute('href', '#org-new-code');
    expect(links[1]).toHaveAttribute('href', '#org-new-name');
    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription(
      'Error: Name is already used by another organisation',
    );
    const body = JSON.parse(requests.find((r) => r.method === 'POST')!.body) as Record<string, unknown>;
    expect(body).toEqual({ name: 'Bwrdd Iechyd', name_cy: null, kind: 'health_board', code_scheme: 'ods', code: 'bad code!' });
  });

  it('catches a code without its scheme before asking the API', async () => {
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(admin, { headers: { ETag: '"3"' } }),
      'GET /api/v1/organisations': () => json(emptyPage),
    });
    await renderWithApp(organisationsApp(), { route: '/admin/organisations', token: 'tok' });
    const user = userEvent.setup();
    const form = (await screen.findByRole('heading', { name: 'Add an organisation' })).closest('form')!;
    await user.type(within(form).getByLabelText('Code', { exact: true }), '7A9');
    await user.click(within(form).getByRole('button', { name: 'Add organisation' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Enter the name of the organisation',
      'Choose the type of organisation',
      'Give both a code and its scheme, or neither',
    ]);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('sends If-Match with the ETag it read, and on 412 says someone else changed it and reloads', async () => {
    let version = 3;
    const { requests } = mockApi({
      'GET /api/v1/users/me': () =>
        json(makeUser({ version, display_name: version === 3 ? 'Alys' : 'Alys Jones' }), {
          headers: { ETag: `"${version}"` },
        }),
      'GET /api/v1/notifications/preferences': () => json({ digest: 'off', next_digest_at: null }),
      'PATCH /api/v1/users/me': (request) => {
        if (request.headers.get('If-Match') !== `"${version}"`) {
          return problem(412, { title: 'Precondition failed', detail: 'The record is at version 4.' });
        }
        return json(makeUser({ display_name: 'Alys Cymraeg', version: version + 1 }), { headers: { ETag: `"${version + 1}"` } });
      },
    });
    await renderWithApp(
      <Routes>
        <Route path="/profile" element={<RequireAuth>{(user: User) => <ProfilePage user={user} />}</RequireAuth>} />
      </Routes>,
      { route: '/profile', token: 'tok' },
    );
    const user = userEvent.setup();
    const name = await screen.findByLabelText('Your name');
    expect(name).toHaveValue('Alys');

    // Someone else saves in between: the stored version moves on.
    version = 4;
    await user.clear(name);
    await user.type(name, 'Alys Cymraeg');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Someone else changed this while you were editing it');
    expect(requests.find((r) => r.method === 'PATCH')!.headers.get('If-Match')).toBe('"3"');
    // The latest version is loaded into the form.
    await waitFor(() => expect(screen.getByLabelText('Your name')).toHaveValue('Alys Jones'));

    // Saving again now uses the new ETag and succeeds.
    await user.clear(screen.getByLabelText('Your name'));
    await user.type(screen.getByLabelText('Your name'), 'Alys Cymraeg');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Your profile has been saved.')).toBeInTheDocument();
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
    expect(JSON.parse(patches[1]!.body)).toEqual({ display_name: 'Alys Cymraeg', language: 'en' });
  });
});
