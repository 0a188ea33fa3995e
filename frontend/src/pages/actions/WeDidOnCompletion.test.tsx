import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { json, makeUser, mockApi, renderWithApp } from '../../test/utils';
import type { Action } from '../../features/actions/actionsModel';
import { StatusSection } from './StatusChangeForm';

// Completing an action may say publicly what was done: the public page's "we did" (issue 17
// item 11). Empty, nothing is sent and the last progress note stands in.
const BOARD = '22222222-2222-4222-8222-222222222222';
const ACTION = '55555555-5555-4555-8555-555555555555';

const action = {
  id: ACTION,
  partnership_id: '11111111-1111-4111-8111-aaaaaaaaaaaa',
  title: { en: 'Evening appointments', cy: null },
  description: { en: 'Open later', cy: null },
  summary: { en: null, cy: null },
  origin: 'staff',
  status: 'in_progress',
  closure_reason: null,
  standard_id: null,
  due_date: null,
  overdue: false,
  progress: 40,
  proposed_by_id: null,
  proposer_role: 'staff',
  proposer_organisation_id: BOARD,
  evidence: [],
  responsibilities: [
    { id: 'r1', organisation_id: BOARD, organisation_name: 'Health Board', organisation_name_cy: 'Bwrdd Iechyd', role: 'lead', state: 'accepted', owner_id: null, decision_note: null, decided_at: null, version: 1 },
  ],
  support_count: 0,
  service_user_support_count: 0,
  service_user_support_share: null,
  supported_by_me: false,
  allowed_transitions: ['completed'],
  decided_at: null,
  completed_at: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 3,
} as unknown as Action;

const manager = makeUser({
  id: '88888888-8888-4888-8888-888888888888',
  memberships: [{ id: 'm', user_id: '88888888-8888-4888-8888-888888888888', organisation_id: BOARD, role: 'manager', created_at: '' }],
}) as unknown as User;

describe('completing an action', () => {
  afterEach(() => vi.restoreAllMocks());

  async function complete(weDid: { en?: string; cy?: string }) {
    const { requests } = mockApi({
      [`POST /api/v1/actions/${ACTION}/status`]: () => json({ ...action, status: 'completed' }),
    });
    await renderWithApp(<StatusSection action={action} user={manager} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Completed' }));
    fireEvent.change(screen.getByLabelText('Explanation'), { target: { value: 'Clinics run' } });
    if (weDid.en !== undefined) {
      fireEvent.change(screen.getByLabelText('What was done, in English (optional)'), { target: { value: weDid.en } });
    }
    if (weDid.cy !== undefined) {
      fireEvent.change(screen.getByLabelText('What was done, in Welsh (optional)'), { target: { value: weDid.cy } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Change the status' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    return JSON.parse(requests.find((r) => r.method === 'POST')!.body) as Record<string, unknown>;
  }

  it('sends what was done, in the language it was written in, as the public reason', async () => {
    const sent = await complete({ cy: "Mae clinigau gyda'r nos bob nos Fawrth." });
    expect(sent).toMatchObject({ status: 'completed', explanation: 'Clinics run', reason: { cy: "Mae clinigau gyda'r nos bob nos Fawrth." } });
  });

  it('sends no reason when nothing is written', async () => {
    const sent = await complete({});
    expect(sent).not.toHaveProperty('reason');
  });
});
