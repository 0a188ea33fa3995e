import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { codeCount, svgDataUrl } from './AccessCodes';
import { CampaignPage } from './CampaignPage';
import { ResponsesPage } from './ResponsesPage';

const ORG = '22222222-2222-4222-8222-222222222222';
const CAMPAIGN = '33333333-3333-4333-8333-333333333333';
const VERSION = '77777777-7777-4777-8777-777777777777';
const NORTH = '88888888-8888-4888-8888-888888888888';
const WEST = '99999999-9999-4999-8999-999999999999';
const BATCH = '44444444-4444-4444-8444-444444444444';

const campaign = {
  id: CAMPAIGN,
  organisation_id: ORG,
  instrument_id: '66666666-6666-4666-8666-666666666666',
  instrument_version_id: VERSION,
  name: 'Spring survey',
  opens_at: '2025-03-01T00:00:00Z',
  closes_at: '2025-06-01T00:00:00Z',
  state: 'open',
  channels: ['web'],
  anonymity: 'anonymous',
  min_cell_size: 5,
  languages: ['en', 'cy'],
  requires_access_code: true,
  service_ids: [NORTH, WEST],
  response_count: null,
  created_by_id: null,
  version: 1,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

const link = (service_id: string, service_name: string, response_count: number | null) => ({
  service_id,
  service_name,
  organisation_id: ORG,
  public_token: `tok-${service_name}`,
  url: `http://x/s/tok-${service_name}`,
  qr_svg_url: `/qr-${service_id}.svg`,
  response_count,
});

/** A QR code's SVG with markup that must never reach the page as markup. */
const QR = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Arolwg â</title><script>alert(1)</script><path d="M0 0h1"/></svg>';

const batch = (revoked_at: string | null = null) => ({
  id: BATCH,
  campaign_id: CAMPAIGN,
  service_id: WEST,
  label: 'Cards for the Tuesday clinic',
  size: 2,
  created_at: '2025-03-10T09:00:00Z',
  revoked_at,
});

const emptyPage = { items: [], next_cursor: null, next: null };

function runner(): User {
  return makeUser({ memberships: [{ id: 'm', user_id: 'u', organisation_id: ORG, role: 'manager', created_at: '2025-01-01T00:00:00Z' }] }) as User;
}

async function renderCampaign(user: User) {
  return renderWithApp(
    <Routes>
      <Route path="/campaigns/:campaignId" element={<CampaignPage user={user} />} />
    </Routes>,
    { route: `/campaigns/${CAMPAIGN}`, token: 'tok' },
  );
}

describe('access code helpers', () => {
  it('makes a base64 data: URL of any SVG, Welsh letters included', () => {
    const url = svgDataUrl(QR);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(url.split(',')[1] ?? ''), (c) => c.charCodeAt(0)));
    expect(decoded).toBe(QR);
  });

  it('takes a whole number of codes from 1 to 1000', () => {
    expect(codeCount(' 20 ')).toBe(20);
    expect(codeCount('1000')).toBe(1000);
    expect(codeCount('0')).toBeNull();
    expect(codeCount('1001')).toBeNull();
    expect(codeCount('2.5')).toBeNull();
    expect(codeCount('')).toBeNull();
  });
});

