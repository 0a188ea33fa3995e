import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { PartnershipAccountabilityPage } from './AccountabilityPages';
import type { Action } from '../../features/actions/actionsModel';
import { EditActionForm } from './EditActionForm';
import { PartnershipLeads } from './PartnershipLeads';
import { ResponsibilitiesSection } from './ResponsibilitiesSection';

const P = '11111111-1111-4111-8111-aaaaaaaaaaaa';
const BOARD = '22222222-2222-4222-8222-222222222222';
const COUNCIL = '33333333-3333-4333-8333-333333333333';
const ACTION = '55555555-5555-4555-8555-555555555555';
const ME = '11111111-1111-4111-8111-111111111111';
const OTHER = '77777777-7777-4777-8777-777777777777';

function makeAction(overrides: Partial<Action> = {}): Action {
  return {
    id: ACTION,
    partnership_id: P,
    title: { en: 'Evening appointments', cy: null },
    description: { en: 'Open later on Tuesdays', cy: null },
    summary: { en: null, cy: null },
    origin: 'service_user',
    status: 'in_progress',
    closure_reason: null,
    standard_id: null,
    due_date: null,
    overdue: false,
    progress: 0,
    proposed_by_id: null,
    proposer_role: 'service_user',
    proposer_organisation_id: COUNCIL,
    evidence: [],
    responsibilities: [
      {
        id: 'r1',
        organisation_id: BOARD,
        organisation_name: 'Health Board',
        organisation_name_cy: 'Bwrdd Iechyd',
        role: 'lead',
        state: 'accepted',
        owner_id: ME,
        decision_note: null,
        decided_at: '2026-01-02T00:00:00Z',
        version: 4,
      },
    ],
    support_count: 0,
    service_user_support_count: 0,
    service_user_support_share: null,
    supported_by_me: false,
    allowed_transitions: [],
    decided_at: null,
    completed_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 7,
    ...overrides,
  };
}

const manager = makeUser({
  id: ME,
  display_name: 'Morgan Manager',
  memberships: [{ id: 'm1', user_id: ME, organisation_id: BOARD, role: 'manager', created_at: '' }],
}) as unknown as User;

const members = {
  items: [
    { id: 'a', partnership_id: P, organisation_id: BOARD, organisation_name: 'Health Board', organisation_kind: 'health_board', joined_at: '', left_at: null },
    { id: 'b', partnership_id: P, organisation_id: COUNCIL, organisation_name: 'City Council', organisation_kind: 'local_authority', joined_at: '', left_at: null },
  ],
  next_cursor: null,
  next: null,
};

function people(organisationId: string, list: [string, string][]) {
  return json({
    items: list.map(([id, name], i) => ({ id: `m${i}`, user_id: id, organisation_id: organisationId, role: 'staff', created_at: '', user_email: `${i}@x.test`, user_display_name: name })),
    next_cursor: null,
    next: null,
  });
}

describe('editing an action', () => {
  it('writes the public summary in English and Welsh, sending only the change with If-Match', async () => {
    const user = userEvent.setup();
    const { requests } = mockApi({
      'GET /api/v1/frameworks': () => json([]),
      [`PATCH /api/v1/actions/${ACTION}`]: () =>
        json(makeAction({ summary: { en: 'You said evenings; we opened Tuesdays.', cy: 'Dywedoch chi gyda’r nos.' }, version: 8 })),
    });
    await renderWithApp(<EditActionForm action={makeAction()} />);
    await user.click(screen.getByText('Edit the action'));
    await user.type(screen.getByLabelText('"You said, we did" summary in English'), 'You said evenings; we opened Tuesdays.');
    await user.type(screen.getByLabelText('"You said, we did" summary in Welsh'), 'Dywedoch chi gyda’r nos.');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('The action has been saved.');
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"7"');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({
      summary: { en: 'You said evenings; we opened Tuesdays.', cy: 'Dywedoch chi gyda’r nos.' },
    });
  });

  it('checks before sending: an empty title is refused without a request', async () => {
    const user = userEvent.setup();
    const { requests } = mockApi({ 'GET /api/v1/frameworks': () => json([]) });
    await renderWithApp(<EditActionForm action={makeAction()} />);
    await user.click(screen.getByText('Edit the action'));
    await user.clear(screen.getByLabelText('Title in English'));
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('Enter a title in English or Welsh.', { selector: 'a' })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('explains a 412 (someone else saved first) and reloads the action', async () => {
    const user = userEvent.setup();
    const { requests } = mockApi({
      'GET /api/v1/frameworks': () => json([]),
      [`PATCH /api/v1/actions/${ACTION}`]: () => problem(412, { detail: 'The record is at version 9' }),
    });
    const { client } = await renderWithApp(<EditActionForm action={makeAction()} />);
    client.setQueryData(['actions', ACTION], makeAction());
    await user.click(screen.getByText('Edit the action'));
    const due = within(screen.getByRole('group', { name: 'Due date (optional)' }));
    await user.type(due.getByLabelText('Day'), '30');
    await user.type(due.getByLabelText('Month'), '9');
    await user.type(due.getByLabelText('Year'), '2026');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText(/Someone else changed this while you were editing it/)).toBeInTheDocument();
    expect(JSON.parse(requests.find((r) => r.method === 'PATCH')?.body ?? '{}')).toEqual({ due_date: '2026-09-30' });
    await waitFor(() => expect(client.getQueryState(['actions', ACTION])?.isInvalidated).toBe(true));
  });
});

