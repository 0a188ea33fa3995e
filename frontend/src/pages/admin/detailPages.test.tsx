import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { RequireAuth } from '../../auth/RequireAuth';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { ApiClientDetailPage } from './ApiClientDetailPage';
import { OrganisationDetailPage } from './OrganisationDetailPage';

const ORG = '22222222-2222-4222-8222-222222222222';
const CLIENT = '33333333-3333-4333-8333-333333333333';
const admin = makeUser({ is_platform_admin: true });

function organisation(version: number, name: string) {
  return {
    id: ORG,
    name,
    name_cy: null,
    kind: 'health_board',
    code: null,
    code_scheme: null,
    is_active: true,
    version,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
  };
}

function service(id: string, name: string, parent_id: string | null = null) {
  return { id, organisation_id: ORG, name, name_cy: null, kind: 'ward', code: null, parent_id, is_active: true, version: 1 };
}

describe('Admin detail pages (through the feature data modules)', () => {
  it('an organisation: its services from every page, a role taken away, and an edit that meets a conflict', async () => {
    let version = 3;
    let people = [
      { id: 'm1', user_id: 'u1', organisation_id: ORG, role: 'staff', user_display_name: 'Bryn', user_email: 'bryn@example.test' },
    ];
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(admin, { headers: { ETag: '"3"' } }),
      [`GET /api/v1/organisations/${ORG}`]: () =>
        json(organisation(version, version === 3 ? 'Bwrdd' : 'Bwrdd Iechyd'), { headers: { ETag: `"${version}"` } }),
      [`GET /api/v1/organisations/${ORG}/services`]: (request) =>
        request.search.get('cursor') === 'next'
          ? json({ items: [service('s2', 'Ward 2', 's1')], next_cursor: null })
          : json({ items: [service('s1', 'Hospital')], next_cursor: 'next' }),
      [`GET /api/v1/organisations/${ORG}/memberships`]: () => json({ items: people, next_cursor: null }),
      [`DELETE /api/v1/organisations/${ORG}/memberships/m1`]: () => {
        people = [];
        return new Response(null, { status: 204 });
      },
      [`PATCH /api/v1/organisations/${ORG}`]: (request) =>
        request.headers.get('If-Match') !== `"${version}"`
          ? problem(412, { title: 'Precondition failed' })
          : json(organisation(version + 1, 'Bwrdd Iechyd Cymru'), { headers: { ETag: `"${version + 1}"` } }),
    });
    await renderWithApp(
      <Routes>
        <Route
          path="/admin/organisations/:organisationId"
          element={<RequireAuth>{(user: User) => <OrganisationDetailPage user={user} />}</RequireAuth>}
        />
      </Routes>,
      { route: `/admin/organisations/${ORG}`, token: 'tok' },
    );
    const user = userEvent.setup();

    // The tree follows next_cursor: the ward sits under the hospital.
    const tree = await screen.findByTestId('service-tree');
    expect(within(tree).getByRole('link', { name: 'Hospital' }).closest('li')).toHaveTextContent('Ward 2');

    // Taking a role away reads the people again.
    await user.click(await screen.findByRole('button', { name: /^Remove/ }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove the role' }));
    expect(await screen.findByText('Nobody has a role in this organisation yet.')).toBeInTheDocument();

    // Someone else saves in between: 412, said as such, and the latest version is loaded.
    version = 4;
    const form = screen.getByRole('heading', { name: 'Change this organisation' }).closest('form')!;
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Bwrdd Iechyd Cymru');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Someone else changed this while you were editing it');
    await waitFor(() => expect(within(form).getByLabelText('Name')).toHaveValue('Bwrdd Iechyd'));

    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Bwrdd Iechyd Cymru');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Your changes have been saved.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'PATCH').map((r) => r.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
  });

  it('an API client: a failed rotation is shown until the next action, and revoking says so', async () => {
    let status = 'active';
    mockApi({
      'GET /api/v1/users/me': () => json(admin, { headers: { ETag: '"3"' } }),
      [`GET /api/v1/organisations/${ORG}`]: () => json(organisation(3, 'Bwrdd'), { headers: { ETag: '"3"' } }),
      [`GET /api/v1/api-clients/${CLIENT}`]: () =>
        json(
          {
            id: CLIENT,
            client_id: 'gw_client',
            name: 'Ward feed',
            organisation_id: ORG,
            scopes: ['read'],
            status,
            created_at: '2025-01-01T00:00:00Z',
            secret_rotated_at: null,
            last_used_at: null,
            revoked_at: status === 'revoked' ? '2025-02-01T00:00:00Z' : null,
            version: 1,
          },
          { headers: { ETag: '"1"' } },
        ),
      [`POST /api/v1/api-clients/${CLIENT}/rotate-secret`]: () => problem(503, { detail: 'The secret store is not answering.' }),
      [`POST /api/v1/api-clients/${CLIENT}/revoke`]: () => {
        status = 'revoked';
        return json({});
      },
    });
    await renderWithApp(
      <Routes>
        <Route path="/admin/api-clients/:apiClientId" element={<ApiClientDetailPage />} />
      </Routes>,
      { route: `/admin/api-clients/${CLIENT}`, token: 'tok' },
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Replace secret' }));
    await user.click(screen.getByRole('button', { name: 'Yes, replace it' }));
    expect(await screen.findByText('The secret store is not answering.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(screen.getByRole('button', { name: 'Yes, revoke it' }));
    expect(await screen.findByText('The API client has been revoked.')).toBeInTheDocument();
    expect(screen.queryByText('The secret store is not answering.')).not.toBeInTheDocument();
    // Read again: revoked, so nothing more to do with it.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Replace secret' })).not.toBeInTheDocument());
  });
});
