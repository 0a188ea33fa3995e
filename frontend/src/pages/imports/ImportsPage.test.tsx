import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../api/types';
import { RequireAuth } from '../../auth/RequireAuth';
import { json, makeUser, mockApi, problem, renderWithApp } from '../../test/utils';
import { ImportJobPage, ImportsPage } from './ImportsPage';
import { canImport, pollInterval, uploadQuery, type ImportJob } from '../../features/imports/api';
import { JobProgress } from './JobProgress';

const ORG = '22222222-2222-4222-8222-222222222222';
const CAMPAIGN = '33333333-3333-4333-8333-333333333333';
const JOB = '44444444-4444-4444-8444-444444444444';
const emptyPage = { items: [], next_cursor: null, next: null };

const staff = makeUser({
  memberships: [
    { id: '55555555-5555-4555-8555-555555555555', user_id: '11111111-1111-4111-8111-111111111111', organisation_id: ORG, role: 'staff', created_at: '2025-01-01T00:00:00Z' },
  ],
});

const organisation = {
  id: ORG,
  name: 'Bro Taf Mental Health',
  name_cy: 'Iechyd Meddwl Bro Taf',
  kind: 'health_board',
  code_scheme: null,
  code: null,
  is_active: true,
  version: 1,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

const campaign = {
  id: CAMPAIGN,
  organisation_id: ORG,
  instrument_id: '66666666-6666-4666-8666-666666666666',
  instrument_version_id: '77777777-7777-4777-8777-777777777777',
  name: 'Spring survey',
  opens_at: '2025-03-01T00:00:00Z',
  closes_at: '2025-06-01T00:00:00Z',
  state: 'open',
  channels: ['web'],
  anonymity: 'anonymous',
  min_cell_size: 5,
  languages: ['en', 'cy'],
  service_ids: [],
  response_count: 0,
  created_by_id: null,
  version: 1,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
};

function makeJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: JOB,
    organisation_id: ORG,
    kind: 'responses',
    format: 'csv',
    encoding: 'utf-8',
    mode: 'best_effort',
    campaign_id: CAMPAIGN,
    file_bytes: 20480,
    sha256: 'abc',
    state: 'running',
    phase: 'apply',
    rows_total: 5000,
    rows_processed: 1200,
    summary: { imported: 1000, updated: 150, ignored: 30, rejected: 20 },
    failure_reason: null,
    errors_url: `/api/v1/imports/${JOB}/errors.csv`,
    refused_rows_url: `/api/v1/imports/${JOB}/refused.csv`,
    created_at: '2025-04-01T10:00:00Z',
    started_at: '2025-04-01T10:00:01Z',
    finished_at: null,
    ...overrides,
  };
}

function importsApp() {
  return (
    <Routes>
      <Route path="/imports" element={<RequireAuth allow={canImport}>{(user: User) => <ImportsPage user={user} />}</RequireAuth>} />
      <Route path="/imports/:importId" element={<RequireAuth>{() => <ImportJobPage pollMs={20} />}</RequireAuth>} />
    </Routes>
  );
}

/** The API as the upload page needs it; `post` answers the upload. */
function uploadRoutes(post: () => Response) {
  return mockApi({
    'GET /api/v1/users/me': () => json(staff, { headers: { ETag: '"3"' } }),
    'GET /api/v1/organisations': (request) =>
      json(request.search.get('my_role') === 'staff' ? { ...emptyPage, items: [organisation] } : emptyPage),
    'GET /api/v1/campaigns': () => json({ ...emptyPage, items: [campaign] }),
    'GET /api/v1/imports': () => json(emptyPage),
    'POST /api/v1/imports': post,
    [`GET /api/v1/imports/${JOB}`]: () => json(makeJob({ state: 'queued', rows_processed: 0, rows_total: 0 })),
  });
}

async function fillAndUpload(file: File, { campaign: pickCampaign = true } = {}) {
  const user = userEvent.setup();
  const form = (await screen.findByRole('heading', { name: 'Upload a file' })).closest('form')!;
  // The only organisation is chosen for the person once the list has loaded.
  await waitFor(() => expect(within(form).getByLabelText('Organisation', { exact: false })).toHaveValue(ORG));
  await user.upload(within(form).getByLabelText('File'), file);
  if (pickCampaign) {
    await within(form).findByRole('option', { name: 'Spring survey (open)' });
    await user.selectOptions(within(form).getByLabelText('Campaign'), CAMPAIGN);
  }
  await user.click(within(form).getByRole('button', { name: 'Upload and import' }));
  return { user, form };
}

