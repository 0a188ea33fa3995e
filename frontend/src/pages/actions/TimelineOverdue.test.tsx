import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWithApp } from '../../test/utils';
import type { Action } from '../../features/actions/actionsModel';
import { Timeline } from './Timeline';

// The worker records an action going overdue as "Due on 2026-12-01": a Welsh page read that
// English, with an ISO date, under a Welsh heading. It is said in the page's language.
const ACTION = '55555555-5555-4555-8555-555555555555';
const entry = {
  id: '66666666-6666-4666-8666-666666666666',
  kind: 'overdue',
  from_status: null,
  to_status: null,
  explanation: 'Due on 2026-12-01',
  role: null,
  organisation_id: null,
  actor_id: null,
  record_id: null,
  occurred_at: '2026-12-02T06:00:00Z',
};

describe('an overdue entry in the timeline', () => {
  for (const [language, expected] of [
    ['en', 'It was due on 1 December 2026.'],
    ['cy', 'Roedd i fod erbyn 1 Rhagfyr 2026.'],
  ] as const) {
    it(`gives the due date in words (${language})`, async () => {
      mockApi({ [`GET /api/v1/actions/${ACTION}/timeline`]: () => json({ items: [entry], next_cursor: null, next: null }) });
      await renderWithApp(<Timeline action={{ id: ACTION, responsibilities: [] } as unknown as Action} />, { language });
      expect(await screen.findByText(expected)).toBeInTheDocument();
      expect(screen.queryByText('Due on 2026-12-01')).toBeNull();
    });
  }
});
