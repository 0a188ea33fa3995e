import { screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { Layout } from '../../components/Layout';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { CampaignPage } from '../campaigns/CampaignPage';
import { HomePage } from '../HomePage';
import { ResultsIndexPage } from './ResultsIndexPage';

const FORUM = '22222222-2222-4222-8222-222222222222';
const CAMPAIGN = '33333333-3333-4333-8333-333333333333';

const campaign = {
  id: CAMPAIGN,
  organisation_id: '44444444-4444-4444-8444-444444444444',
  instrument_id: '66666666-6666-4666-8666-666666666666',
  instrument_version_id: '77777777-7777-4777-8777-777777777777',
  name: 'Spring survey',
  name_cy: 'Arolwg y gwanwyn',
  opens_at: '2025-03-01T00:00:00Z',
  closes_at: '2025-06-01T00:00:00Z',
  state: 'open',
  channels: ['web'],
  anonymity: 'anonymous',
  min_cell_size: 5,
  languages: ['en', 'cy'],
  requires_access_code: false,
  service_ids: [],
  response_count: null,
  created_by_id: null,
  version: 1,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

function member(role: string): User {
  return makeUser({
    display_name: 'Sam Service',
    memberships: [{ id: 'm', user_id: 'u', organisation_id: FORUM, role, created_at: '2025-01-01T00:00:00Z' }],
  }) as User;
}

const serviceUser = member('service_user');

describe('results for service users', () => {
  it('lists the surveys the API lets them see, each linking to its results page', async () => {
    mockApi({ 'GET /api/v1/campaigns': () => json({ items: [campaign], next_cursor: null, next: null }) });
    await renderWithApp(<ResultsIndexPage />);
    const list = await screen.findByTestId('results-index');
    const link = within(list).getByRole('link', { name: 'See the results of Spring survey' });
    expect(link).toHaveAttribute('href', `/campaigns/${CAMPAIGN}/results`);
  });

  it('lists them in Welsh with the Welsh survey name', async () => {
    mockApi({ 'GET /api/v1/campaigns': () => json({ items: [campaign], next_cursor: null, next: null }) });
    await renderWithApp(<ResultsIndexPage />, { language: 'cy' });
    const cyLink = await screen.findByRole('link', { name: 'Gweld canlyniadau Arolwg y gwanwyn' });
    expect(cyLink).toHaveAttribute('href', `/campaigns/${CAMPAIGN}/results`);
    expect(screen.getByRole('heading', { level: 1, name: 'Canlyniadau' })).toBeInTheDocument();
  });

  it('says plainly when there are no results to see', async () => {
    mockApi({ 'GET /api/v1/campaigns': () => json({ items: [], next_cursor: null, next: null }) });
    await renderWithApp(<ResultsIndexPage />);
    expect(await screen.findByText('There are no survey results for you to see yet.')).toBeInTheDocument();
  });

  it('gives a service user a Results entry in the header instead of Campaigns, and staff Campaigns', async () => {
    mockApi({
      'GET /api/v1/users/me': () => json(serviceUser, { headers: { ETag: '"3"' } }),
      'GET /api/v1/notifications': () => json({ items: [], next_cursor: null, next: null }),
    });
    await renderWithApp(
      <Layout>
        <h1>Test page</h1>
      </Layout>,
      { token: 'tok' },
    );
    const nav = await screen.findByRole('navigation', { name: 'Menu' });
    expect(within(nav).getByRole('link', { name: 'Results' })).toHaveAttribute('href', '/results');
    expect(within(nav).queryByRole('link', { name: 'Campaigns' })).not.toBeInTheDocument();
  });

  it('links to the results from a service user’s home page', async () => {
    mockApi({ [`GET /api/v1/organisations/${FORUM}`]: () => json({ id: FORUM, name: 'Forum', name_cy: null }) });
    await renderWithApp(<HomePage user={serviceUser} />);
    expect(screen.getByRole('link', { name: 'See the results of surveys, and propose an improvement from them' })).toHaveAttribute(
      'href',
      '/results',
    );
  });

  it('shows a service user the campaign without asking for raw responses, and no error', async () => {
    const { requests } = mockApi({
      [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => json(campaign),
      'GET /api/v1/users/me': () => json(serviceUser, { headers: { ETag: '"3"' } }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/campaigns/:campaignId" element={<CampaignPage user={serviceUser} />} />
      </Routes>,
      { route: `/campaigns/${CAMPAIGN}`, token: 'tok' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Spring survey' });
    expect(screen.getByRole('link', { name: 'See the results' })).toHaveAttribute('href', `/campaigns/${CAMPAIGN}/results`);
    expect(screen.queryByRole('link', { name: /responses/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Loading…')).not.toBeInTheDocument());
    // Raw, held and link data are for staff: a service user's page never asks (nor is refused).
    expect(requests.map((r) => r.path).filter((path) => path.startsWith(`/api/v1/campaigns/${CAMPAIGN}/`))).toEqual([]);
  });

  it('says in a plain sentence, not an error box, when a campaign is not visible to them', async () => {
    mockApi({ [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => problem(404, { detail: 'No campaign with that id is visible to you.' }) });
    await renderWithApp(
      <Routes>
        <Route path="/campaigns/:campaignId" element={<CampaignPage user={serviceUser} />} />
      </Routes>,
      { route: `/campaigns/${CAMPAIGN}`, token: 'tok', language: 'cy' },
    );
    expect(await screen.findByTestId('campaign-not-visible')).toHaveTextContent('Allwch chi ddim gweld yr arolwg hwn.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rhowch gynnig arall arni' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Gweld yr arolygon y gallwch chi weld eu canlyniadau' })).toHaveAttribute('href', '/results'));
  });
});
