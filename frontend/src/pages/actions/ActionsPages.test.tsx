import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { PublicActionsPage } from '../public/PublicActionsPage';
import { ActionsBoardPage } from './ActionsBoardPage';
import { ProposeActionPage } from './ProposeActionPage';

const P = '11111111-1111-4111-8111-aaaaaaaaaaaa';
const ORG = '22222222-2222-4222-8222-222222222222';
const FORUM = '33333333-3333-4333-8333-333333333333';
const CAMPAIGN = '44444444-4444-4444-8444-444444444444';

const partnership = { id: P, name: 'Abermor Partnership', name_cy: 'Partneriaeth Abermor', description: null, member_count: 2, version: 1, created_at: '', updated_at: '' };

function makeAction(overrides: Record<string, unknown>) {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    partnership_id: P,
    title: { en: 'Evening appointments', cy: 'Apwyntiadau gyda’r nos' },
    description: { en: 'd', cy: null },
    summary: { en: null, cy: null },
    origin: 'service_user',
    status: 'proposed',
    closure_reason: null,
    standard_id: null,
    due_date: null,
    overdue: false,
    progress: 0,
    proposed_by_id: null,
    proposer_role: 'service_user',
    proposer_organisation_id: FORUM,
    evidence: [],
    responsibilities: [],
    support_count: 0,
    service_user_support_count: 0,
    service_user_support_share: null,
    supported_by_me: false,
    allowed_transitions: [],
    decided_at: null,
    completed_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 1,
    ...overrides,
  };
}

const serviceUser = makeUser({
  display_name: 'Sam',
  memberships: [{ id: 'm1', user_id: 'u', organisation_id: FORUM, role: 'service_user', created_at: '' }],
}) as unknown as User;

function commonRoutes() {
  return {
    'GET /api/v1/partnerships': () => json({ items: [partnership], next_cursor: null, next: null }),
    [`GET /api/v1/partnerships/${P}/members`]: () =>
      json({
        items: [
          { id: 'a', partnership_id: P, organisation_id: ORG, organisation_name: 'Health Board', organisation_kind: 'health_board', joined_at: '', left_at: null },
          { id: 'b', partnership_id: P, organisation_id: FORUM, organisation_name: 'Forum', organisation_kind: 'service_user_group', joined_at: '', left_at: null },
        ],
        next_cursor: null,
        next: null,
      }),
    'GET /api/v1/frameworks': () => json([]),
    [`GET /api/v1/organisations/${FORUM}`]: () =>
      json({ id: FORUM, name: 'Forum', name_cy: 'Fforwm', kind: 'service_user_group', code_scheme: null, code: null, is_active: true, version: 1, created_at: '', updated_at: '' }),
  };
}

