import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, makeUser, mockApi, renderWithApp } from '../../test/utils';
import { i18n } from '../../i18n';
import { DisclosureNote } from './DisclosureNote';
import { ResultsPage } from './ResultsPage';
import { countText, questionCsv, unitNamer, scopePartnership, toCategories, type CampaignResults, type Disclosure, type QuestionResult } from '../../features/results/resultsModel';

const ORG = '22222222-2222-4222-8222-222222222222';
const CAMPAIGN = '33333333-3333-4333-8333-333333333333';
const VERSION = '77777777-7777-4777-8777-777777777777';
const NORTH = '88888888-8888-4888-8888-888888888888';
const WEST = '99999999-9999-4999-8999-999999999999';

const cell = (value: string, count: number | null, percent: number | null = null) => ({
  value,
  count,
  suppressed: count === null,
  percent,
  ci_low: percent === null ? null : Math.max(0, percent - 20),
  ci_high: percent === null ? null : Math.min(100, percent + 20),
});

function row(unit: string, n: number | null, cells: ReturnType<typeof cell>[], extra: Record<string, unknown> = {}) {
  return { unit, n, cells, mean: null, median: null, share_positive: null, share_negative: null, suppressed: cells.some((c) => c.suppressed), ...extra };
}

function question(n: number): QuestionResult {
  return {
    question_key: 'has_plan',
    type: 'yes_no',
    options: ['yes', 'no'],
    units: [
      row(NORTH, n, [cell('yes', n, 100), cell('no', 0, 0)], { share_positive: 100, share_negative: 0 }),
      row(WEST, null, [cell('yes', null), cell('no', null)]),
    ],
    total: row('total', null, [cell('yes', null), cell('no', null)]),
  };
}

const DISCLOSURE: Disclosure = {
  method: 'cell_key_perturbation',
  max_change: 3,
  variance: 1,
  min_cell_size: 5,
  releases: 'batched',
  released_on: '2025-03-14',
};

function results(n: number, disclosure: Partial<Disclosure> = {}): CampaignResults {
  return {
    campaign_id: CAMPAIGN,
    period: 'all',
    min_cell_size: 5,
    disclosure: { ...DISCLOSURE, ...disclosure },
    service_ids: [NORTH, WEST],
    periods: [{ period_start: '1970-01-01', responses: { units: [{ service_id: NORTH, n }, { service_id: WEST, n: null }], total: n + 2 }, questions: [question(n)] }],
    comments: [{ question_key: 'has_plan', text: 'Evening clinics, please.', service_id: NORTH, answer_id: '12121212-1212-4121-8121-121212121212' }],
  };
}

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
  service_ids: [NORTH, WEST],
  response_count: 0,
  created_by_id: null,
  version: 1,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

const version = {
  id: VERSION,
  content: {
    sections: [],
    questions: [
      { key: 'has_plan', type: 'yes_no', text: { en: 'Do you have a care plan?', cy: 'Oes gennych gynllun gofal?' }, required: true, options: [], conditions: [] },
    ],
  },
};

const link = (service_id: string, service_name: string) => ({
  service_id,
  service_name,
  organisation_id: ORG,
  public_token: 'x',
  url: 'http://x/s/x',
  qr_svg_url: '/qr.svg',
  response_count: 0,
});

/** A fake event stream the test writes to. */
function fakeStream() {
  let push: (text: string) => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      push = (text) => controller.enqueue(encoder.encode(text));
    },
  });
  return { response: new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }), push: (text: string) => push(text) };
}