describe('A job is shown as progress and a running summary', () => {
  it('shows rows processed of an estimated total, the counts and the refused-rows download', async () => {
    mockApi({});
    await renderWithApp(<JobProgress job={makeJob()} />);
    const bar = screen.getByRole('progressbar', { name: '1,200 of about 5,000 rows' });
    expect(bar).toHaveAttribute('value', '1200');
    expect(bar).toHaveAttribute('max', '5000');
    expect(screen.getByTestId('import-state')).toHaveTextContent('Status: Importing');
    const summary = screen.getByTestId('import-summary');
    expect(within(summary).getByText('New').nextElementSibling).toHaveTextContent('1,000');
    expect(within(summary).getByText('Updated').nextElementSibling).toHaveTextContent('150');
    expect(within(summary).getByText('Already there, unchanged').nextElementSibling).toHaveTextContent('30');
    expect(within(summary).getByText('Refused').nextElementSibling).toHaveTextContent('20');
    expect(screen.getByRole('button', { name: 'Download the refused rows (20) to correct, as CSV' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download the list of problems, as CSV' })).toBeInTheDocument();
    expect(screen.queryByTestId('import-outcome')).not.toBeInTheDocument();
  });

  it('says plainly that a finished job refused some rows, and how to send them again', async () => {
    mockApi({});
    const done = { state: 'completed_with_errors', rows_total: 1200, rows_processed: 1200 } as const;
    await renderWithApp(<JobProgress job={makeJob(done)} />);
    expect(screen.getByTestId('import-state')).toHaveTextContent('Status: Finished with refused rows');
    const outcome = screen.getByTestId('import-outcome');
    expect(within(outcome).getByRole('heading', { name: 'Finished, but some rows were refused' })).toBeInTheDocument();
    expect(outcome).toHaveTextContent('Stored, updated or already there: 1,180. Refused: 20.');
    expect(outcome).toHaveTextContent('Correct the cells and upload that file again as it is.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says a job that took nothing failed because every row was refused', async () => {
    mockApi({});
    const summary = { imported: 0, updated: 0, ignored: 0, rejected: 3 };
    const reason = 'All 3 rows were refused, so nothing was stored.';
    await renderWithApp(<JobProgress job={makeJob({ state: 'failed', summary, failure_reason: reason })} />);
    expect(screen.getByTestId('import-state')).toHaveTextContent('Status: Failed');
    const alert = screen.getByRole('alert', { name: 'The import failed' });
    expect(alert).toHaveTextContent('Nothing was imported: every row in the file was refused (refused: 3).');
    expect(alert).toHaveTextContent('Download the refused rows');
  });

  it('says a clean job took every row', async () => {
    mockApi({});
    const summary = { imported: 4, updated: 1, ignored: 2, rejected: 0 };
    await renderWithApp(<JobProgress job={makeJob({ state: 'completed', summary })} />);
    expect(screen.getByTestId('import-outcome')).toHaveTextContent(
      'Every row in the file was taken: stored, updated or already there (7 in all).',
    );
  });

  it('offers the list of problems alone when the format has no refused-rows file', async () => {
    mockApi({});
    await renderWithApp(<JobProgress job={makeJob({ state: 'completed_with_errors', format: 'ndjson', refused_rows_url: null })} />);
    expect(screen.getByRole('button', { name: 'Download the refused rows (20) as CSV' })).toBeInTheDocument();
    expect(screen.getByTestId('import-outcome')).toHaveTextContent('correct them in your file and upload it again');
  });

  it('says the outcome in Welsh', async () => {
    mockApi({});
    await renderWithApp(<JobProgress job={makeJob({ state: 'completed_with_errors' })} />, { language: 'cy' });
    expect(screen.getByTestId('import-state')).toHaveTextContent("Wedi gorffen, gyda rhesi wedi'u gwrthod");
    const outcome = screen.getByTestId('import-outcome');
    expect(within(outcome).getByRole('heading', { name: "Wedi gorffen, ond cafodd rhai rhesi eu gwrthod" })).toBeInTheDocument();
    expect(outcome).toHaveTextContent("Wedi'u cadw, wedi'u diweddaru neu yno'n barod: 1,180. Wedi'u gwrthod: 20.");
    expect(screen.getByRole('button', { name: "Lawrlwytho'r rhesi a wrthodwyd (20) i'w cywiro, fel CSV" })).toBeInTheDocument();
  });

  it('says the phase of an atomic import and gives exact totals once it has finished', async () => {
    mockApi({});
    const { rerender } = await renderWithApp(<JobProgress job={makeJob({ mode: 'atomic', phase: 'check' })} />);
    expect(screen.getByTestId('import-state')).toHaveTextContent('Checking every row');
    expect(screen.getByText(/nothing is stored until all of them pass/)).toBeInTheDocument();
    rerender(
      <JobProgress
        job={makeJob({ state: 'completed', rows_total: 4990, rows_processed: 4990, summary: { imported: 4990, updated: 0, ignored: 0, rejected: 0 } })}
      />,
    );
    expect(screen.getByRole('progressbar', { name: '4,990 of 4,990 rows' })).toHaveAttribute('value', '4990');
    expect(screen.queryByRole('button', { name: /refused rows/ })).not.toBeInTheDocument();
  });

  it('shows why a job failed', async () => {
    mockApi({});
    await renderWithApp(
      <JobProgress job={makeJob({ state: 'failed', mode: 'atomic', phase: 'check', failure_reason: 'Line 3: not valid UTF-8.' })} />,
    );
    const alert = screen.getByRole('alert', { name: 'The import failed' });
    expect(alert).toHaveTextContent('Line 3: not valid UTF-8.');
    expect(alert).toHaveTextContent('Nothing from this file was stored.');
  });

  it('polls only while a job is queued or running', () => {
    expect(pollInterval(makeJob({ state: 'queued' }))).toBe(2000);
    expect(pollInterval(makeJob({ state: 'running' }))).toBe(2000);
    expect(pollInterval(makeJob({ state: 'completed' }))).toBe(false);
    expect(pollInterval(makeJob({ state: 'failed' }))).toBe(false);
    expect(pollInterval(undefined)).toBe(false);
  });
});

describe('The job page polls until the job ends', () => {
  for (const end of ['completed', 'failed'] as const) {
    it(`stops polling once the job has ${end}`, async () => {
      const answers = [
        makeJob({ state: 'queued', rows_processed: 0, rows_total: 0 }),
        makeJob({ state: 'running', rows_processed: 2000 }),
        makeJob({ state: end, rows_processed: 5000, rows_total: 5000, finished_at: '2025-04-01T10:05:00Z', failure_reason: end === 'failed' ? 'The worker stopped.' : null }),
      ];
      let calls = 0;
      const { requests } = mockApi({
        'GET /api/v1/users/me': () => json(staff),
        [`GET /api/v1/imports/${JOB}`]: () => json(answers[Math.min(calls++, answers.length - 1)]),
      });
      await renderWithApp(importsApp(), { route: `/imports/${JOB}`, token: 'tok' });
      await screen.findByText(end === 'completed' ? 'Finished' : 'Failed', { selector: 'strong' });
      const polls = () => requests.filter((r) => r.path === `/api/v1/imports/${JOB}`).length;
      expect(polls()).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(polls()).toBe(3);
      expect(screen.getByRole('progressbar', { name: '5,000 of 5,000 rows' })).toBeInTheDocument();
    });
  }

  it('keeps the last answer and says so when a poll fails', async () => {
    let calls = 0;
    mockApi({
      'GET /api/v1/users/me': () => json(staff),
      [`GET /api/v1/imports/${JOB}`]: () => (calls++ === 0 ? json(makeJob()) : problem(503, { title: 'Service unavailable', detail: 'Try later.' })),
    });
    await renderWithApp(importsApp(), { route: `/imports/${JOB}`, token: 'tok' });
    expect(await screen.findByText(/We could not check the import just now \(Try later\.\)/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: '1,200 of about 5,000 rows' })).toBeInTheDocument();
  });
});

describe('Uploading a file', () => {
  it('sends the file as the body with its content type and the right query, then opens the job', async () => {
    const { requests } = uploadRoutes(() => json(makeJob({ state: 'queued', rows_processed: 0, rows_total: 0 }), { status: 202 }));
    await renderWithApp(importsApp(), { route: '/imports', token: 'tok' });
    const file = new File(['external_id,service_code,q1\nx1,S1,yes\n'], 'spring.csv', { type: 'text/csv' });
    await fillAndUpload(file);
    await screen.findByRole('heading', { name: 'File import', level: 1 });
    const post = requests.find((r) => r.method === 'POST')!;
    expect(Object.fromEntries(post.search)).toEqual({ kind: 'responses', campaign_id: CAMPAIGN, organisation_id: ORG, mode: 'best_effort' });
    expect(post.headers.get('Content-Type')).toBe('text/csv');
    expect(post.headers.get('Authorization')).toBe('Bearer tok');
    expect(post.body).toBe('external_id,service_code,q1\nx1,S1,yes\n');
    // Only the organisations where the person may import are offered.
    expect(requests.filter((r) => r.path === '/api/v1/organisations').map((r) => r.search.get('my_role')).sort()).toEqual(['admin', 'manager', 'staff']);
  });

  it('sends a FHIR Bundle without a campaign as application/fhir+json', async () => {
    const { requests } = uploadRoutes(() => json(makeJob({ format: 'fhir', campaign_id: null }), { status: 202 }));
    await renderWithApp(importsApp(), { route: '/imports', token: 'tok' });
    const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [] });
    await fillAndUpload(new File([bundle], 'bundle.json', { type: 'application/json' }), { campaign: false });
    await screen.findByRole('heading', { name: 'File import', level: 1 });
    const post = requests.find((r) => r.method === 'POST')!;
    expect(Object.fromEntries(post.search)).toEqual({ kind: 'responses', organisation_id: ORG, mode: 'best_effort' });
    expect(post.headers.get('Content-Type')).toBe('application/fhir+json');
    expect(post.body).toBe(bundle);
  });

  it('builds the query of measurements without a campaign', () => {
    const file = new File(['x'], 'm.ndjson');
    expect(uploadQuery({ kind: 'measurements', format: 'ndjson', mode: 'atomic', organisationId: ORG, campaignId: CAMPAIGN, file })).toEqual({
      kind: 'measurements',
      organisation_id: ORG,
      mode: 'atomic',
    });
  });

  it('asks for a campaign and a file before sending anything', async () => {
    const { requests } = uploadRoutes(() => json(makeJob(), { status: 202 }));
    await renderWithApp(importsApp(), { route: '/imports', token: 'tok' });
    const user = userEvent.setup();
    const form = (await screen.findByRole('heading', { name: 'Upload a file' })).closest('form')!;
    await user.click(within(form).getByRole('button', { name: 'Upload and import' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Choose the campaign the responses belong to.',
      'Choose a file to upload.',
    ]);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  const cases: [string, () => Response, string][] = [
    ['413', () => problem(413, { title: 'Request body too large' }), 'The file is too large. Files can be up to 1 GB'],
    ['415', () => problem(415, { title: 'Unsupported media type' }), 'Gwella cannot read this type of file.'],
    ['403', () => problem(403, { title: 'Forbidden', detail: 'You need to be staff, a manager or an administrator there to import.' }), 'You need to be staff, a manager or an administrator there to import.'],
  ];
  for (const [status, answer, text] of cases) {
    it(`shows a ${status} answer in the error summary`, async () => {
      uploadRoutes(answer);
      await renderWithApp(importsApp(), { route: '/imports', token: 'tok' });
      const { form } = await fillAndUpload(new File(['a,b\n'], 'x.csv', { type: 'text/csv' }));
      const summary = await within(form).findByRole('alert');
      expect(summary).toHaveTextContent('There is a problem');
      expect(summary).toHaveTextContent(text);
      expect(screen.queryByRole('heading', { name: 'File import', level: 1 })).not.toBeInTheDocument();
    });
  }

  it('puts 422 field problems beside their fields', async () => {
    uploadRoutes(() =>
      problem(422, {
        title: 'Validation failed',
        detail: 'Say which campaign the responses belong to.',
        errors: [{ field: 'query.campaign_id', message: 'is not open for imports' }],
      }),
    );
    await renderWithApp(importsApp(), { route: '/imports', token: 'tok' });
    const { form } = await fillAndUpload(new File(['a,b\n'], 'x.csv', { type: 'text/csv' }));
    const summary = await within(form).findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Campaign is not open for imports' });
    expect(link).toHaveAttribute('href', '#import-campaign_id');
    expect(within(form).getByLabelText('Campaign')).toHaveAccessibleDescription(
      'The campaign the responses belong to. Error: Campaign is not open for imports',
    );
  });
});

describe('A FHIR Bundle refused for its kind', () => {
  it('says so beside the file format, which is on the page', async () => {
    uploadRoutes(() =>
      problem(422, {
        title: 'Validation failed',
        detail: 'FHIR Bundle files carry responses.',
        errors: [{ field: 'query.kind', message: 'responses' }],
      }),
    );
    await renderWithApp(importsApp(), { route: '/imports', token: 'tok' });
    const { form } = await fillAndUpload(new File(['{}'], 'b.json'), { campaign: false });
    const summary = await within(form).findByRole('alert');
    // The summary names the field of a sentence from a refusal, as for every field problem.
    expect(within(summary).getByRole('link', { name: 'File format: A FHIR Bundle can only hold survey responses.' })).toHaveAttribute(
      'href',
      '#import-format',
    );
  });
});

describe('Downloads that need the token', () => {
  const createObjectURL = vi.fn(() => 'blob:gwella/1');
  const revokeObjectURL = vi.fn();
  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });
  afterEach(() => {
    createObjectURL.mockClear();
  });

  it('fetches the refused rows with the bearer token and saves them through a blob URL', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(staff),
      [`GET /api/v1/imports/${JOB}`]: () => json(makeJob({ state: 'completed', rows_processed: 5000, rows_total: 5000 })),
      [`GET /api/v1/imports/${JOB}/refused.csv`]: () => new Response('external_id,gwella_errors\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    await renderWithApp(importsApp(), { route: `/imports/${JOB}`, token: 'tok' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Download the refused rows (20) to correct, as CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const download = requests.find((r) => r.path.endsWith('/refused.csv'))!;
    expect(download.headers.get('Authorization')).toBe('Bearer tok');
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('offers the campaign template with a guidance row, asked for with guidance=true', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = mockApi({
      'GET /api/v1/users/me': () => json(staff),
      'GET /api/v1/organisations': (request) =>
        json(request.search.get('my_role') === 'staff' ? { ...emptyPage, items: [organisation] } : emptyPage),
      'GET /api/v1/campaigns': () => json({ ...emptyPage, items: [campaign] }),
      'GET /api/v1/imports': () => json(emptyPage),
      [`GET /api/v1/campaigns/${CAMPAIGN}/template.csv`]: () =>
        new Response('external_id\n"# Allowed values"\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    await renderWithApp(importsApp(), { route: '/imports', token: 'tok' });
    const user = userEvent.setup();
    const form = (await screen.findByRole('heading', { name: 'Upload a file' })).closest('form')!;
    await waitFor(() => expect(within(form).getByLabelText('Organisation', { exact: false })).toHaveValue(ORG));
    await within(form).findByRole('option', { name: 'Spring survey (open)' });
    await user.selectOptions(within(form).getByLabelText('Campaign'), CAMPAIGN);
    await user.click(within(form).getByRole('button', { name: 'Download the template with a row saying what each column takes' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const download = requests.find((r) => r.path.endsWith('/template.csv'))!;
    expect(download.path).toBe(`/api/v1/campaigns/${CAMPAIGN}/template.csv`);
    expect(download.search.get('guidance')).toBe('true');
  });

  it('says when a download is refused', async () => {
    mockApi({
      'GET /api/v1/users/me': () => json(staff),
      [`GET /api/v1/imports/${JOB}`]: () => json(makeJob({ state: 'completed' })),
      [`GET /api/v1/imports/${JOB}/refused.csv`]: () => problem(403, { title: 'Forbidden', detail: 'Not yours.' }),
    });
    await renderWithApp(importsApp(), { route: `/imports/${JOB}`, token: 'tok' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Download the refused rows (20) to correct, as CSV' }));
    expect(await screen.findByText('The download did not work: Not yours.')).toBeInTheDocument();
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});

describe('In Welsh', () => {
  it('shows the upload form and the job in Welsh', async () => {
    mockApi({
      'GET /api/v1/users/me': () => json(staff),
      'GET /api/v1/organisations': (request) =>
        json(request.search.get('my_role') === 'staff' ? { ...emptyPage, items: [organisation] } : emptyPage),
      'GET /api/v1/campaigns': () => json({ ...emptyPage, items: [campaign] }),
      'GET /api/v1/imports': () => json({ ...emptyPage, items: [makeJob()] }),
    });
    await renderWithApp(importsApp(), { route: '/imports', token: 'tok', language: 'cy' });
    expect(await screen.findByRole('heading', { name: 'Llwytho ffeil' })).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: 'Iechyd Meddwl Bro Taf' })).toBeInTheDocument();
    expect(await screen.findByText("Wrthi'n mewnforio")).toBeInTheDocument();
  });
});
