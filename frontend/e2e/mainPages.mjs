// The main pages of Gwella, as its people reach them, for the journeys that look at every
// one of them (look.test.mjs, welsh.test.mjs), and the API calls the journeys set up with. Ids
// come from the demo data, through the API.
import assert from 'node:assert/strict';

/**
 * A bearer token for a demo person, straight from the API.
 * @param {string} baseUrl
 * @param {string} email
 */
export async function apiToken(baseUrl, email) {
  const answer = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: email, password: 'gwella-demo' }),
  });
  assert.equal(answer.status, 200, `sign-in of ${email} through the API`);
  return /** @type {{ access_token: string }} */ (await answer.json()).access_token;
}

/**
 * Call the API as someone; the parsed JSON body.
 * @param {string} baseUrl
 * @param {string} token
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
export async function apiCall(baseUrl, token, method, path, body) {
  const answer = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  assert.ok(answer.status < 300, `${method} ${path} answered ${answer.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Set a demo person's preferred language through the API (the app speaks it once they sign
 * in): read their record for its ETag, then PATCH it.
 * @param {string} baseUrl
 * @param {string} email
 * @param {'en' | 'cy'} language
 */
export async function preferLanguage(baseUrl, email, language) {
  const token = await apiToken(baseUrl, email);
  const me = await fetch(`${baseUrl}/api/v1/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status, 200);
  const answer = await fetch(`${baseUrl}/api/v1/users/me`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': me.headers.get('etag') ?? '' },
    body: JSON.stringify({ language }),
  });
  assert.equal(answer.status, 200, await answer.text());
}

/**
 * The main pages: [name, path, needs signing in].
 * @param {string} baseUrl
 * @returns {Promise<{ name: string, path: string, signedIn: boolean }[]>}
 */
export async function mainPages(baseUrl) {
  const token = await apiToken(baseUrl, 'manager@demo.gwella.test');
  const campaigns = await apiCall(baseUrl, token, 'GET', '/api/v1/campaigns?limit=50');
  const campaign = campaigns.items.find((/** @type {{ name: string }} */ c) => c.name === 'CMHT experience, this quarter');
  assert.ok(campaign, 'the demo campaign exists');
  const links = await apiCall(baseUrl, token, 'GET', `/api/v1/campaigns/${campaign.id}/links`);
  const indicators = await apiCall(baseUrl, token, 'GET', '/api/v1/indicators?limit=100');
  const indicator = indicators.items.find(
    (/** @type {{ name: { en?: string } }} */ i) => i.name.en === 'Median days from referral to assessment',
  );
  assert.ok(indicator, 'the demo indicator exists');
  const partnerships = await apiCall(baseUrl, token, 'GET', '/api/v1/partnerships?limit=10');
  const partnership = partnerships.items[0];
  assert.ok(partnership, 'the demo partnership exists');
  // The indicator's chart for the manager's own health board (which they may annotate).
  const overview = await apiCall(baseUrl, token, 'GET', `/api/v1/partnerships/${partnership.id}/indicators`);
  /** @type {{ organisation_id: string, organisation_name: string, service_id: string | null }[]} */
  const units = overview.standards
    .flatMap((/** @type {{ indicators: { indicator: { id: string }, units: unknown[] }[] }} */ s) => s.indicators)
    .filter((/** @type {{ indicator: { id: string } }} */ i) => i.indicator.id === indicator.id)
    .flatMap((/** @type {{ units: unknown[] }} */ i) => i.units);
  const board = units.find((u) => u.organisation_name === 'Bae Abermor University Health Board');
  assert.ok(board, `the health board measures the indicator: ${JSON.stringify(units)}`);
  const chartQuery = new URLSearchParams({ organisation_id: board.organisation_id });
  if (board.service_id) chartQuery.set('service_id', board.service_id);
  return [
    { name: 'home', path: '/', signedIn: true },
    { name: 'campaign-results', path: `/campaigns/${campaign.id}/results`, signedIn: true },
    { name: 'indicator-spc-chart', path: `/indicators/${indicator.id}?${chartQuery.toString()}`, signedIn: true },
    { name: 'partnership-accountability', path: `/partnerships/${partnership.id}/actions/accountability`, signedIn: true },
    { name: 'public-survey', path: `/s/${links[0].public_token}`, signedIn: false },
  ];
}