describe('the actions board', () => {
  it('shows the columns by status, flags overdue in words, and filters through the address', async () => {
    const { requests } = mockApi({
      ...commonRoutes(),
      'GET /api/v1/actions': () =>
        json({
          items: [
            makeAction({ id: '55555555-5555-4555-8555-000000000001', status: 'in_progress', overdue: true, due_date: '2025-01-31', progress: 40 }),
            makeAction({ id: '55555555-5555-4555-8555-000000000002', title: { en: 'Welsh-speaking staff', cy: null } }),
          ],
          next_cursor: null,
          next: null,
        }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/actions" element={<ActionsBoardPage user={serviceUser} />} />
      </Routes>,
      { route: `/actions?view=columns&overdue=true&origin=service_user` },
    );
    const board = await screen.findByTestId('actions-board');
    const inProgress = within(board).getByRole('region', { name: /In progress/ });
    expect(within(inProgress).getByText('Evening appointments')).toBeInTheDocument();
    expect(within(inProgress).getByText(/Overdue: was due/)).toBeInTheDocument();
    expect(within(board).getByRole('region', { name: /Proposed/ })).toHaveTextContent('Welsh-speaking staff');
    const list = requests.find((r) => r.path === '/api/v1/actions');
    expect(list?.search.get('overdue')).toBe('true');
    expect(list?.search.get('origin')).toBe('service_user');
    expect(screen.getByRole('link', { name: 'List' })).toBeInTheDocument();
  });
});

describe('proposing an improvement', () => {
  it('a service user proposes from a survey question: evidence and origin are sent, then the action opens', async () => {
    const user = userEvent.setup();
    const { requests } = mockApi({
      ...commonRoutes(),
      [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => problem(404, { detail: 'hidden' }),
      'POST /api/v1/actions': () => json(makeAction({}), { status: 201 }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/actions/new" element={<ProposeActionPage user={serviceUser} />} />
        <Route path="/actions/:id" element={<p>Opened the action</p>} />
      </Routes>,
      { route: `/actions/new?campaign_id=${CAMPAIGN}&question_key=involved` },
    );
    await screen.findByRole('heading', { level: 1, name: 'Propose an improvement' });
    expect(screen.getByTestId('proposal-evidence')).toHaveTextContent('"involved"');
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(await screen.findByText('Enter a title in English or Welsh.', { selector: 'a' })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText('Title in English'), 'Be asked about my care');
    await user.type(screen.getByLabelText('What should change, and why, in English'), 'I was not involved.');
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    await screen.findByText('Opened the action');
    const post = requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      partnership_id: P,
      title: { en: 'Be asked about my care' },
      description: { en: 'I was not involved.' },
      origin: 'service_user',
      evidence: [{ kind: 'question', campaign_id: CAMPAIGN, question_key: 'involved' }],
      responsibilities: [],
    });
  });

  it('shows the API field problems beside the fields', async () => {
    const user = userEvent.setup();
    mockApi({
      ...commonRoutes(),
      'POST /api/v1/actions': () => problem(422, { errors: [{ field: 'body.due_date', message: 'must not be in the past' }] }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/actions/new" element={<ProposeActionPage user={serviceUser} />} />
      </Routes>,
      { route: `/actions/new` },
    );
    await user.type(await screen.findByLabelText('Title in English'), 'Title');
    await user.type(screen.getByLabelText('What should change, and why, in English'), 'Why');
    await user.click(screen.getByRole('button', { name: 'Send the proposal' }));
    await waitFor(() => expect(screen.getAllByText(/must not be in the past/).length).toBeGreaterThan(0));
  });
});

describe('the public "you said, we did" page', () => {
  it('groups actions, shows summaries and reasons in the chosen language, with no sign-in', async () => {
    mockApi({
      [`GET /api/v1/public/partnerships/${P}/actions`]: () =>
        json({
          partnership_name: { en: 'Abermor Partnership', cy: 'Partneriaeth Abermor' },
          actions: [
            {
              id: 'a1',
              title: { en: 'Evening appointments', cy: 'Apwyntiadau gyda’r nos' },
              summary: { en: 'You said evenings; we opened Tuesdays.', cy: 'Dywedoch chi gyda’r nos; agorwyd ar ddydd Mawrth.' },
              origin: 'service_user',
              status: 'in_progress',
              progress: 60,
              due_date: null,
              overdue: false,
              reason_not_taken_forward: null,
              organisations: [{ organisation_name: { en: 'Health Board', cy: 'Bwrdd Iechyd' }, role: 'lead' }],
              updates: [{ on: '2026-01-10', organisation_name: { en: 'Health Board', cy: 'Bwrdd Iechyd' }, note: { en: 'Pilot started', cy: 'Cynllun peilot wedi dechrau' }, percent: 60 }],
              support_count: 3,
              service_user_support_share: 1,
            },
            {
              id: 'a2',
              title: { en: 'Free parking', cy: 'Parcio am ddim' },
              summary: { en: null, cy: null },
              origin: 'service_user',
              status: 'not_taken_forward',
              progress: 0,
              due_date: null,
              overdue: false,
              reason_not_taken_forward: { en: 'The car park belongs to the council and is leased.', cy: 'Mae’r maes parcio yn eiddo i’r cyngor.' },
              organisations: [],
              updates: [],
              support_count: 0,
              service_user_support_share: null,
            },
          ],
        }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/public/partnerships/:partnershipId" element={<PublicActionsPage />} />
      </Routes>,
      { route: `/public/partnerships/${P}`, language: 'cy' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Dywedoch chi, gwnaethom ni' });
    const doing = screen.getByTestId('public-doing');
    expect(within(doing).getByText('Apwyntiadau gyda’r nos')).toBeInTheDocument();
    expect(within(doing).getByText('Cynllun peilot wedi dechrau')).toBeInTheDocument();
    expect(within(doing).getByText(/100%/)).toBeInTheDocument();
    expect(within(screen.getByTestId('public-not-taken')).getByText('Mae’r maes parcio yn eiddo i’r cyngor.')).toBeInTheDocument();
  });
});
