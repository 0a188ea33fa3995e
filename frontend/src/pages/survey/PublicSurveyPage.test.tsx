import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, problem, renderWithApp } from '../../test/utils';
import { CONTENT } from '../../survey/fixtures';
import { PublicSurveyPage } from './PublicSurveyPage';

const SURVEY = {
  campaign_name: 'Autumn',
  service_name: 'North team',
  service_name_cy: 'Tîm y gogledd',
  organisation_name: 'Bae Abermor',
  instrument_title: { en: 'Your experience', cy: 'Eich profiad' },
  languages: ['en', 'cy'],
  anonymity: 'anonymous',
  state: 'open',
  opens_at: '2026-01-01T00:00:00Z',
  closes_at: '2027-01-01T00:00:00Z',
  requires_access_code: false,
  content: CONTENT,
};

const PATH = '/api/v1/public/surveys/tok123';
const app = () => (
  <Routes>
    <Route path="/s/:token" element={<PublicSurveyPage />} />
  </Routes>
);
const receipt = (id: string, duplicate = false) => ({ submission_id: id, duplicate, submitted_at: '2026-11-26T00:00:00Z' });

describe('the public survey page', () => {
  it('shows only the questions whose conditions hold, and says what is missing', async () => {
    mockApi({ [`GET ${PATH}`]: () => json(SURVEY) });
    const user = userEvent.setup();
    await renderWithApp(app(), { route: '/s/tok123' });
    await screen.findByRole('heading', { level: 1, name: 'Your experience' });
    expect(screen.queryByText('Useful?')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose an answer to: Plan?' })).toHaveAttribute('href', '#answer-has_plan');

    await user.click(screen.getByLabelText('Yes'));
    expect(await screen.findByText('Useful?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('link', { name: 'Choose an answer to: Useful?' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('No'));
    expect(screen.queryByText('Useful?')).not.toBeInTheDocument();
  });

  it('does not send a blank form: it asks for at least one answer, in the page’s language', async () => {
    const optional = {
      ...SURVEY,
      content: { ...CONTENT, questions: (CONTENT.questions ?? []).map((q) => ({ ...q, required: false })) },
    };
    const { requests } = mockApi({ [`GET ${PATH}`]: () => json(optional) });
    const user = userEvent.setup();
    await renderWithApp(app(), { route: '/s/tok123', language: 'cy' });
    await screen.findByRole('heading', { level: 1, name: 'Eich profiad' });
    await user.click(screen.getByRole('button', { name: 'Anfon fy atebion' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Atebwch o leiaf un cwestiwn cyn anfon eich atebion.');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('sends once however often the button is pressed, and treats a repeat (200) as success', async () => {
    let release: () => void = () => undefined;
    const { requests } = mockApi({
      [`GET ${PATH}`]: () => json(SURVEY),
      [`POST ${PATH}/responses`]: (request) =>
        new Promise((resolve) => {
          release = () => resolve(json(receipt(JSON.parse(request.body).submission_id as string, true), { status: 200 }));
        }),
    });
    const user = userEvent.setup();
    await renderWithApp(app(), { route: '/s/tok123', language: 'cy' });
    await screen.findByRole('heading', { level: 1, name: 'Eich profiad' });
    await user.click(screen.getByLabelText('Na'));
    const button = screen.getByRole('button', { name: 'Anfon fy atebion' });
    await user.dblClick(button);
    await user.click(button);
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    release();
    await screen.findByRole('heading', { level: 1, name: 'Diolch' });
    const body = JSON.parse(requests.find((r) => r.method === 'POST')!.body);
    expect(body).toMatchObject({ language: 'cy', answers: { has_plan: 'no' } });
    expect(body.answers).not.toHaveProperty('plan_useful');
    // The response is in: the next form gets a new id.
    expect(window.sessionStorage.getItem('gwella.submission.tok123')).toBeNull();
  });

  it('retries with the same submission id after a lost connection or a rate limit', async () => {
    let calls = 0;
    const { requests } = mockApi({
      [`GET ${PATH}`]: () => json(SURVEY),
      [`POST ${PATH}/responses`]: (request) => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        if (calls === 2) return problem(429, { title: 'Too many requests' });
        return json(receipt(JSON.parse(request.body).submission_id as string), { status: 201 });
      },
    });
    const user = userEvent.setup();
    await renderWithApp(app(), { route: '/s/tok123' });
    await screen.findByRole('heading', { level: 1, name: 'Your experience' });
    await user.click(screen.getByLabelText(/Don't know/));
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/We could not send your answers/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/Too many answers have been sent/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you' });
    const ids = requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body).submission_id as string);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
  });

  it('shows the server’s field errors beside the question, and a closed survey kindly', async () => {
    let state = 'open';
    mockApi({
      [`GET ${PATH}`]: () => json({ ...SURVEY, state }),
      [`POST ${PATH}/responses`]: () =>
        problem(422, { errors: [{ field: 'body.answers.has_plan', message: 'choose one of: yes, no' }] }),
    });
    const user = userEvent.setup();
    const { unmount } = await renderWithApp(app(), { route: '/s/tok123' });
    await screen.findByRole('heading', { level: 1, name: 'Your experience' });
    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByLabelText('7'));
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('link', { name: 'Plan?: choose one of: yes, no' })).toBeInTheDocument();
    expect(document.getElementById('answer-has_plan-error')).toHaveTextContent('choose one of: yes, no');
    unmount();

    state = 'closed';
    await renderWithApp(app(), { route: '/s/tok123' });
    expect(await screen.findByTestId('survey-not-open')).toHaveTextContent(/This survey closed on/);
    expect(screen.queryByRole('button', { name: 'Send my answers' })).not.toBeInTheDocument();
  });

  it('asks for the access code when the campaign needs one, prefilled from the card’s link, and sends it', async () => {
    const { requests } = mockApi({
      [`GET ${PATH}`]: () => json({ ...SURVEY, requires_access_code: true }),
      [`POST ${PATH}/responses`]: (request) => json(receipt(JSON.parse(request.body).submission_id as string), { status: 201 }),
    });
    const user = userEvent.setup();
    await renderWithApp(app(), { route: '/s/tok123?code=KMQ7R-XT3WA' });
    await screen.findByRole('heading', { level: 1, name: 'Your experience' });
    const input = screen.getByLabelText('Access code');
    expect(input).toHaveValue('KMQ7R-XT3WA');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveAccessibleDescription('This is printed on your card or in your text message.');
    await user.click(screen.getByLabelText('No'));
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you' });
    const body = JSON.parse(requests.find((r) => r.method === 'POST')!.body);
    expect(body.access_code).toBe('KMQ7R-XT3WA');
  });

  it('says a code is needed before sending, and shows the API’s field error in the summary, linked to the input', async () => {
    let calls = 0;
    mockApi({
      [`GET ${PATH}`]: () => json({ ...SURVEY, requires_access_code: true }),
      [`POST ${PATH}/responses`]: () => {
        calls += 1;
        return problem(422, { errors: [{ field: 'body.access_code', message: 'required' }] });
      },
    });
    const user = userEvent.setup();
    await renderWithApp(app(), { route: '/s/tok123', language: 'cy' });
    await screen.findByRole('heading', { level: 1, name: 'Eich profiad' });
    expect(screen.getByLabelText('Cod mynediad')).toHaveValue('');
    await user.click(screen.getByLabelText('Na'));
    await user.click(screen.getByRole('button', { name: 'Anfon fy atebion' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Rhowch y cod mynediad sydd ar eich cerdyn neu yn eich neges destun.' });
    expect(link).toHaveAttribute('href', '#access-code');
    expect(document.getElementById('access-code-error')).toHaveTextContent('Rhowch y cod mynediad');
    expect(calls).toBe(0);

    // The server's own 422 (a code of spaces only, say) reads the same way.
    await user.type(screen.getByLabelText('Cod mynediad'), '  x');
    await user.click(screen.getByRole('button', { name: 'Anfon fy atebion' }));
    await waitFor(() => expect(calls).toBe(1));
    expect(await screen.findByRole('link', { name: 'Rhowch y cod mynediad sydd ar eich cerdyn neu yn eich neges destun.' })).toBeInTheDocument();
  });

  it('explains a refused code (403 access-code-refused) in the page’s language, and a new code can be tried', async () => {
    let calls = 0;
    const { requests } = mockApi({
      [`GET ${PATH}`]: () => json({ ...SURVEY, requires_access_code: true }),
      [`POST ${PATH}/responses`]: (request) => {
        calls += 1;
        if (calls === 1) {
          return problem(403, {
            type: 'urn:gwella:problem:access-code-refused',
            title: 'The access code is not valid',
            detail: 'This access code has been used already: each code answers once.',
          });
        }
        return json(receipt(JSON.parse(request.body).submission_id as string), { status: 201 });
      },
    });
    const user = userEvent.setup();
    const { unmount } = await renderWithApp(app(), { route: '/s/tok123?code=USED1-CODE2' });
    await screen.findByRole('heading', { level: 1, name: 'Your experience' });
    await user.click(screen.getByLabelText('No'));
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('This access code cannot be used. Each code works only once');
    expect(document.getElementById('access-code-error')).toHaveTextContent('This access code cannot be used.');
    await user.clear(screen.getByLabelText('Access code'));
    await user.type(screen.getByLabelText('Access code'), 'NEW11-CODE2');
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you' });
    const ids = requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as { submission_id: string; access_code: string });
    expect(ids.map((b) => b.access_code)).toEqual(['USED1-CODE2', 'NEW11-CODE2']);
    unmount();

    calls = 0;
    await renderWithApp(app(), { route: '/s/tok123?code=USED1-CODE2', language: 'cy' });
    await screen.findByRole('heading', { level: 1, name: 'Eich profiad' });
    await user.click(screen.getByLabelText('Na'));
    await user.click(screen.getByRole('button', { name: 'Anfon fy atebion' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Ni ellir defnyddio'r cod mynediad hwn.");
  });

  it('shows no code field when the campaign does not ask for one and no code came with the link', async () => {
    const { requests } = mockApi({
      [`GET ${PATH}`]: () => json(SURVEY),
      [`POST ${PATH}/responses`]: (request) => json(receipt(JSON.parse(request.body).submission_id as string), { status: 201 }),
    });
    const user = userEvent.setup();
    await renderWithApp(app(), { route: '/s/tok123' });
    await screen.findByRole('heading', { level: 1, name: 'Your experience' });
    expect(screen.queryByLabelText('Access code')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('No'));
    await user.click(screen.getByRole('button', { name: 'Send my answers' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you' });
    expect(JSON.parse(requests.find((r) => r.method === 'POST')!.body)).not.toHaveProperty('access_code');
  });
});