describe("changing an organisation's owner after acceptance", () => {
  it('lets the organisation’s manager hand the part to another person, with If-Match', async () => {
    const user = userEvent.setup();
    const { requests } = mockApi({
      [`GET /api/v1/organisations/${BOARD}/memberships`]: () => people(BOARD, [[ME, 'Morgan Manager'], [OTHER, 'Sian Staff']]),
      [`GET /api/v1/partnerships/${P}/members`]: () => json(members),
      [`PATCH /api/v1/actions/${ACTION}/responsibilities/${BOARD}`]: () =>
        json({ ...makeAction().responsibilities[0], owner_id: OTHER, version: 5 }),
      [`GET /api/v1/actions/${ACTION}`]: () => json(makeAction()),
    });
    await renderWithApp(<ResponsibilitiesSection action={makeAction()} user={manager} />);
    const part = screen.getByTestId('responsibility');
    await user.click(within(part).getByText('Change the owner'));
    const select = within(part).getByLabelText('New owner');
    await within(part).findByRole('option', { name: 'Sian Staff' });
    await user.click(within(part).getByRole('button', { name: 'Save the owner' }));
    expect(await within(part).findByText('Choose someone other than the current owner.', { selector: 'a' })).toBeInTheDocument();
    await user.selectOptions(select, OTHER);
    await user.click(within(part).getByRole('button', { name: 'Save the owner' }));
    await within(part).findByText('The owner has been changed.');
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"4"');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ owner_id: OTHER });
  });

  it('is not offered to people who do not manage the organisation', async () => {
    mockApi({ [`GET /api/v1/partnerships/${P}/members`]: () => json(members) });
    const staff = makeUser({ memberships: [{ id: 'm', user_id: ME, organisation_id: BOARD, role: 'staff', created_at: '' }] }) as unknown as User;
    await renderWithApp(<ResponsibilitiesSection action={makeAction()} user={staff} />);
    expect(screen.queryByText('Change the owner')).not.toBeInTheDocument();
  });
});

