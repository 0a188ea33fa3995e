import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWithApp } from '../../test/utils';
import { PublicActionsPage } from './PublicActionsPage';

const P = '13131313-1313-4131-8131-131313131313';

const base = {
  origin: 'service_user',
  progress: 100,
  due_date: null,
  overdue: false,
  reason_not_taken_forward: null,
  organisations: [],
  support_count: 0,
  service_user_support_share: null,
};

const note = { en: 'Tuesday evening clinics run since March.', cy: 'Clinigau nos Fawrth ers mis Mawrth.' };

function page() {
  return {
    partnership_name: { en: 'Abermor Partnership', cy: 'Partneriaeth Abermor' },
    actions: [
      {
        ...base,
        id: 'done',
        title: { en: 'Evening appointments', cy: 'Apwyntiadau gyda’r nos' },
        summary: { en: 'You said you could not come in the day.', cy: 'Dywedoch chi na allech ddod yn ystod y dydd.' },
        status: 'completed',
        completed_on: '2026-03-14',
        we_did: note,
        updates: [{ on: '2026-03-14', organisation_name: { en: 'Health Board', cy: 'Bwrdd Iechyd' }, note, percent: 100 }],
      },
      {
        ...base,
        id: 'doing',
        title: { en: 'Quieter waiting room', cy: 'Ystafell aros dawelach' },
        summary: { en: null, cy: null },
        status: 'in_progress',
        progress: 30,
        completed_on: null,
        we_did: null,
        updates: [],
      },
    ],
  };
}

async function render(language: 'en' | 'cy') {
  mockApi({ [`GET /api/v1/public/partnerships/${P}/actions`]: () => json(page()) });
  await renderWithApp(
    <Routes>
      <Route path="/public/partnerships/:partnershipId" element={<PublicActionsPage />} />
    </Routes>,
    { route: `/public/partnerships/${P}`, language },
  );
}

describe('the public page says "we did"', () => {
  it('shows a completed action’s last published note and the day it was completed, beside "you said"', async () => {
    await render('en');
    const done = await screen.findByTestId('public-done');
    const weDid = within(done).getByTestId('public-we-did');
    expect(within(weDid).getByRole('heading', { name: 'We did' })).toBeInTheDocument();
    expect(weDid).toHaveTextContent('Tuesday evening clinics run since March.');
    expect(weDid).toHaveTextContent('Completed on 14 March 2026');
    expect(within(done).getByTestId('public-summary')).toHaveTextContent('You said you could not come in the day.');
    expect(within(screen.getByTestId('public-doing')).queryByTestId('public-we-did')).not.toBeInTheDocument();
  });

  it('says it in Welsh', async () => {
    await render('cy');
    const weDid = within(await screen.findByTestId('public-done')).getByTestId('public-we-did');
    expect(within(weDid).getByRole('heading', { name: 'Gwnaethom ni' })).toBeInTheDocument();
    expect(weDid).toHaveTextContent('Clinigau nos Fawrth ers mis Mawrth.');
    expect(weDid).toHaveTextContent('Cwblhawyd ar 14 Mawrth 2026');
  });
});
