import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { json, makeUser, mockApi, renderWithApp } from '../../test/utils';
import { decidableTransitions, type Action, type Responsibility } from '../../features/actions/actionsModel';
import { StatusSection } from './StatusChangeForm';

// The status form is offered only to those changeActionStatus lets through (issue: a
// supporting organisation's manager was offered it and always got 403).
const P = '11111111-1111-4111-8111-aaaaaaaaaaaa';
const BOARD = '22222222-2222-4222-8222-222222222222';
const COUNCIL = '33333333-3333-4333-8333-333333333333';
const ACTION = '55555555-5555-4555-8555-555555555555';

function part(organisation_id: string, role: 'lead' | 'supporting', name: string, name_cy: string): Responsibility {
  return { id: `r-${organisation_id}`, organisation_id, organisation_name: name, organisation_name_cy: name_cy, role, state: 'accepted', owner_id: null, decision_note: null, decided_at: null, version: 1 };
}

function makeAction(overrides: Partial<Action> = {}): Action {
  return {
    id: ACTION,
    partnership_id: P,
    title: { en: 'Evening appointments', cy: null },
    description: { en: 'Open later', cy: null },
    summary: { en: null, cy: null },
    origin: 'staff',
    status: 'in_progress',
    closure_reason: null,
    standard_id: null,
    due_date: null,
    overdue: false,
    progress: 0,
    proposed_by_id: null,
    proposer_role: 'staff',
    proposer_organisation_id: BOARD,
    evidence: [],
    responsibilities: [part(BOARD, 'lead', 'Health Board', 'Bwrdd Iechyd'), part(COUNCIL, 'supporting', 'City Council', 'Cyngor y Ddinas')],
    support_count: 0,
    service_user_support_count: 0,
    service_user_support_share: null,
    supported_by_me: false,
    allowed_transitions: ['completed', 'not_taken_forward'],
    decided_at: null,
    completed_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 3,
    ...overrides,
  };
}

function managerOf(id: string, organisationId: string): User {
  return makeUser({ id, memberships: [{ id: `m-${id}`, user_id: id, organisation_id: organisationId, role: 'manager', created_at: '' }] }) as unknown as User;
}

const councilManager = managerOf('99999999-9999-4999-8999-999999999999', COUNCIL);
const boardManager = managerOf('88888888-8888-4888-8888-888888888888', BOARD);

describe('who may change an action’s status', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a supporting organisation’s manager reads who decides instead of a form the server refuses', async () => {
    mockApi({});
    await renderWithApp(<StatusSection action={makeAction()} user={councilManager} />);
    expect(await screen.findByTestId('who-decides')).toHaveTextContent(
      'The status of this action is changed by the administrators and managers of Health Board, the lead organisation.',
    );
    expect(screen.queryByTestId('status-form')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the lead organisation’s manager is offered the moves the workflow allows', async () => {
    mockApi({});
    await renderWithApp(<StatusSection action={makeAction()} user={boardManager} />);
    expect(await screen.findByTestId('status-form')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Completed' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Not taken forward' })).toBeInTheDocument();
    expect(screen.queryByTestId('who-decides')).toBeNull();
  });

  it('agreeing is for any organisation taking part: the supporting manager is offered only that', async () => {
    const { requests } = mockApi({ [`GET /api/v1/partnerships/${P}/leads`]: () => json([]) });
    const action = makeAction({ status: 'under_review', allowed_transitions: ['agreed', 'not_taken_forward'] });
    await renderWithApp(<StatusSection action={action} user={councilManager} />);
    expect(await screen.findByRole('radio', { name: 'Agreed' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Not taken forward' })).toBeNull();
    expect(requests.some((r) => r.path.endsWith('/leads'))).toBe(true);
  });

  it('follows the server’s rule: no lead means the responsible organisations, none means the members', () => {
    const supportingOnly = makeAction({ responsibilities: [part(COUNCIL, 'supporting', 'City Council', 'Cyngor y Ddinas')] });
    expect(decidableTransitions(councilManager, supportingOnly, [], [])).toEqual(['completed', 'not_taken_forward']);
    expect(decidableTransitions(boardManager, supportingOnly, [BOARD, COUNCIL], [])).toEqual([]);
    const nobody = makeAction({ responsibilities: [] });
    expect(decidableTransitions(boardManager, nobody, [BOARD, COUNCIL], [])).toEqual(['completed', 'not_taken_forward']);
    const agreeing = makeAction({ responsibilities: [], allowed_transitions: ['agreed'] });
    expect(decidableTransitions(boardManager, agreeing, [BOARD], [])).toEqual([]);
    expect(decidableTransitions(boardManager, agreeing, [BOARD], [boardManager.id])).toEqual(['agreed']);
  });
});