describe('partnership leads', () => {
  const existing = {
    id: 'l1',
    partnership_id: P,
    user_id: OTHER,
    display_name: 'Carys Council',
    organisation_id: COUNCIL,
    organisation_name: 'City Council',
    appointed_at: '2026-01-05T00:00:00Z',
  };

  it('lists leads; an administrator appoints a person of their organisation', async () => {
    const user = userEvent.setup();
    let leads = [existing];
    const admin = makeUser({ id: ME, memberships: [{ id: 'm', user_id: ME, organisation_id: BOARD, role: 'admin', created_at: '' }] }) as unknown as User;
    const { requests } = mockApi({
      [`GET /api/v1/partnerships/${P}/leads`]: () => json(leads),
      [`GET /api/v1/partnerships/${P}/members`]: () => json(members),
      [`GET /api/v1/organisations/${BOARD}/memberships`]: () => people(BOARD, [[ME, 'Alys Admin'], ['88888888-8888-4888-8888-888888888888', 'Morgan Manager']]),
      [`POST /api/v1/partnerships/${P}/leads`]: (request) => {
        const body = JSON.parse(request.body) as { user_id: string; organisation_id: string };
        const added = { ...existing, id: 'l2', user_id: body.user_id, organisation_id: body.organisation_id, display_name: 'Morgan Manager', organisation_name: 'Health Board' };
        leads = [...leads, added];
        return json(added, { status: 201 });
      },
    });
    await renderWithApp(<PartnershipLeads partnershipId={P} user={admin} />);
    const table = await screen.findByTestId('leads-table');
    expect(within(table).getByText('Carys Council')).toBeInTheDocument();
    // Not an administrator of the council, nor a lead: no removing its lead.
    expect(within(table).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    const form = screen.getByTestId('appoint-lead');
    // Only the organisation they administer is offered, and chosen already.
    expect(within(form).getByLabelText('Organisation')).toHaveValue(BOARD);
    await user.click(within(form).getByRole('button', { name: 'Appoint as lead' }));
    expect(await within(form).findByText('Choose the person to appoint.', { selector: 'a' })).toBeInTheDocument();
    await within(form).findByRole('option', { name: 'Morgan Manager' });
    await user.selectOptions(within(form).getByLabelText('Person'), '88888888-8888-4888-8888-888888888888');
    await user.click(within(form).getByRole('button', { name: 'Appoint as lead' }));
    await screen.findByText('Morgan Manager is now a lead of the partnership.');
    expect(JSON.parse(requests.find((r) => r.method === 'POST')?.body ?? '{}')).toEqual({
      user_id: '88888888-8888-4888-8888-888888888888',
      organisation_id: BOARD,
    });
    await waitFor(() => expect(screen.getAllByTestId('lead')).toHaveLength(2));
  });

  it('a lead steps down after confirming', async () => {
    const user = userEvent.setup();
    let leads = [{ ...existing, user_id: ME, display_name: 'Morgan Manager', organisation_id: BOARD, organisation_name: 'Health Board' }];
    const { requests } = mockApi({
      [`GET /api/v1/partnerships/${P}/leads`]: () => json(leads),
      [`GET /api/v1/partnerships/${P}/members`]: () => json(members),
      [`GET /api/v1/organisations/${BOARD}/memberships`]: () => people(BOARD, [[ME, 'Morgan Manager']]),
      [`DELETE /api/v1/partnerships/${P}/leads/${ME}`]: () => {
        leads = [];
        return new Response(null, { status: 204 });
      },
    });
    await renderWithApp(<PartnershipLeads partnershipId={P} user={manager} />);
    await user.click(await screen.findByRole('button', { name: 'Step down' }));
    await user.click(screen.getByRole('button', { name: 'Yes, step down' }));
    await screen.findByText('You are no longer a lead of the partnership.');
    await screen.findByText('The partnership has no leads yet.');
    expect(requests.some((r) => r.method === 'DELETE')).toBe(true);
  });
});

describe('the printable report', () => {
  const createObjectURL = vi.fn(() => 'blob:gwella/report');
  const revokeObjectURL = vi.fn();
  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    createObjectURL.mockClear();
  });

  function accountabilityRoutes() {
    return {
      [`GET /api/v1/partnerships/${P}`]: () => json({ id: P, name: 'Abermor Partnership', name_cy: null, description: null, member_count: 2, version: 1, created_at: '', updated_at: '' }),
      [`GET /api/v1/partnerships/${P}/action-accountability`]: () =>
        json({ partnership_id: P, total: 0, overdue: 0, by_status: {}, by_standard: [], organisations: [] }),
      [`GET /api/v1/partnerships/${P}/leads`]: () => json([]),
      [`GET /api/v1/partnerships/${P}/members`]: () => json(members),
    };
  }

  it('opens in a new tab from a blob URL, fetched with the token', async () => {
    const user = userEvent.setup();
    const tab = { closed: false, close: vi.fn(), location: { href: '' } };
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const { requests } = mockApi({
      ...accountabilityRoutes(),
      [`GET /api/v1/partnerships/${P}/report`]: () => new Response('<h1>Report</h1>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/partnerships/:partnershipId/actions/accountability" element={<PartnershipAccountabilityPage user={manager} />} />
      </Routes>,
      { route: `/partnerships/${P}/actions/accountability`, token: 'secret-token' },
    );
    await user.click(await screen.findByRole('button', { name: 'Open the printable report' }));
    await screen.findByText('The report has opened in a new tab.');
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(tab.location.href).toBe('blob:gwella/report');
    const report = requests.find((r) => r.path.endsWith('/report'));
    expect(report?.headers.get('Authorization')).toBe('Bearer secret-token');
    expect(report?.search.get('period_start')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByRole('link', { name: /Open the report/ })).toHaveAttribute('href', 'blob:gwella/report');
    expect(screen.getByRole('button', { name: 'Download the report (HTML)' })).toBeInTheDocument();
  });

  it('closes the empty tab and says why when the API refuses', async () => {
    const user = userEvent.setup();
    const tab = { closed: false, close: vi.fn(), location: { href: '' } };
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    mockApi({
      ...accountabilityRoutes(),
      [`GET /api/v1/partnerships/${P}/report`]: () => problem(403, { detail: 'Only members of the partnership can read its report.' }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/partnerships/:partnershipId/actions/accountability" element={<PartnershipAccountabilityPage user={manager} />} />
      </Routes>,
      { route: `/partnerships/${P}/actions/accountability` },
    );
    await user.click(await screen.findByRole('button', { name: 'Open the printable report' }));
    expect(await screen.findByText('Only members of the partnership can read its report.')).toBeInTheDocument();
    expect(tab.close).toHaveBeenCalled();
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