describe('results helpers', () => {
  it('shows a held-back count as "Held back", a 0 without empty brackets, and a count with its percentage', () => {
    const words = { heldBack: 'Held back', withPercent: (n: string, p: string) => `${n} (${p})` };
    expect(countText({ count: null, suppressed: true, percent: null }, words, 'en')).toBe('Held back');
    expect(countText({ count: 3, suppressed: true, percent: null }, words, 'en')).toBe('Held back');
    expect(countText(undefined, words, 'en')).toBe('Held back');
    expect(countText({ count: 0, suppressed: false, percent: null }, words, 'en')).toBe('0');
    expect(countText({ count: 0, suppressed: false, percent: 0 }, words, 'en')).toBe('0 (0%)');
    expect(countText({ count: 7, suppressed: false, percent: 58.33 }, words, 'en')).toBe('7 (58.3%)');
  });

  it('never shows a held-back count as 0, in the bars or the CSV', () => {
    const q = question(7);
    const bars = toCategories(q, (v) => v.toUpperCase());
    expect(bars.map((b) => b.label)).toEqual(['YES', 'NO']);
    expect(bars[0]?.values.map((v) => [v.series, v.count, v.suppressed])).toEqual([
      [NORTH, 7, false],
      [WEST, null, true],
      ['total', null, true],
    ]);
    const csv = questionCsv(q, (u) => (u === NORTH ? 'North, "the CMHT"' : u === WEST ? '=West' : 'All'), (v) => v);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('unit,n,option,count,percent,ci_low,ci_high,mean,median,share_positive,share_negative');
    expect(lines[1]).toBe('"North, ""the CMHT""",7,yes,7,100,80,100,,,100,0');
    expect(lines[3]).toBe("'=West,suppressed,yes,suppressed,,,,,,,");
    expect(lines.filter((l) => l.startsWith('All')).every((l) => l.includes('suppressed'))).toBe(true);
  });
});

describe('names of the rows', () => {
  it('gives services whose names the reader cannot see distinct names, in the order of the results', () => {
    const name = unitNamer(['a', 'b', 'c', 'b'], new Map([['b', 'West CMHT']]), { total: 'All services', other: (n) => `Another service (${n})` });
    expect(['a', 'b', 'c', 'total'].map(name)).toEqual(['Another service (1)', 'West CMHT', 'Another service (2)', 'All services']);
  });

  it('says held-back and empty answers alike in the bars and the table, in Welsh too', async () => {
    const cy = i18n.getFixedT('cy');
    const words = { heldBack: cy('results.heldBack'), withPercent: (n: string, percent: string) => cy('results.table.cell', { n, percent }) };
    expect(countText({ count: 7, suppressed: false, percent: 58.33 }, words, 'cy')).toBe('58.3% (7)');
    expect(countText({ count: null, suppressed: true, percent: null }, words, 'cy')).toBe("Wedi'i ddal yn ôl");
    expect(cy('results.otherService', { n: 2 })).toBe('Gwasanaeth arall (2)');
    expect(cy('results.responses')).not.toBe(cy('results.answered'));
  });
});

