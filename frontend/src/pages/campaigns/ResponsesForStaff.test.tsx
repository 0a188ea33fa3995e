import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { ResponsesPage } from './ResponsesPage';

// A service user who types /campaigns/<id>/responses got three 403 error boxes and the staff's
// moderation instructions; they are told plainly who sees responses and where the results are.
const CAMPAIGN = '44444444-4444-4444-8444-444444444444';
const ORG = '22222222-2222-4222-8222-222222222222';
const serviceUser = makeUser({ memberships: [{ id: 'm', user_id: 'u', organisation_id: ORG, role: 'service_user', created_at: '' }] }) as User;

describe('the responses page for someone who is not staff', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['en' as const, 'Responses are seen only by the staff of the organisations whose services took part.', 'See the results'],
    ['cy' as const, "Dim ond staff y sefydliadau y cymerodd eu gwasanaethau ran sy'n gweld yr ymatebion.", 'Gweld y canlyniadau'],
  ])('says who sees them and links to the results, asking nothing the server refuses (%s)', async (language, sentence, link) => {
    const refuse = () => problem(403, { title: 'Forbidden', detail: 'Raw responses are for staff of the services they came from; see the results instead.' });
    const { requests } = mockApi({
      [`GET /api/v1/campaigns/${CAMPAIGN}/responses`]: refuse,
      [`GET /api/v1/campaigns/${CAMPAIGN}/comments`]: refuse,
      [`GET /api/v1/campaigns/${CAMPAIGN}/held-responses`]: refuse,
    });
    await renderWithApp(
      <Routes>
        <Route path="/campaigns/:campaignId/responses" element={<ResponsesPage user={serviceUser} />} />
      </Routes>,
      { route: `/campaigns/${CAMPAIGN}/responses`, language },
    );
    expect(await screen.findByTestId('responses-for-staff')).toHaveTextContent(sentence);
    expect(screen.getByRole('link', { name: link })).toHaveAttribute('href', `/campaigns/${CAMPAIGN}/results`);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.queryByTestId('moderation')).toBeNull();
    expect(requests.filter((r) => r.path.startsWith(`/api/v1/campaigns/${CAMPAIGN}/`))).toEqual([]);
  });
});