describe('the campaign page', () => {
  it('shows held-back counts as such, and lets the campaign’s runner make, print and revoke access codes', async () => {
    let batches = [] as ReturnType<typeof batch>[];
    const { requests } = mockApi({
      [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => json(campaign),
      [`GET /api/v1/campaigns/${CAMPAIGN}/links`]: () => json([link(NORTH, 'North CMHT', 12), link(WEST, 'West CMHT', null)]),
      [`GET /api/v1/campaigns/${CAMPAIGN}/held-responses`]: () => json(emptyPage),
      [`GET /api/v1/campaigns/${CAMPAIGN}/access-codes`]: () => json(batches),
      [`POST /api/v1/campaigns/${CAMPAIGN}/access-codes`]: () => {
        batches = [batch()];
        return json(
          {
            batch: batch(),
            codes: [
              { code: 'KMQ7R-XT3WA', url: 'http://x/s/tok-West CMHT?code=KMQ7R-XT3WA', qr_svg: QR },
              { code: 'ACDEF-GHJKM', url: 'http://x/s/tok-West CMHT?code=ACDEF-GHJKM', qr_svg: QR },
            ],
          },
          { status: 201 },
        );
      },
      [`POST /api/v1/campaigns/${CAMPAIGN}/access-codes/${BATCH}/revoke`]: () => {
        batches = [batch('2025-03-11T09:00:00Z')];
        return json(batches[0]);
      },
      [`GET /qr-${NORTH}.svg`]: () => new Response(QR, { headers: { 'Content-Type': 'image/svg+xml' } }),
      [`GET /qr-${WEST}.svg`]: () => new Response(QR, { headers: { 'Content-Type': 'image/svg+xml' } }),
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const user = userEvent.setup();
    await renderCampaign(runner());
    await screen.findByRole('heading', { level: 1, name: 'Spring survey' });
    expect(screen.getByTestId('response-count')).toHaveTextContent('Held back');
    expect(screen.getByTestId('requires-access-code')).toHaveTextContent('Every web respondent needs a single-use access code');
    const links = await screen.findByTestId('campaign-links');
    expect(links).toHaveTextContent('Responses counted through this link: 12.');
    expect(links).toHaveTextContent('Responses counted through this link: Held back.');

    // Make a batch for the West team.
    const section = await screen.findByTestId('access-codes');
    await within(section).findByText('No access codes have been made for this campaign yet.');
    await user.selectOptions(within(section).getByLabelText('Service'), WEST);
    await user.clear(within(section).getByLabelText('How many codes'));
    await user.type(within(section).getByLabelText('How many codes'), '0');
    await user.click(within(section).getByRole('button', { name: 'Make the codes' }));
    expect(await within(section).findByRole('link', { name: 'Enter a whole number from 1 to 1,000.' })).toHaveAttribute('href', '#access-codes-count');
    await user.clear(within(section).getByLabelText('How many codes'));
    await user.type(within(section).getByLabelText('How many codes'), '2');
    await user.type(within(section).getByLabelText('Label (optional)'), 'Cards for the Tuesday clinic');
    await user.click(within(section).getByRole('button', { name: 'Make the codes' }));

    const cards = await within(section).findByTestId('access-code-cards');
    expect(JSON.parse(requests.find((r) => r.method === 'POST')!.body)).toEqual({ service_id: WEST, count: 2, label: 'Cards for the Tuesday clinic' });
    expect(within(section).getByText('These codes are shown only this once')).toBeInTheDocument();
    const card = within(cards).getAllByTestId('access-code-card');
    expect(card).toHaveLength(2);
    expect(card[0]).toHaveTextContent('Spring survey');
    expect(card[0]).toHaveTextContent('West CMHT');
    expect(within(card[0]!).getByTestId('access-code')).toHaveTextContent('KMQ7R-XT3WA');
    expect(card[0]).toHaveTextContent('http://x/s/tok-West CMHT?code=KMQ7R-XT3WA');
    // Bilingual, whatever the page's language.
    expect(card[0]).toHaveTextContent('Your access code / Eich cod mynediad');
    // The QR code is an image from a data: URL; its markup is never in the page.
    const qr = within(card[0]!).getByRole('img', { name: 'QR code that opens the survey with the code KMQ7R-XT3WA' });
    expect(qr.getAttribute('src')).toBe(svgDataUrl(QR));
    expect(document.querySelector('main script, [data-testid="access-code-cards"] svg, .app-print-sheet svg')).toBeNull();
    // A copy for the printer sits beside the app, out of the accessibility tree.
    expect(document.querySelector('body > .app-print-sheet [data-testid="access-code-card"]')).not.toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Print cards' }));
    expect(print).toHaveBeenCalledTimes(1);

    // The batch is listed; revoking asks first.
    const table = await within(section).findByTestId('access-code-batches');
    const row = within(table).getByTestId('access-code-batch');
    expect(row).toHaveTextContent('Cards for the Tuesday clinic');
    expect(row).toHaveTextContent('West CMHT');
    expect(row).toHaveTextContent('10 March 2025');
    await user.click(within(row).getByRole('button', { name: /^Revoke\s*Cards for the Tuesday clinic$/ }));
    expect(requests.some((r) => r.path.endsWith('/revoke'))).toBe(false);
    await user.click(within(row).getByRole('button', { name: 'Yes, revoke them' }));
    await within(section).findByText('The batch has been revoked: its unused codes no longer work.');
    await waitFor(() => expect(within(within(section).getByTestId('access-code-batch')).getByText('Revoked on 11 March 2025')).toBeInTheDocument());

    // Hiding the codes asks first, and takes the printable copy away too.
    await user.click(within(section).getByRole('button', { name: 'Hide the codes' }));
    await user.click(within(section).getByRole('button', { name: 'Yes, hide them' }));
    await waitFor(() => expect(within(section).queryByTestId('access-code-cards')).not.toBeInTheDocument());
    expect(document.querySelector('.app-print-sheet')).toBeNull();
    print.mockRestore();
  });

  it('shows neither links nor access codes to someone the links endpoint refuses, and no error', async () => {
    mockApi({
      [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => json({ ...campaign, requires_access_code: false, response_count: 14 }),
      [`GET /api/v1/campaigns/${CAMPAIGN}/links`]: () => problem(403, { title: 'Forbidden' }),
      [`GET /api/v1/campaigns/${CAMPAIGN}/held-responses`]: () => problem(403, { title: 'Forbidden' }),
    });
    await renderCampaign(makeUser() as User);
    await screen.findByRole('heading', { level: 1, name: 'Spring survey' });
    expect(screen.getByTestId('response-count')).toHaveTextContent('14');
    expect(screen.getByTestId('requires-access-code')).toHaveTextContent('Not required');
    await waitFor(() => expect(screen.queryByText('Loading…')).not.toBeInTheDocument());
    expect(screen.queryByRole('heading', { name: 'Links and QR codes' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('access-codes')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('held responses', () => {
  const held = (id: string, service_id: string, involved: string) => ({
    id,
    campaign_id: CAMPAIGN,
    service_id,
    instrument_version_id: VERSION,
    channel: 'web',
    language: 'en',
    submitted_at: '2025-03-12T00:00:00Z',
    respondent_reference: null,
    entered_by_id: null,
    held: true,
    answers: [{ id: `${id}-a`, question_key: 'has_plan', value: involved, moderation: null }],
  });
  const H1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
  const H2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

  it('explains why answers are held, and approves or (after asking) rejects the ones selected', async () => {
    let waiting = [held(H1, NORTH, 'yes'), held(H2, NORTH, 'no')];
    const { requests } = mockApi({
      [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => json(campaign),
      [`GET /api/v1/instrument-versions/${VERSION}`]: () =>
        json({ id: VERSION, content: { sections: [], questions: [{ key: 'has_plan', type: 'yes_no', text: { en: 'Do you have a care plan?', cy: 'Oes gennych gynllun gofal?' }, required: true, options: [], conditions: [] }] } }),
      [`GET /api/v1/campaigns/${CAMPAIGN}/held-responses`]: () => json({ items: waiting, next_cursor: null, next: null }),
      [`POST /api/v1/campaigns/${CAMPAIGN}/held-responses/decision`]: (request) => {
        const body = JSON.parse(request.body) as { response_ids: string[]; decision: 'approve' | 'reject' };
        waiting = waiting.filter((r) => !body.response_ids.includes(r.id));
        return json({ decided: body.response_ids.length, decision: body.decision });
      },
      [`GET /api/v1/services/${NORTH}`]: () =>
        json({ id: NORTH, organisation_id: ORG, parent_id: null, name: 'North CMHT', name_cy: 'Tîm y Gogledd', kind: 'community_team', code: null, is_active: true, version: 1, created_at: '', updated_at: '' }),
      [`GET /api/v1/campaigns/${CAMPAIGN}/comments`]: () => json(emptyPage),
      [`GET /api/v1/campaigns/${CAMPAIGN}/responses`]: () => json(emptyPage),
    });
    const user = userEvent.setup();
    await renderWithApp(
      <Routes>
        <Route path="/campaigns/:campaignId/responses" element={<ResponsesPage user={runner()} />} />
      </Routes>,
      { route: `/campaigns/${CAMPAIGN}/responses`, token: 'tok' },
    );
    const section = await screen.findByTestId('held-responses');
    expect(section).toHaveTextContent('a shared tablet in a waiting room, or someone answering again and again');
    expect(await screen.findByText(/appear here only once they are counted in a release of results \(at least 5 at a time/)).toBeInTheDocument();
    expect(await within(section).findAllByLabelText('Answered on 12 March 2025, North CMHT')).toHaveLength(2);
    const boxes = within(section).getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(within(section).getAllByText('Do you have a care plan?')).toHaveLength(2);
    expect(within(section).getByText('Yes')).toBeInTheDocument();

    // Nothing selected: nothing is sent.
    await user.click(within(section).getByRole('button', { name: 'Approve selected' }));
    expect(await within(section).findByText('Select at least one response first.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(boxes[0]!);
    await user.click(within(section).getByRole('button', { name: 'Approve selected' }));
    await within(section).findByText('Approved: 1. They will count at the next release of results.');
    expect(JSON.parse(requests.filter((r) => r.method === 'POST')[0]!.body)).toEqual({ response_ids: [H1], decision: 'approve' });
    await waitFor(() => expect(within(section).getAllByRole('checkbox')).toHaveLength(1));

    // Rejecting deletes: it asks first.
    await user.click(within(section).getByRole('button', { name: 'Select all' }));
    await user.click(within(section).getByRole('button', { name: 'Reject selected' }));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(within(section).getByText('The selected responses (1) will be deleted and never counted. This cannot be undone.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Yes, reject them' }));
    await within(section).findByText('Rejected and deleted: 1.');
    expect(JSON.parse(requests.filter((r) => r.method === 'POST')[1]!.body)).toEqual({ response_ids: [H2], decision: 'reject' });
    await within(section).findByText('No responses are waiting for approval.');
  });
});
