// Forms that refuse what cannot be true, and notes that can be put right (issue 17, item 12):
// an annotation dated in the future is refused, in the reader's language; its author corrects
// and removes it on the chart page; a past due date is refused; the side-by-side view has
// several organisations per indicator. At 1280 px in English and 360 px in Welsh, axe on
// every page. Run: node --test e2e/corrections.test.mjs
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, fillDate, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiToken as demoToken } from './mainPages.mjs';

const TIMEOUT = { timeout: 180_000 };

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/** @param {string} email */
const apiToken = (email) => demoToken(app.baseUrl, email);

/**
 * @param {string} token
 * @param {string} path
 */
async function apiGet(token, path) {
  const answer = await fetch(`${app.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(answer.status, 200, path);
  return answer.json();
}

/** The board's chart of the involvement indicator, as a path of the SPA. */
async function involvementChart() {
  const token = await apiToken('manager@demo.gwella.test');
  const board = await apiGet(token, '/api/v1/organisations/demo:BAUHB');
  const indicators = await apiGet(token, '/api/v1/indicators');
  const involved = indicators.items.find((/** @type {{ code: string }} */ i) => i.code === 'SU-INVOLVED');
  return `/indicators/${involved.id}?organisation_id=${board.id}`;
}

/** @typedef {Awaited<ReturnType<typeof openBrowser>>} OpenedBrowser */

/**
 * Run ``body`` in a browser just opened, and close it whatever happens.
 * @param {OpenedBrowser} opened
 * @param {(b: OpenedBrowser) => Promise<void>} body
 */
async function using(opened, body) {
  try {
    await body(opened);
    assert.deepEqual(opened.pageErrors, []);
  } catch (error) {
    await screenshot(opened.page, `failure-corrections-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await opened.close();
  }
}

function isoDay(offsetDays = 0) {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test('an annotation in the future is refused; its author corrects it and removes it (1280 px, English)', TIMEOUT, async () => {
  const chart = await involvementChart();
  await using(await openBrowser(DESKTOP), async ({ page }) => {
    await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
    await page.goto(`${app.baseUrl}${chart}`);
    await settled(page);
    const form = page.getByTestId('annotation-form');
    await fillDate(form, 'Date', '2099-01-01');
    await form.getByLabel('Note in English').fill('A clinic we have not opened');
    await form.getByRole('button', { name: 'Add the annotation' }).click();
    await form.locator('.nhsuk-error-summary').getByText(/cannot be dated in the future/).waitFor();
    await checkAccessibility(page, 'annotation refused for a future date');

    await fillDate(form, 'Date', isoDay(-3));
    await form.getByLabel('Note in English').fill('Evening clinic opend');
    await form.getByRole('button', { name: 'Add the annotation' }).click();
    const mine = page.getByTestId('annotation').filter({ hasText: 'Evening clinic opend' });
    await mine.waitFor();

    await mine.getByRole('button', { name: /^Change/ }).click();
    const edit = mine.getByTestId('annotation-edit-form');
    await edit.getByLabel('Note in English').fill('Evening clinic opened');
    await checkAccessibility(page, 'annotation being corrected');
    await edit.getByRole('button', { name: 'Save the annotation' }).click();
    await edit.waitFor({ state: 'detached' }); // closed once saved
    await page.getByTestId('annotation').filter({ hasText: 'Evening clinic opened' }).waitFor();
    assert.equal(await page.getByTestId('annotation').filter({ hasText: 'opend' }).count(), 0);

    const corrected = page.getByTestId('annotation').filter({ hasText: 'Evening clinic opened' });
    await corrected.getByRole('button', { name: /^Remove/ }).click();
    await corrected.getByTestId('annotation-remove').waitFor();
    await checkAccessibility(page, 'annotation about to be removed');
    await corrected.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByTestId('annotation').filter({ hasText: 'Evening clinic opened' }).waitFor({ state: 'detached' });
  });
});

test('in Welsh on a phone: the future date is refused in Welsh, and another person’s note has no buttons (360 px)', TIMEOUT, async () => {
  const chart = await involvementChart();
  // The manager's note: staff see it, without Change or Remove.
  const manager = await apiToken('manager@demo.gwella.test');
  const [, query] = chart.split('?');
  const organisationId = new URLSearchParams(query).get('organisation_id');
  const indicatorId = chart.split('/')[2]?.split('?')[0];
  const made = await fetch(`${app.baseUrl}/api/v1/indicators/${indicatorId}/annotations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${manager}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ organisation_id: organisationId, on_date: isoDay(-10), text: { en: 'Manager note', cy: 'Nodyn y rheolwr' } }),
  });
  assert.equal(made.status, 201);

  await using(await openBrowser(PHONE), async ({ page }) => {
    await signIn(page, app.baseUrl, 'staff@demo.gwella.test'); // prefers Welsh
    await page.goto(`${app.baseUrl}${chart}`);
    await settled(page);
    await page.locator('html[lang="cy"]').waitFor({ state: 'attached' });
    const theirs = page.getByTestId('annotation').filter({ hasText: 'Nodyn y rheolwr' });
    await theirs.waitFor();
    assert.equal(await theirs.getByRole('button').count(), 0, 'no Change or Remove on another person’s note');

    const form = page.getByTestId('annotation-form');
    await fillDate(form, /Dyddiad/, '2099-01-01');
    await form.getByLabel(/Saesneg/).fill('Later');
    await form.getByRole('button').last().click();
    await form.locator('.nhsuk-error-summary').getByText(/Ni all nodyn gael dyddiad yn y dyfodol/).waitFor();
    await checkAccessibility(page, 'annotation refused in Welsh on a phone');
  });
});

test('an action due in the past is refused; side by side shows several organisations', TIMEOUT, async () => {
  const manager = await apiToken('manager@demo.gwella.test');
  const partnerships = await apiGet(manager, '/api/v1/partnerships');
  const partnership = partnerships.items[0];
  for (const [language, words] of [
    ['en', 'The due date has passed'],
    ['cy', "Mae'r dyddiad dyledus wedi mynd heibio"],
  ]) {
    const refused = await fetch(`${app.baseUrl}/api/v1/actions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${manager}`, 'Content-Type': 'application/json', 'Accept-Language': language },
      body: JSON.stringify({
        partnership_id: partnership.id,
        title: { en: 'Evening appointments' },
        description: { en: 'People who work cannot come in the day.' },
        due_date: isoDay(-1),
      }),
    });
    assert.equal(refused.status, 422);
    assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
    const problem = await refused.json();
    assert.deepEqual(problem.errors.map((/** @type {{ field: string }} */ e) => e.field), ['body.due_date']);
    assert.ok(problem.detail.startsWith(words), problem.detail);
  }

  await using(await openBrowser(DESKTOP), async ({ page }) => {
    await signIn(page, app.baseUrl, 'council@demo.gwella.test');
    await page.goto(`${app.baseUrl}/indicators`);
    await settled(page);
    await page.getByTestId('indicator-partnerships').getByRole('link').first().click();
    await page.getByTestId('indicator-card').first().waitFor();
    await settled(page);
    const involvement = page.getByTestId('indicator-card').filter({ hasText: 'felt involved' });
    const rows = await involvement.locator('tbody tr').count();
    assert.ok(rows >= 3, `the board, the council and the charity side by side (${rows} rows)`);
    await checkAccessibility(page, 'indicators side by side');
  });
});