describe('proposing from a comment', () => {

  it('reads the partnership of a partnership scope only', () => {
    expect(scopePartnership(`partnership:${ORG}`)).toBe(ORG);
    expect(scopePartnership(`service:${NORTH}`)).toBeNull();
  });

  it('links a published comment to the propose page, with the partnership of the scope', async () => {
    const ANSWER = '12121212-1212-4121-8121-121212121212';
    const P = '13131313-1313-4131-8131-131313131313';
    mockApi({
      [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => json(campaign),
      [`GET /api/v1/instrument-versions/${VERSION}`]: () => json(version),
      [`GET /api/v1/campaigns/${CAMPAIGN}/links`]: () => json([link(NORTH, 'North CMHT'), link(WEST, 'West CMHT')]),
      'GET /api/v1/partnerships': () =>
        json({ items: [{ id: P, name: 'Abermor Partnership', name_cy: null, description: null, member_count: 2, version: 1, created_at: '', updated_at: '' }], next_cursor: null, next: null }),
      [`GET /api/v1/organisations/${ORG}`]: () =>
        json({ id: ORG, name: 'Bro Taf', name_cy: null, kind: 'health_board', code_scheme: null, code: null, is_active: true, version: 1, created_at: '', updated_at: '' }),
      [`GET /api/v1/campaigns/${CAMPAIGN}/results`]: () => json(results(6)),
      'GET /api/v1/stream': () => new Response(new ReadableStream(), { headers: { 'Content-Type': 'text/event-stream' } }),
    });
    await renderWithApp(
      <Routes>
        <Route path="/campaigns/:campaignId/results" element={<ResultsPage />} />
      </Routes>,
      { route: `/campaigns/${CAMPAIGN}/results?scope=partnership:${P}`, token: 'tok' },
    );
    const comments = await screen.findByTestId('results-comments');
    const fromComment = await within(comments).findByRole('link', { name: /Propose an improvement from this/ });
    const target = new URL(fromComment.getAttribute('href') ?? '', 'http://x');
    expect(target.pathname).toBe('/actions/new');
    expect(target.searchParams.get('answer_id')).toBe(ANSWER);
    expect(target.searchParams.get('campaign_id')).toBe(CAMPAIGN);
    expect(target.searchParams.get('partnership_id')).toBe(P);
    const block = screen.getByRole('region', { name: 'Do you have a care plan?' });
    const fromQuestion = new URL(within(block).getByTestId('propose-action').getAttribute('href') ?? '', 'http://x');
    expect(fromQuestion.searchParams.get('partnership_id')).toBe(P);
    expect(fromQuestion.searchParams.get('question_key')).toBe('has_plan');
    // The whole survey too, for someone whose point is not one question or comment.
    const fromSurvey = new URL(screen.getByRole('link', { name: 'Propose an improvement from this survey' }).getAttribute('href') ?? '', 'http://x');
    expect(fromSurvey.pathname).toBe('/actions/new');
    expect(fromSurvey.searchParams.get('campaign_id')).toBe(CAMPAIGN);
    expect(fromSurvey.searchParams.get('question_key')).toBeNull();
    expect(fromSurvey.searchParams.get('partnership_id')).toBe(P);
  });
});

/** The API of the results page, answering `answer()` for the results. */
function resultsApi(answer: () => CampaignResults, stream?: ReturnType<typeof fakeStream>) {
  return mockApi({
    'GET /api/v1/users/me': () => json(makeUser({ memberships: [{ id: 'm', user_id: 'u', organisation_id: ORG, role: 'manager', created_at: '2025-01-01T00:00:00Z' }] })),
    [`GET /api/v1/campaigns/${CAMPAIGN}`]: () => json(campaign),
    [`GET /api/v1/instrument-versions/${VERSION}`]: () => json(version),
    [`GET /api/v1/campaigns/${CAMPAIGN}/links`]: () => json([link(NORTH, 'North CMHT'), link(WEST, 'West CMHT')]),
    'GET /api/v1/partnerships': () => json({ items: [], next_cursor: null, next: null }),
    [`GET /api/v1/organisations/${ORG}`]: () =>
      json({ id: ORG, name: 'Bro Taf', name_cy: null, kind: 'health_board', code_scheme: null, code: null, is_active: true, version: 1, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' }),
    [`GET /api/v1/campaigns/${CAMPAIGN}/results`]: () => json(answer()),
    [`GET /api/v1/campaigns/${CAMPAIGN}/comments`]: () => json({ items: [], next_cursor: null, next: null }),
    'GET /api/v1/stream': (request) => {
      expect(request.headers.get('Authorization')).toBe('Bearer tok');
      return stream ? stream.response : new Response(new ReadableStream(), { headers: { 'Content-Type': 'text/event-stream' } });
    },
  });
}

async function renderResults(language: 'en' | 'cy' = 'en') {
  return renderWithApp(
    <Routes>
      <Route path="/campaigns/:campaignId/results" element={<ResultsPage />} />
    </Routes>,
    { route: `/campaigns/${CAMPAIGN}/results`, token: 'tok', language },
  );
}

describe('The results dashboard', () => {
  it('draws each question as a chart with a table, marks held-back cells, and updates when the stream says results moved on', async () => {
    const stream = fakeStream();
    let answered = 6;
    const { requests } = resultsApi(() => results(answered), stream);
    await renderResults();
    await screen.findByRole('heading', { level: 1, name: 'Results: Spring survey' });
    expect(await screen.findByTestId('results-responses')).toHaveTextContent('8');
    const block = await screen.findByRole('region', { name: 'Do you have a care plan?' });
    expect(within(block).getByRole('img', { name: 'Bar chart: Do you have a care plan? The same figures are in the table below the chart.' })).toBeInTheDocument();
    // The table alternative: held-back cells say so, never 0.
    const table = within(block).getByRole('table', { hidden: true });
    const heldBack = within(table).getAllByText('Held back', { exact: true });
    expect(heldBack.length).toBeGreaterThanOrEqual(4);
    expect(within(table).queryByText('Hidden')).not.toBeInTheDocument();
    expect(within(block).getByText('Positive:')).toBeInTheDocument();
    expect(screen.getByText('Evening clinics, please.')).toBeInTheDocument();

    // Scope: choosing one service asks the API for that service only.
    await userEvent.selectOptions(screen.getByLabelText('Whose results'), `service:${NORTH}`);
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/results') && r.search.get('service_id') === NORTH)).toBe(true));

    // A release: the stream says so and the page refetches without reload.
    answered = 7;
    await waitFor(() => expect(requests.some((r) => r.path === '/api/v1/stream')).toBe(true));
    stream.push(`event: results\ndata: {"campaign_id": "${CAMPAIGN}", "responses": 9}\n\n`);
    await waitFor(() => expect(screen.getByTestId('results-responses')).toHaveTextContent('9'));
    expect(screen.getByTestId('results-live')).toHaveTextContent('New results shown at');
  });

  it('explains in plain words how the numbers are protected and when they last moved on', async () => {
    resultsApi(() => results(6));
    await renderResults();
    const note = await screen.findByTestId('disclosure-note');
    expect(note).toHaveTextContent('Numbers are slightly adjusted, and some are held back, so that nobody can work out what one person said.');
    expect(note).toHaveTextContent('No number is more than 3 away from the true count. Any number below 5 is held back');
    expect(note).toHaveTextContent('A 0 may stand for a few people.');
    expect(note).toHaveTextContent('tables may not add up exactly');
    expect(note).toHaveTextContent('Results are updated in groups, not after each answer: they move on once at least 5 more people have answered in a service.');
    expect(within(note).getByTestId('results-released')).toHaveTextContent('Last updated 14 March 2025.');
    expect(note).toHaveTextContent('Averages and medians are shown only where no number in the row is held back.');
    expect(note).toHaveTextContent('The shares of positive and negative answers are counted as groups of their own');
    // Nothing on the page contradicts it.
    const main = document.body.textContent ?? '';
    expect(main).not.toMatch(/never shown as 0|never as 0|Hidden/);
  });

  it('explains it in Welsh too', async () => {
    resultsApi(() => results(6));
    await renderResults('cy');
    const note = await screen.findByTestId('disclosure-note');
    expect(note).toHaveTextContent(
      "Mae'r rhifau wedi'u haddasu ychydig, ac mae rhai wedi'u dal yn ôl, fel na all neb weithio allan beth ddywedodd un person.",
    );
    expect(note).toHaveTextContent("Caiff y canlyniadau eu diweddaru fesul grŵp, nid ar ôl pob ateb: maen nhw'n symud ymlaen unwaith y bydd o leiaf 5 yn rhagor o bobl wedi ateb mewn gwasanaeth.");
    expect(within(note).getByTestId('results-released')).toHaveTextContent('Diweddarwyd ddiwethaf 14 Mawrth 2025.');
    const block = await screen.findByRole('region', { name: 'Oes gennych gynllun gofal?' });
    expect(within(within(block).getByRole('table', { hidden: true })).getAllByText("Wedi'i ddal yn ôl", { exact: true }).length).toBeGreaterThanOrEqual(4);
  });

  it('shows 0 (not "0 ()") in a row of no one, and "Held back" for a held-back total', async () => {
    const q: QuestionResult = {
      question_key: 'has_plan',
      type: 'yes_no',
      options: ['yes', 'no'],
      units: [
        row(NORTH, 6, [cell('yes', 6, 100), cell('no', 0, 0)], { share_positive: 100, share_negative: 0 }),
        row(WEST, 0, [cell('yes', 0), cell('no', 0)]),
      ],
      total: row('total', 6, [cell('yes', 6, 100), cell('no', 0, 0)]),
    };
    resultsApi(() => ({
      ...results(6),
      periods: [{ period_start: '1970-01-01', responses: { units: [{ service_id: NORTH, n: 6 }, { service_id: WEST, n: 0 }], total: null }, questions: [q] }],
    }));
    await renderResults();
    expect(await screen.findByTestId('results-responses')).toHaveTextContent('Held back');
    const block = await screen.findByRole('region', { name: 'Do you have a care plan?' });
    const table = within(block).getByRole('table', { hidden: true });
    const cells = within(table).getAllByRole('cell', { hidden: true }).map((c) => c.textContent ?? '');
    expect(cells.some((text) => text.includes('()'))).toBe(false);
    // West (no one answered): its cells say 0, alone.
    const yesRow = within(table).getAllByRole('row', { hidden: true })[1]!;
    expect(within(yesRow).getAllByRole('cell', { hidden: true }).map((c) => c.firstChild?.textContent)).toEqual(['100% (6)', '0', '100% (6)']);
    // The bars say each figure as the table does, with no other word for a 0.
    const bars = within(block).getByTestId('bar-chart');
    const barTexts = [...bars.querySelectorAll('text.app-chart__value')].map((t) => t.lastChild?.textContent);
    expect(barTexts).toEqual(['100% (6)', '0', '100% (6)', '0% (0)', '0', '0% (0)']);
    expect(block).not.toHaveTextContent('No answers');
    // The held-back headline says why, beside the question's own count (a different count).
    expect(screen.getByTestId('results-responses-held-back')).toHaveTextContent(
      'Held back: after the small adjustment, this count came out below 5. Each number is adjusted on its own, so the counts of single questions below may still be shown.',
    );
    expect(screen.getByText('People who answered the survey')).toBeInTheDocument();
    expect(within(block).getAllByText('People who answered this question:').length).toBe(3);
  });

  it('names every bar with its whole service name, never cut short', async () => {
    resultsApi(() => results(6));
    await renderResults();
    const block = await screen.findByRole('region', { name: 'Do you have a care plan?' });
    const titles = () => [...within(block).getByTestId('bar-chart').querySelectorAll('text.app-chart__value title')].map((t) => t.textContent);
    await waitFor(() => expect(titles()).toEqual(['North CMHT', 'West CMHT', 'All services', 'North CMHT', 'West CMHT', 'All services']));
    const values = [...within(block).getByTestId('bar-chart').querySelectorAll('text.app-chart__value')].map((t) => t.lastChild?.textContent ?? '');
    expect(values.every((v) => !v.includes(':'))).toBe(true);
  });

  it('says results appear once enough people have answered while nothing has been released', async () => {
    resultsApi(() => ({ ...results(0, { released_on: null }), periods: [], comments: [] }));
    await renderResults();
    expect(await screen.findByTestId('results-none')).toHaveTextContent(
      'No results yet. Results appear here once enough people have answered in a service.',
    );
    expect(screen.getByTestId('results-released')).toHaveTextContent('No results released yet.');
    expect(screen.queryByTestId('results-responses')).not.toBeInTheDocument();
  });

  it('says so in Welsh while nothing has been released', async () => {
    resultsApi(() => ({ ...results(0, { released_on: null }), periods: [], comments: [] }));
    await renderResults('cy');
    expect(await screen.findByTestId('results-none')).toHaveTextContent(
      "Dim canlyniadau eto. Bydd y canlyniadau'n ymddangos yma unwaith y bydd digon o bobl wedi ateb mewn gwasanaeth.",
    );
    expect(screen.getByTestId('results-released')).toHaveTextContent("Dim canlyniadau wedi'u rhyddhau eto.");
  });

  it('says results follow each answer in a campaign whose respondents agreed to be identified', async () => {
    resultsApi(() => results(6, { releases: 'per_response' }));
    await renderResults();
    const note = await screen.findByTestId('disclosure-note');
    expect(note).toHaveTextContent('results are updated after each answer');
    expect(note).not.toHaveTextContent('updated in groups');
  });
});

describe('The note on how numbers are protected', () => {
  it('says when results last moved on only where the chosen view shows any', async () => {
    const disclosure: Disclosure = {
      method: 'cell_key_perturbation',
      max_change: 3,
      variance: 1,
      min_cell_size: 5,
      releases: 'batched',
      released_on: '2025-03-14',
    };
    await renderWithApp(<DisclosureNote disclosure={disclosure} someHeldBack={false} shown={false} />, { route: '/' });
    expect(screen.getByTestId('results-released')).toHaveTextContent('Nothing released for this choice yet.');
    expect(screen.getByTestId('disclosure-note')).not.toHaveTextContent('Last updated');
  });
});
