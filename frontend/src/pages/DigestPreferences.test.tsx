import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderWithApp } from '../test/utils';
import { DigestPreferences } from './DigestPreferences';

function preferencesApi(initial: 'off' | 'daily' | 'weekly', refuse = false) {
  let stored = initial;
  const answer = () => json({ digest: stored, next_digest_at: stored === 'off' ? null : '2027-01-11T07:00:00Z' });
  return mockApi({
    'GET /api/v1/notifications/preferences': answer,
    'PUT /api/v1/notifications/preferences': (request) => {
      if (refuse) {
        return problem(422, {
          type: 'https://gwella.example/problems/validation-failed',
          title: 'Validation failed',
          errors: [{ field: 'body.digest', message: 'Choose off, daily or weekly' }],
        });
      }
      stored = (JSON.parse(request.body) as { digest: typeof stored }).digest;
      return answer();
    },
  });
}

describe('The e-mail digest choice on the profile', () => {
  it('shows the stored choice, explains it, and saves a new one', async () => {
    const { requests } = preferencesApi('off');
    await renderWithApp(<DigestPreferences email="alys@example.test" />, { token: 'tok' });
    const never = await screen.findByRole('radio', { name: 'Never (no e-mails)' });
    expect(never).toBeChecked();
    expect(screen.getByTestId('digest-explained')).toHaveTextContent('You will not get e-mails about your notifications.');

    await userEvent.click(screen.getByRole('radio', { name: 'Every day, at about 7am UK time' }));
    expect(screen.getByTestId('digest-explained')).toHaveTextContent(
      'Each morning at about 7am, we will e-mail alys@example.test a list of the notifications from the last day that you have not read.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save e-mail choice' }));
    expect(await screen.findByText('Your e-mail choice has been saved.')).toBeInTheDocument();
    const put = requests.find((r) => r.method === 'PUT');
    expect(put && JSON.parse(put.body)).toEqual({ digest: 'daily' });
    expect(screen.getByRole('radio', { name: 'Every day, at about 7am UK time' })).toBeChecked();
  });

  it('speaks Welsh and shows a weekly choice already made', async () => {
    preferencesApi('weekly');
    await renderWithApp(<DigestPreferences email="alys@example.test" />, { token: 'tok', language: 'cy' });
    expect(await screen.findByRole('radio', { name: 'Bob wythnos, ddydd Llun tua 7 y bore amser y DU' })).toBeChecked();
    expect(screen.getByRole('heading', { name: 'E-byst am eich hysbysiadau' })).toBeInTheDocument();
    expect(screen.getByTestId('digest-explained')).toHaveTextContent('Bob bore dydd Llun tua 7 o\'r gloch');
    expect(screen.getByRole('button', { name: "Cadw'r dewis e-bost" })).toBeInTheDocument();
  });

  it('shows what the server refused and does not claim it was saved', async () => {
    preferencesApi('off', true);
    await renderWithApp(<DigestPreferences email="alys@example.test" />, { token: 'tok' });
    await userEvent.click(await screen.findByRole('radio', { name: 'Every week, on Monday at about 7am UK time' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save e-mail choice' }));
    await waitFor(() => expect(screen.getAllByText('Choose off, daily or weekly').length).toBeGreaterThan(0));
    expect(screen.queryByText('Your e-mail choice has been saved.')).not.toBeInTheDocument();
  });
});
