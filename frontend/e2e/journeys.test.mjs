// End-to-end journeys against the real app: node --test e2e/journeys.test.mjs
// (npm run e2e). Every page visited is checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  PHONE,
  checkAccessibility,
  closeBrowser,
  fillDate,
  openBrowser,
  screenshot,
  settled,
  signIn,
  startApp,
} from './harness.mjs';

const HEALTH_BOARD = 'Bae Abermor University Health Board';
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

/**
 * Go to a path, wait for the page, check it with axe.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {string} label
 */
async function visit(page, path, label) {
  await page.goto(`${app.baseUrl}${path}`);
  await settled(page);
  await checkAccessibility(page, label);
}

/**
 * A bearer token for a demo person, straight from the API (for set-up and checks).
 * @param {string} email
 */
async function apiToken(email) {
  const answer = await fetch(`${app.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: email, password: 'gwella-demo' }),
  });
  assert.equal(answer.status, 200, `sign-in of ${email} through the API`);
  return /** @type {{ access_token: string }} */ (await answer.json()).access_token;
}

/**
 * Call the API as someone; returns the parsed JSON body, failing on an unexpected status.
 * @param {string} token
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {number[]} [expect]
 */
async function apiCall(token, method, path, body, expect = [200, 201]) {
  const answer = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  assert.ok(expect.includes(answer.status), `${method} ${path} answered ${answer.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * The demo's open CMHT campaign, as staff see it.
 * @param {string} token
 */
async function demoCampaign(token) {
  const page = await apiCall(token, 'GET', '/api/v1/campaigns?limit=50');
  const campaign = page.items.find((/** @type {{ name: string }} */ c) => c.name === 'CMHT experience, this quarter');
  assert.ok(campaign, 'the demo campaign exists');
  return campaign;
}

/** Answers to the demo survey that every required question accepts. */
const DEMO_ANSWERS = { involved: '4', has_care_plan: 'no' };

/**
 * A new anonymous campaign of the demo survey, in the demo campaign's services, open now:
 * a clean slate for tests that count releases (the demo campaign is shared by several).
 * @param {string} token
 * @param {string} name
 * @param {{ requiresAccessCode?: boolean, minCellSize?: number }} [options]
 */
async function freshCampaign(token, name, { requiresAccessCode = false, minCellSize = 5 } = {}) {
  const demo = await demoCampaign(token);
  const now = Date.now();
  const campaign = await apiCall(token, 'POST', '/api/v1/campaigns', {
    instrument_version_id: demo.instrument_version_id,
    name,
    opens_at: new Date(now - 60_000).toISOString(),
    closes_at: new Date(now + 30 * 86_400_000).toISOString(),
    service_ids: demo.service_ids,
    channels: ['web', 'paper'],
    anonymity: 'anonymous',
    min_cell_size: minCellSize,
    requires_access_code: requiresAccessCode,
  });
  /** @type {{ service_id: string, service_name: string, public_token: string, url: string }[]} */
  const links = await apiCall(token, 'GET', `/api/v1/campaigns/${campaign.id}/links`);
  return { campaign, links };
}

/**
 * Type in paper forms through the API (staff), as many as asked, for one service, today:
 * enough of them make a release of results.
 * @param {string} token
 * @param {string} campaignId
 * @param {string} serviceId
 * @param {number} count
 * @param {Record<string, unknown>} [answers]
 */
async function paperResponses(token, campaignId, serviceId, count, answers = DEMO_ANSWERS) {
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < count; i += 1) {
    await apiCall(token, 'POST', `/api/v1/campaigns/${campaignId}/paper-responses`, {
      submission_id: crypto.randomUUID(),
      language: 'en',
      service_id: serviceId,
      completed_on: today,
      answers: { ...answers, involved: String(3 + (i % 3)) },
    });
  }
}

/**
 * Single-use access codes for a service's link, made through the API.
 * @param {string} token
 * @param {string} campaignId
 * @param {string} serviceId
 * @param {number} count
 * @returns {Promise<{ code: string, url: string, qr_svg: string }[]>}
 */
async function accessCodes(token, campaignId, serviceId, count) {
  const made = await apiCall(token, 'POST', `/api/v1/campaigns/${campaignId}/access-codes`, { service_id: serviceId, count, label: 'e2e' });
  return made.codes;
}

/**
 * Answer through a public link with an access code (a code keeps it out of the check on
 * many answers from one address: every answer of this run comes from 127.0.0.1).
 * @param {string} publicToken
 * @param {string} code
 * @param {Record<string, unknown>} [answers]
 */
async function answerWithCode(publicToken, code, answers = DEMO_ANSWERS) {
  const answer = await fetch(`${app.baseUrl}/api/v1/public/surveys/${publicToken}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ submission_id: crypto.randomUUID(), language: 'en', answers, access_code: code }),
  });
  assert.equal(answer.status, 201, await answer.text());
}

/**
 * A browser for one test, closed whatever happens.
 * @param {(b: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>} body
 * @param {{ width: number, height: number }} [viewport]
 */
async function withBrowser(body, viewport = DESKTOP) {
  const browser = await openBrowser(viewport);
  try {
    await body(browser);
    assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
  } catch (error) {
    // What the page looked like when it failed, for whoever reads the report.
    await screenshot(browser.page, `failure-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

describe('Gwella in a real browser', () => {
  test('an administrator signs in and sees what they can do', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await visit(page, '/sign-in', 'sign-in page');
      await screenshot(page, 'sign-in-desktop');

      // An empty form is refused with an NHS error summary that takes focus.
      await page.getByRole('button', { name: 'Sign in' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      assert.equal(await summary.evaluate((el) => el === document.activeElement), true);
      await checkAccessibility(page, 'sign-in page with errors');

      await signIn(page, app.baseUrl, 'admin@demo.gwella.test');
      assert.equal(await page.locator('h1').textContent(), 'Hello, Alys Admin');
      await page.getByRole('heading', { name: 'Platform administration' }).waitFor();
      await page.getByRole('heading', { name: HEALTH_BOARD }).waitFor();
      await checkAccessibility(page, 'home page (admin)');
      await screenshot(page, 'home-admin-desktop');
    });
  });

  test('an administrator adds an organisation and a service under it', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'admin@demo.gwella.test');
      await visit(page, '/admin/organisations', 'organisations');
      await screenshot(page, 'organisations-desktop');

      const name = `Cwm Taf Recovery College ${Date.now()}`;
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an organisation' }) });
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByLabel('Type of organisation').selectOption('third_sector');
      await form.getByRole('button', { name: 'Add organisation' }).click();

      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.getByText('Organisation added.').waitFor();
      await settled(page);
      await page.getByText('This organisation has no services yet.').waitFor();
      await checkAccessibility(page, 'new organisation');

      // A service at the top, and one under it.
      const serviceForm = page.locator('form', { has: page.getByRole('heading', { name: 'Add a service' }) });
      await serviceForm.getByLabel('Name of the service').fill('Recovery courses');
      await serviceForm.getByLabel('Type of service').selectOption('support_service');
      await serviceForm.getByRole('button', { name: 'Add service' }).click();
      await page.getByText('Recovery courses has been added.').waitFor();

      await serviceForm.getByLabel('Name of the service').fill('Peer support group');
      await serviceForm.getByLabel('Type of service').selectOption('support_service');
      await serviceForm.getByLabel('Part of').selectOption({ label: 'Recovery courses' });
      await serviceForm.getByRole('button', { name: 'Add service' }).click();
      await page.getByText('Peer support group has been added.').waitFor();

      const tree = page.getByTestId('service-tree');
      const child = tree.locator('li li', { hasText: 'Peer support group' });
      await child.waitFor();
      const parentText = await child.locator('xpath=ancestor::li[1]').locator('> a').textContent();
      assert.equal(parentText, 'Recovery courses');
      await checkAccessibility(page, 'organisation with services');
      await screenshot(page, 'organisation-detail-desktop');

      // The API's field problems appear beside the field: a duplicate service code.
      await serviceForm.getByLabel('Name of the service').fill('Recovery courses again');
      await serviceForm.getByLabel('Type of service').selectOption('other');
      await serviceForm.getByLabel('Code', { exact: true }).fill('not valid!');
      await serviceForm.getByRole('button', { name: 'Add service' }).click();
      const summary = serviceForm.locator('.nhsuk-error-summary');
      await summary.waitFor();
      const fieldError = serviceForm.locator('#service-new-code-error');
      await fieldError.waitFor();
      await checkAccessibility(page, 'service form with API errors');

      // The service page, reached from the tree.
      await tree.getByRole('link', { name: 'Peer support group' }).click();
      await page.getByRole('heading', { level: 1, name: 'Peer support group' }).waitFor();
      await settled(page);
      await checkAccessibility(page, 'service page');
    });
  });

  test('an administrator invites someone, who accepts in the browser and signs in', TIMEOUT, async () => {
    // (email-validator refuses special-use domains such as .test, so invite an example.org address)
    const email = `rhian.${Date.now()}@example.org`;
    /** @type {string} */
    let token = '';
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'admin@demo.gwella.test');
      await visit(page, '/admin/invitations', 'invitations');
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Invite someone' }) });
      await form.getByLabel('Email address').fill(email);
      await form.getByLabel('Organisation').selectOption({ label: HEALTH_BOARD });
      await form.getByLabel('Role').selectOption('staff');
      const answer = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/invitations') && r.request().method() === 'POST',
      );
      await form.getByRole('button', { name: 'Send invitation' }).click();
      const response = await answer;
      assert.equal(response.status(), 201, await response.text());
      const body = await response.json();
      assert.equal(typeof body.token, 'string', 'development answers include the invitation token');
      token = body.token;
      await page.getByText(`Invitation sent to ${email}.`).waitFor();
      await page.getByTestId('dev-accept-link').waitFor();
      await page.getByRole('cell', { name: email }).or(page.getByRole('rowheader', { name: email })).first().waitFor();
      await checkAccessibility(page, 'invitation sent');
      await screenshot(page, 'invitations-desktop');
    });

    await withBrowser(async ({ page }) => {
      await visit(page, `/invitations/accept?token=${encodeURIComponent(token)}`, 'accept invitation');
      await page.getByText(`You have been invited to join ${HEALTH_BOARD} as Staff.`).waitFor();
      await screenshot(page, 'accept-invitation-desktop');

      // Passwords that do not match are caught before anything is sent.
      await page.getByLabel('Your name').fill('Rhian Staff');
      await page.getByLabel('Create a password').fill('three random words');
      await page.getByLabel('Type your password again').fill('three random wordz');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.locator('#accept-confirm_password-error').waitFor();
      await checkAccessibility(page, 'accept invitation with errors');

      await page.getByLabel('Type your password again').fill('three random words');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hello, Rhian Staff' }).waitFor({ timeout: 15_000 });
      await settled(page);
      await page.getByRole('heading', { name: HEALTH_BOARD }).waitFor();
      await page.getByRole('heading', { name: 'As Staff' }).waitFor();
      await checkAccessibility(page, 'home page (new staff member)');
    });

    // The new account signs in with its own password from a fresh browser.
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, email, 'three random words');
      assert.equal(await page.locator('h1').textContent(), 'Hello, Rhian Staff');
      // Not an administrator: the administration link is not offered.
      assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 0);
    });
  });

  test('an administrator creates an API client whose secret works against the API', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'admin@demo.gwella.test');
      await visit(page, '/admin/api-clients', 'API clients');
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an API client' }) });
      await form.getByLabel('Organisation').selectOption({ label: HEALTH_BOARD });
      await form.getByLabel('Name').fill('Trust patient administration system');
      await form.getByRole('button', { name: 'Create API client' }).click();

      const panel = page.getByTestId('secret-panel');
      await panel.waitFor();
      const clientId = (await page.getByTestId('client-id').textContent()) ?? '';
      const secret = (await page.getByTestId('client-secret').textContent()) ?? '';
      assert.ok(clientId.length > 5 && secret.length > 20, 'client id and secret are shown');
      await checkAccessibility(page, 'API client secret shown once');
      await screenshot(page, 'api-client-secret-desktop');

      // Use the secret from Node, as a partner system would.
      const tokenAnswer = await fetch(`${app.baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
      });
      assert.equal(tokenAnswer.status, 200, await tokenAnswer.clone().text());
      const { access_token: accessToken, token_type: tokenType } = /** @type {{access_token: string, token_type: string}} */ (
        await tokenAnswer.json()
      );
      assert.equal(tokenType, 'bearer');
      const list = await fetch(`${app.baseUrl}/api/v1/organisations`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      assert.equal(list.status, 200);
      const organisations = /** @type {{items: {name: string}[]}} */ (await list.json());
      assert.ok(organisations.items.some((/** @type {{name: string}} */ o) => o.name === HEALTH_BOARD));

      // The secret is shown once: the client's own page no longer has it.
      await page.getByRole('button', { name: 'I have stored the secret' }).click();
      await page.getByRole('heading', { level: 1, name: 'Trust patient administration system' }).waitFor();
      await settled(page);
      assert.equal(await page.getByTestId('client-secret').count(), 0);
      assert.notEqual((await page.getByTestId('last-used').textContent())?.trim(), 'Never');
      await checkAccessibility(page, 'API client page');
      await screenshot(page, 'api-client-detail-desktop');

      // Replacing the secret: the new one works and the old one no longer does.
      await page.getByRole('button', { name: 'Replace secret' }).click();
      await page.getByRole('button', { name: 'Yes, replace it' }).click();
      await page.getByTestId('secret-panel').waitFor();
      const newSecret = (await page.getByTestId('client-secret').textContent()) ?? '';
      assert.notEqual(newSecret, secret);
      const grant = (/** @type {string} */ s) =>
        fetch(`${app.baseUrl}/api/v1/auth/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: s }),
        });
      assert.notEqual((await grant(secret)).status, 200, 'the old secret is refused');
      assert.equal((await grant(newSecret)).status, 200, 'the new secret works');
      await page.getByRole('button', { name: 'I have stored the secret' }).click();

      // Revoking: the client can no longer get a token.
      await page.getByRole('button', { name: 'Revoke', exact: true }).click();
      await page.getByRole('button', { name: 'Yes, revoke it' }).click();
      await page.getByText('The API client has been revoked.').waitFor();
      await page.locator('.nhsuk-tag', { hasText: 'Revoked' }).waitFor();
      assert.notEqual((await grant(newSecret)).status, 200, 'a revoked client is refused');
      await checkAccessibility(page, 'revoked API client');
    });
  });

  test('switching to Welsh shows Welsh, sets lang="cy" and is remembered in the profile', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      const english = await page.locator('h1').textContent();
      assert.match(english ?? '', /^Hello, /);

      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/users/me') && r.request().method() === 'PATCH',
      );
      await page.getByRole('button', { name: 'Cymraeg' }).click();
      assert.equal((await saved).status(), 200);
      await page.getByRole('heading', { level: 1, name: /^Helo, / }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      await page.getByRole('link', { name: 'Fy mhroffil' }).waitFor();
      await page.getByRole('button', { name: 'Allgofnodi', exact: true }).waitFor();
      await checkAccessibility(page, 'home page in Welsh');
      await screenshot(page, 'home-manager-welsh-desktop');

      await page.getByRole('link', { name: 'Fy mhroffil' }).click();
      await page.getByRole('heading', { level: 1, name: 'Fy mhroffil' }).waitFor();
      await settled(page);
      await checkAccessibility(page, 'profile in Welsh');
      await screenshot(page, 'profile-welsh-desktop');

      // Sign out: the sign-in page is still in Welsh in this browser.
      await page.getByRole('button', { name: 'Allgofnodi', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Mewngofnodi' }).waitFor();
      await page.getByText('Rydych chi wedi allgofnodi.').waitFor();
      await checkAccessibility(page, 'signed out, in Welsh');
    });

    // A new browser starts in English, and signing in brings the profile's Welsh back.
    await withBrowser(async ({ page }) => {
      await page.goto(`${app.baseUrl}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.getByLabel('Email address').fill('manager@demo.gwella.test');
      await page.getByLabel('Password').fill('gwella-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: /^Helo, / }).waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      // Put it back for anyone else using the demo account.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    });
  });

  test('on a phone (360 px) sign-in and home work with the keyboard alone', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await visit(page, '/sign-in', 'sign-in page on a phone');
      await screenshot(page, 'sign-in-phone');
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(await overflow(), 0, 'no sideways scrolling on the sign-in page');

      // Keyboard only: the first Tab reaches the skip link, which jumps to the content.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'maincontent');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-username');
      await page.keyboard.type('staff@demo.gwella.test');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-password');
      await page.keyboard.type('gwella-demo');
      await page.keyboard.press('Enter');
      // Siôn's profile says Welsh, so the app switches to Welsh on sign-in.
      await page.getByRole('heading', { level: 1, name: 'Helo, Siôn Staff' }).waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      await settled(page);
      assert.equal(await overflow(), 0, 'no sideways scrolling on the home page');
      await checkAccessibility(page, 'home page on a phone');
      await screenshot(page, 'home-staff-phone');
    }, PHONE);
  });

  test('the administration pages load, pass axe and are captured at desktop and phone width', TIMEOUT, async () => {
    const pages = [
      ['/admin', 'administration'],
      ['/admin/organisations', 'organisations'],
      ['/admin/partnerships', 'partnerships'],
      ['/admin/users', 'users'],
      ['/admin/invitations', 'invitations'],
      ['/admin/api-clients', 'api-clients'],
      ['/admin/audit', 'audit-log'],
      ['/profile', 'profile'],
    ];
    for (const [viewport, suffix] of /** @type {const} */ ([
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ])) {
      await withBrowser(async ({ page }) => {
        await signIn(page, app.baseUrl, 'admin@demo.gwella.test');
        for (const [path, name] of pages) {
          await visit(page, path, `${name} (${suffix})`);
          await screenshot(page, `${name}-${suffix}`);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          assert.equal(overflow, 0, `${name} (${suffix}) scrolls sideways by ${overflow}px`);
        }
        // A partnership and its members.
        await visit(page, '/admin/partnerships', 'partnerships');
        await page.locator('main table a').first().click();
        await page.getByRole('heading', { name: 'Member organisations', level: 2 }).waitFor();
        await page.getByTestId('leads-table').waitFor();
        await page.getByTestId('appoint-lead').waitFor();
        await settled(page);
        await checkAccessibility(page, `partnership (${suffix})`);
        await screenshot(page, `partnership-detail-${suffix}`);
        // The audit log filtered to one kind of record.
        await visit(page, '/admin/audit?record_type=organisation', `audit log filtered (${suffix})`);
        const actions = await page.locator('main table tbody code').allTextContents();
        assert.ok(actions.length > 0, 'the demo data has organisation events');
        assert.ok(actions.every((a) => a.startsWith('organisation')), `only organisation events: ${actions.join(', ')}`);
      }, viewport);
    }
  });
  test('a respondent answers in Welsh on a phone; a condition hides a question; a double submit makes one response', TIMEOUT, async () => {
    const staff = await apiToken('staff@demo.gwella.test');
    const campaign = await demoCampaign(staff);
    const links = await apiCall(staff, 'GET', `/api/v1/campaigns/${campaign.id}/links`);
    const link = links[0] ?? links.items?.[0];
    assert.ok(link?.public_token, 'the campaign has a public link');
    /** @param {{ channel: string }[]} items */
    const web = (items) => items.filter((r) => r.channel === 'web').length;
    const before = web((await apiCall(staff, 'GET', `/api/v1/campaigns/${campaign.id}/responses?limit=200`)).items);

    await withBrowser(async ({ page }) => {
      await visit(page, `/s/${link.public_token}`, 'public survey (English)');
      await page.getByRole('heading', { level: 1, name: 'Your experience of the community mental health team' }).waitFor();

      // The respondent chooses Welsh.
      await page.getByTestId('survey-language').click();
      await page.getByRole('heading', { level: 1, name: "Eich profiad o'r tîm iechyd meddwl cymunedol" }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');

      // Nothing answered: the error summary says what is missing, in Welsh.
      await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      assert.match(await summary.innerText(), /Dewiswch ateb i: Roeddwn i'n rhan o benderfyniadau/);
      await checkAccessibility(page, 'public survey with errors (Welsh, phone)');
      await screenshot(page, 'survey-errors-cy-phone');

      // The plan question shows only for those who have a plan.
      const planQuestion = page.getByText('Pa mor ddefnyddiol yw eich cynllun');
      assert.equal(await planQuestion.count(), 0);
      await page.getByLabel("Cytuno'n gryf", { exact: true }).check();
      await page.getByLabel('Ie', { exact: true }).check();
      await planQuestion.waitFor();
      await page.getByLabel('8', { exact: true }).check();
      await page.getByLabel('Na', { exact: true }).check();
      await planQuestion.waitFor({ state: 'detached' });
      await page.getByLabel('Cymraeg', { exact: true }).check();
      await page.getByLabel("Beth yw'r un peth").fill('Mwy o apwyntiadau gyda’r nos.');
      await checkAccessibility(page, 'public survey filled in (Welsh, phone)');
      await screenshot(page, 'survey-filled-cy-phone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `the survey scrolls sideways by ${overflow}px on a phone`);

      // The first send reaches the server but the answer is lost on the way back;
      // then the respondent double-clicks. The same submission id is sent each time.
      /** @type {string[]} */
      const sent = [];
      let lost = false;
      await page.route('**/api/v1/public/surveys/*/responses', async (route) => {
        sent.push(route.request().postDataJSON().submission_id);
        if (!lost) {
          lost = true;
          await route.fetch();
          await route.abort('connectionfailed');
          return;
        }
        await route.continue();
      });
      await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
      await page.getByText('Ni allem anfon eich atebion').waitFor();
      await page.getByRole('button', { name: 'Anfon fy atebion' }).dblclick();
      await page.getByRole('heading', { level: 1, name: 'Diolch' }).waitFor();
      await checkAccessibility(page, 'survey thank-you (Welsh, phone)');
      await screenshot(page, 'survey-thanks-cy-phone');
      assert.ok(sent.length >= 2, `the form was sent again after the lost answer (${sent.length})`);
      assert.equal(new Set(sent).size, 1, 'every send carried the same submission id');
    }, PHONE);

    // An anonymous answer is not in the staff's list until it is counted in a release of
    // results: with four paper forms from the same service, five are released together.
    const waiting = await apiCall(staff, 'GET', `/api/v1/campaigns/${campaign.id}/responses?limit=200`);
    assert.equal(web(waiting.items), before, 'the web answer is not shown before a release');
    await paperResponses(staff, campaign.id, link.service_id, 4);
    const responses = await apiCall(staff, 'GET', `/api/v1/campaigns/${campaign.id}/responses?limit=200`);
    assert.equal(web(responses.items), before + 1, 'exactly one response was recorded');
    const mine = responses.items.find((/** @type {{ language: string, answers: { question_key: string }[] }} */ r) =>
      r.language === 'cy' && r.answers.some((a) => a.question_key === 'care_language'));
    assert.ok(mine, 'the Welsh response is in the staff list');
    assert.ok(!mine.answers.some((/** @type {{ question_key: string }} */ a) => a.question_key === 'plan_useful'), 'the hidden question was not answered');
  });
  test('a service user suggests a question in the co-design space and staff accept it, credited to them', TIMEOUT, async () => {
    const SUGGESTION = 'Were you given help with money, benefits or housing?';
    /** @type {string} */
    let versionPath = '';
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, '/instruments', 'surveys list');
      await screenshot(page, 'instruments-desktop');
      await page.getByRole('link', { name: 'Your experience of the community mental health team' }).click();
      await page.getByRole('heading', { level: 2, name: 'Versions' }).waitFor();
      await settled(page);
      await checkAccessibility(page, 'instrument page');
      // The published version never changes: a new draft is started for co-design.
      await page.getByRole('button', { name: 'Start a new draft version' }).click();
      await page.getByRole('heading', { level: 2, name: 'Who can help design this draft' }).waitFor();
      await settled(page);
      versionPath = new URL(page.url()).pathname;
      await page.getByLabel('Abermor Service User Forum').check();
      await page.getByRole('button', { name: 'Open for co-design' }).click();
      await page.getByText('Co-design is open to the organisations you chose.').waitFor();
      await checkAccessibility(page, 'draft open for co-design');
      await screenshot(page, 'codesign-open-desktop');
    });

    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'serviceuser@demo.gwella.test');
      // The invitation is on the service user's home page.
      await page.getByRole('link', { name: /Your experience of the community mental health team/ }).first().click();
      await page.getByRole('heading', { level: 3, name: 'Make a suggestion or a comment' }).waitFor();
      await settled(page);
      await checkAccessibility(page, 'co-design workspace (service user)');
      await page.getByLabel('Your question, in your own words').fill(SUGGESTION);
      await page.getByLabel('Why it matters').fill('Money worries make everything else harder.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Thank you. Your contribution has been added.').waitFor();
      const card = page.getByTestId('contribution').filter({ hasText: SUGGESTION });
      await card.getByRole('button', { name: /Vote for this/ }).click();
      await card.getByText('You voted for this.').waitFor();
      assert.match(await card.getByTestId('votes').innerText(), /Votes: 1\./);
      await checkAccessibility(page, 'co-design workspace after a suggestion');
      await screenshot(page, 'codesign-suggestion-desktop');
    });

    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, versionPath, 'co-design workspace (editor)');
      const card = page.getByTestId('contribution').filter({ hasText: SUGGESTION });
      await card.getByRole('button', { name: 'Accept', exact: true }).click();
      await card.getByLabel('Question in Welsh').fill("A gawsoch chi help gydag arian, budd-daliadau neu dai?");
      await card.getByLabel('Type of answer').selectOption('yes_no');
      await checkAccessibility(page, 'accepting a suggestion');
      await card.getByRole('button', { name: 'Accept and add the question' }).click();
      await card.getByText('Accepted: it is now a question in the draft').waitFor();
      // The new question is in the bilingual preview.
      const preview = page.getByTestId('bilingual-preview');
      await preview.getByText(SUGGESTION).waitFor();
      await preview.getByText('A gawsoch chi help gydag arian, budd-daliadau neu dai?').waitFor();
      // …credited, by name and role, to the service user who suggested it.
      const credits = page.getByTestId('credits');
      await credits.getByText(`${SUGGESTION} – Sam Service-User`).waitFor();
      await credits.getByText('Service user').waitFor();
      await screenshot(page, 'codesign-accepted-desktop');
    });

    const manager = await apiToken('manager@demo.gwella.test');
    const version = await apiCall(manager, 'GET', `/api/v1${versionPath}`);
    const added = version.content.questions.find((/** @type {{ text: { en: string } }} */ q) => q.text.en === SUGGESTION);
    assert.ok(added, 'the suggestion is a question of the draft');
    assert.ok(added.credited_to, 'the question is credited to its author');
  });

  test('publishing is refused until a service-user reviewer approves', TIMEOUT, async () => {
    const manager = await apiToken('manager@demo.gwella.test');
    const me = await apiCall(manager, 'GET', '/api/v1/users/me');
    const organisationId = me.memberships[0].organisation_id;
    const created = await apiCall(manager, 'POST', '/api/v1/instruments', {
      organisation_id: organisationId,
      code: `carers-${Date.now()}`,
      title: { en: 'Carers’ experience', cy: 'Profiad gofalwyr' },
      languages: ['en', 'cy'],
      content: {
        sections: [],
        questions: [
          { key: 'listened', type: 'yes_no', required: true, text: { en: 'Did staff listen to you?', cy: 'A wnaeth staff wrando arnoch chi?' } },
        ],
      },
    });
    const versionPath = `/instrument-versions/${created.versions[0].id}`;

    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, versionPath, 'new draft');
      // The forum must be invited for its members to review.
      await page.getByLabel('Abermor Service User Forum').check();
      await page.getByRole('button', { name: 'Open for co-design' }).click();
      await page.getByText('Co-design is open to the organisations you chose.').waitFor();
      await page.getByRole('button', { name: 'Send for review' }).click();
      await page.getByText('The draft has been sent for review.').waitFor();
      const blocked = page.getByTestId('blocking-reasons');
      await blocked.waitFor();
      assert.match(await blocked.innerText(), /service user or carer of the organisations the draft was opened to is needed; 0 so far/);
      assert.equal(await page.getByRole('button', { name: 'Publish this version' }).isDisabled(), true);
      await checkAccessibility(page, 'publication blocked');
      await screenshot(page, 'review-blocked-desktop');
    });

    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'serviceuser@demo.gwella.test');
      await visit(page, versionPath, 'review (service user)');
      // Asking for changes needs a comment.
      await page.getByLabel('Ask for changes').check();
      await page.getByRole('button', { name: 'Send my review' }).click();
      await page.locator('.nhsuk-error-summary').getByText('Say what should change.').waitFor();
      await checkAccessibility(page, 'review form with errors');
      await page.getByLabel('Approve it').check();
      await page.getByLabel('Comment').fill('Short and clear. Carers will answer this.');
      await page.getByRole('button', { name: 'Send my review' }).click();
      await page.getByText('Thank you. Your review has been recorded.').waitFor();
      await screenshot(page, 'review-approved-desktop');
    });

    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, versionPath, 'review approved');
      assert.equal(await page.getByTestId('blocking-reasons').count(), 0);
      await page.getByRole('button', { name: 'Publish this version' }).click();
      await page.getByText('This version is published. Campaigns can now use it.').waitFor();
      await checkAccessibility(page, 'published');
    });
    const version = await apiCall(manager, 'GET', `/api/v1${versionPath}`);
    assert.equal(version.status, 'published');
  });
  test('staff create a survey in the editor, with a condition, API field errors in place and a live bilingual preview', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, '/instruments', 'surveys list');
      const create = page.locator('form', { has: page.getByRole('heading', { name: 'Start a new survey' }) });
      await create.getByLabel('Code').fill(`day-centre-${Date.now()}`);
      await create.getByLabel('Title in English').fill('Day centre experience');
      await create.getByLabel('Title in Welsh').fill('Profiad y ganolfan ddydd');
      await create.getByRole('button', { name: 'Create the survey' }).click();
      await page.getByRole('heading', { level: 1, name: 'Edit the questions: Day centre experience' }).waitFor();
      await settled(page);

      // A yes/no question, then a free-text one shown only after "yes".
      await page.getByLabel('Type of the new question').selectOption('yes_no');
      await page.getByRole('button', { name: 'Add a question' }).click();
      await page.locator('#q0-key').fill('felt_welcome');
      await page.locator('#q0-text-en').fill('Did you feel welcome?');
      await page.locator('#q0-text-cy').fill("Oeddech chi'n teimlo bod croeso i chi?");
      await page.getByLabel('Type of the new question').selectOption('free_text');
      await page.getByRole('button', { name: 'Add a question' }).click();
      await page.locator('#q1-key').fill('welcome_detail');
      await page.locator('#q1-text-en').fill('What made you feel welcome?');
      await page.getByRole('button', { name: 'Add a condition' }).click();
      await page.locator('#q1-conditions-0-question').selectOption('felt_welcome');
      await page.locator('#q1-conditions-0-values').check();

      // The Welsh text of the second question is missing: the API says so, in place.
      await page.getByRole('button', { name: 'Save the draft' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      await summary.getByRole('link', { name: /Question 2 \(welcome_detail\): Question in Welsh: missing in this language/ }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'q1-text-cy');
      await checkAccessibility(page, 'editor with API errors');
      await page.locator('#q1-text-cy').fill("Beth wnaeth i chi deimlo bod croeso i chi?");
      await page.getByRole('button', { name: 'Save the draft' }).click();
      await page.getByText('Your changes have been saved.').waitFor();

      // The preview in both languages; the condition works in it.
      const preview = page.getByTestId('bilingual-preview');
      assert.equal(await preview.getByText('What made you feel welcome?').count(), 0);
      await preview.locator('#preview-en-felt_welcome').check();
      await preview.getByText('What made you feel welcome?').waitFor();
      await preview.getByText("Oeddech chi'n teimlo bod croeso i chi?").waitFor();
      await checkAccessibility(page, 'editor saved, preview');
      await screenshot(page, 'editor-desktop');
    });
  });

  test('staff set up a campaign, see its links, QR codes and live count, moderate comments and type in a paper form', TIMEOUT, async () => {
    const manager = await apiToken('manager@demo.gwella.test');
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, '/campaigns/new', 'campaign set-up');
      await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'Your experience of the community mental health team – Version 1' });
      await page.getByLabel('Name in English', { exact: true }).fill('CMHT experience, e2e');
      await page.getByLabel('Smallest group shown in results').fill('2');
      await page.getByRole('button', { name: 'Set up the campaign' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.getByText('Choose at least one service.').waitFor();
      await summary.getByText('Enter a whole number of 3 or more.').waitFor();
      await checkAccessibility(page, 'campaign set-up with errors');
      await page.locator('#campaign-service_ids').check();
      await page.getByLabel('Smallest group shown in results').fill('5');
      await page.getByRole('button', { name: 'Set up the campaign' }).click();
      await page.getByRole('heading', { level: 1, name: 'CMHT experience, e2e' }).waitFor();
      await settled(page);
      const qr = page.getByTestId('qr').first();
      await qr.waitFor();
      await page.waitForFunction(() => {
        const img = document.querySelector('[data-testid="qr"]');
        return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
      });
      await checkAccessibility(page, 'campaign page');
      assert.equal((await page.getByTestId('response-count').innerText()).trim(), '0');

      await page.getByText('This number is slightly adjusted so that nobody can work out what one person said.', { exact: false }).waitFor();

      // Five respondents answer through the link (with access codes: every answer of this run
      // comes from one address). Together they make a release: the count moves by itself.
      const url = await page.locator('[data-testid="campaign-links"] a').first().getAttribute('href');
      assert.ok(url);
      const token = url.split('/s/')[1] ?? '';
      const campaignId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const [link] = (await apiCall(manager, 'GET', `/api/v1/campaigns/${campaignId}/links`)).filter(
        (/** @type {{ public_token: string }} */ l) => l.public_token === token,
      );
      const codes = await accessCodes(manager, campaignId, link.service_id, 5);
      for (const [i, card] of codes.entries()) {
        await answerWithCode(token, card.code, i === 0 ? { ...DEMO_ANSWERS, what_matters: 'Evening appointments, please.' } : DEMO_ANSWERS);
      }
      await page.waitForFunction(() => document.querySelector('[data-testid="response-count"]')?.textContent?.trim() !== '0', undefined, {
        timeout: 20_000,
      });
      assert.match((await page.getByTestId('response-count').innerText()).trim(), /^(\d+|Held back)$/);
      await screenshot(page, 'campaign-desktop');

      // One more from the same address, without a code: too many from one connection today,
      // so it is held until staff approve it; staff see it only once its day is over (so that
      // none is seen as it arrives), not now.
      const burst = await fetch(`${app.baseUrl}/api/v1/public/surveys/${token}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ submission_id: crypto.randomUUID(), language: 'en', answers: { involved: '1', has_care_plan: 'no' } }),
      });
      assert.equal(burst.status, 201, await burst.text());
      const waiting = await apiCall(manager, 'GET', `/api/v1/campaigns/${campaignId}/held-responses`);
      assert.deepEqual(waiting.items, []);
      await page.getByRole('link', { name: 'Responses and moderation' }).click();

      // The comment waits for moderation; staff publish it.
      await page.getByRole('heading', { level: 2, name: 'Comments to moderate' }).waitFor();
      await settled(page);
      const held = page.getByTestId('held-responses');
      await held.getByText('a shared tablet in a waiting room, or someone answering again and again', { exact: false }).waitFor();
      await held.getByText('No responses are waiting for approval.').waitFor();
      await checkAccessibility(page, 'responses and moderation');
      await screenshot(page, 'responses-desktop');
      const card = page.getByTestId('moderation').locator('li', { hasText: 'Evening appointments, please.' });
      await card.getByRole('button', { name: 'Redact' }).click();
      await card.getByText('Say why you redact this comment.').waitFor();
      await card.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('No comments are waiting.').waitFor();
      const responsesPath = new URL(page.url()).pathname;

      // The published comment shows in the results, with "propose an improvement" from it.
      await page.goto(`${app.baseUrl}${responsesPath.replace('/responses', '/results')}`);
      await settled(page);
      const comment = page.getByTestId('results-comments').locator('li', { hasText: 'Evening appointments, please.' });
      await comment.getByRole('link', { name: /Propose an improvement from this/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Propose an improvement' }).waitFor();
      await settled(page);
      await page.getByTestId('proposal-evidence').getByText('A published comment from the survey', { exact: false }).waitFor();
      assert.match(new URL(page.url()).searchParams.get('answer_id') ?? '', /^[0-9a-f-]{36}$/);
      await checkAccessibility(page, 'propose from a comment');

      // A paper form, through the same survey form.
      await page.goto(`${app.baseUrl}${responsesPath.replace('/responses', '/paper')}`);
      await settled(page);
      await page.getByLabel('Service the form came from').selectOption({ index: 1 });
      await page.locator('#paper-answer-involved').check();
      await page.getByLabel('No', { exact: true }).check();
      await checkAccessibility(page, 'paper entry');
      await page.getByRole('button', { name: 'Save this form' }).dblclick();
      await page.getByText('Forms saved in this session: 1.').waitFor();
      await page.getByRole('link', { name: 'CMHT experience, e2e' }).click();
      await page.getByRole('heading', { level: 1, name: 'CMHT experience, e2e' }).waitFor();
      await settled(page);

      // Closing takes two steps.
      await page.getByRole('button', { name: 'Close the campaign now' }).click();
      await page.getByRole('button', { name: 'Yes, close it' }).click();
      await page.getByText('The campaign is closed. No more answers will be taken.').waitFor();
    });
  });
  test('the survey, co-design and campaign pages work on a phone (360 px)', TIMEOUT, async () => {
    const manager = await apiToken('manager@demo.gwella.test');
    const campaign = await demoCampaign(manager);
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      for (const [path, name] of [
        ['/instruments', 'instruments'],
        [`/instrument-versions/${campaign.instrument_version_id}`, 'version'],
        [`/instrument-versions/${campaign.instrument_version_id}/edit`, 'editor-refused'],
        ['/campaigns', 'campaigns'],
        [`/campaigns/${campaign.id}`, 'campaign'],
        [`/campaigns/${campaign.id}/responses`, 'responses'],
        [`/campaigns/${campaign.id}/paper`, 'paper'],
        ['/campaigns/new', 'campaign-new'],
      ]) {
        await visit(page, path, `${name} (phone)`);
        await screenshot(page, `${name}-phone`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `${name} scrolls sideways by ${overflow}px on a phone`);
      }
    }, PHONE);
  });

  test('an open results dashboard moves on once, live, when enough answers for a release have come in', TIMEOUT, async () => {
    const manager = await apiToken('manager@demo.gwella.test');
    const { campaign, links } = await freshCampaign(manager, `Dashboard release ${Date.now()}`);
    const link = links[0];
    assert.ok(link?.public_token, 'the campaign has a public link');
    const codes = await accessCodes(manager, campaign.id, link.service_id, 5);
    const manager2 = await openBrowser();
    try {
      const dashboard = manager2.page;
      await signIn(dashboard, app.baseUrl, 'manager@demo.gwella.test');
      await visit(dashboard, `/campaigns/${campaign.id}`, 'campaign page');
      await dashboard.getByRole('link', { name: 'See the results' }).click();
      await dashboard.getByRole('heading', { level: 1, name: `Results: ${campaign.name}` }).waitFor();
      await settled(dashboard);
      // Nothing released yet: the page says how results will come, and gives no count.
      await dashboard.getByTestId('results-released').getByText('No results released yet.').waitFor();
      await dashboard.getByTestId('results-none').getByText('Results appear here once enough people have answered in a service.').waitFor();
      assert.equal(await dashboard.getByTestId('results-responses').count(), 0);
      await checkAccessibility(dashboard, 'results dashboard, nothing released');
      /** @type {string[]} */
      const navigations = [];
      dashboard.on('framenavigated', (frame) => {
        if (frame === dashboard.mainFrame()) navigations.push(frame.url());
      });
      let refetches = 0;
      dashboard.on('request', (request) => {
        if (new URL(request.url()).pathname === `/api/v1/campaigns/${campaign.id}/results`) refetches += 1;
      });

      // Four people answer: not enough for a release, so the dashboard does not move.
      for (const card of codes.slice(0, 4)) await answerWithCode(link.public_token, card.code);
      await dashboard.waitForTimeout(3000);
      assert.equal(refetches, 0, 'no refetch before a release');
      await dashboard.getByTestId('results-released').getByText('No results released yet.').waitFor();

      // The fifth answers on the public page in another browser, with the code from their card.
      await withBrowser(async ({ page }) => {
        await visit(page, new URL(codes[4]?.url ?? '').pathname + new URL(codes[4]?.url ?? '').search, 'public survey with a code');
        assert.equal(await page.getByLabel('Access code').inputValue(), codes[4]?.code);
        await page.getByLabel('Agree', { exact: true }).check();
        await page.getByLabel('No', { exact: true }).check();
        await page.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      }, PHONE);

      // The open dashboard moves on by itself, within seconds, without a reload, once.
      await dashboard.getByTestId('results-live').getByText(/New results shown at/).waitFor({ timeout: 15_000 });
      await dashboard.getByTestId('results-released').getByText(/^Last updated /).waitFor();
      await dashboard.getByTestId('results-responses').waitFor();
      assert.match((await dashboard.getByTestId('results-responses').innerText()).trim(), /^(\d+|Held back)$/);
      assert.ok(await dashboard.getByTestId('question-result').count() > 0, 'the questions are shown');
      assert.ok(await dashboard.getByTestId('bar-chart').count() > 0, 'questions are drawn as charts');
      await dashboard.waitForTimeout(2000);
      assert.equal(refetches, 1, `the results were read again once (${refetches})`);
      assert.deepEqual(navigations, [], 'the dashboard was not reloaded');
      await dashboard.getByText('Show as a table').first().click();
      await checkAccessibility(dashboard, 'results dashboard');
      await screenshot(dashboard, 'results-desktop');
      assert.deepEqual(manager2.pageErrors, [], 'the dashboard threw JavaScript errors');
    } finally {
      await manager2.close();
    }
  });

  test('the results page explains, in English and in Welsh, how its numbers are protected and when they last moved on', TIMEOUT, async () => {
    const manager = await apiToken('manager@demo.gwella.test');
    const { campaign, links } = await freshCampaign(manager, `Protected results ${Date.now()}`);
    await paperResponses(manager, campaign.id, links[0]?.service_id ?? '', 12);
    for (const [viewport, suffix] of /** @type {const} */ ([
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ])) {
      await withBrowser(async ({ page }) => {
        await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
        await visit(page, `/campaigns/${campaign.id}/results`, `results (${suffix})`);
        const note = page.getByTestId('disclosure-note');
        await note.getByText('Numbers are slightly adjusted, and some are held back, so that nobody can work out what one person said.').waitFor();
        await note.getByText('tables may not add up exactly', { exact: false }).waitFor();
        await note.getByText('they move on once at least 5 more people have answered in a service', { exact: false }).waitFor();
        await page.getByTestId('results-released').getByText(/^Last updated \d+ \w+ \d{4}\.$/).waitFor();
        const text = await page.locator('main').innerText();
        assert.ok(!/Hidden|never shown as 0|\d+ \(\)/.test(text), 'nothing on the page contradicts the note');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `the results page scrolls sideways by ${overflow}px (${suffix})`);
        await screenshot(page, `results-protection-${suffix}`);

        // In Welsh, switched the way anyone switches (and remembered in the profile).
        await page.getByRole('button', { name: 'Cymraeg' }).click();
        await page.getByRole('heading', { level: 1, name: `Canlyniadau: ${campaign.name}` }).waitFor();
        await note.getByText("Mae'r rhifau wedi'u haddasu ychydig, ac mae rhai wedi'u dal yn ôl, fel na all neb weithio allan beth ddywedodd un person.").waitFor();
        await note.getByText('efallai na fydd y tablau', { exact: false }).waitFor();
        await page.getByTestId('results-released').getByText(/^Diweddarwyd ddiwethaf \d+ (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}\.$/).waitFor();
        await checkAccessibility(page, `results in Welsh (${suffix})`);
        await screenshot(page, `results-protection-cy-${suffix}`);
        // Put it back for anyone else using the demo account.
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: `Results: ${campaign.name}` }).waitFor();
      }, viewport);
    }
  });

  test('a campaign runner makes access codes and prints cards; a respondent answers with a card on a phone; the code works once', TIMEOUT, async () => {
    const name = `Access code cards ${Date.now()}`;
    /** @type {{ code: string, url: string }[]} */
    const cards = [];
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, '/campaigns/new', 'campaign set-up');
      await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'Your experience of the community mental health team – Version 1' });
      await page.getByLabel('Name in English', { exact: true }).fill(name);
      await page.locator('#campaign-service_ids').check();
      await page.getByLabel('Ask every web respondent for a single-use access code').check();
      await page.getByText('stops people filling the survey in again and again', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Set up the campaign' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await settled(page);
      await page.getByTestId('requires-access-code').getByText('Every web respondent needs a single-use access code').waitFor();

      // Make three codes for the service.
      const section = page.getByTestId('access-codes');
      await section.getByText('No access codes have been made for this campaign yet.').waitFor();
      await section.getByLabel('How many codes').fill('3');
      await section.getByLabel('Label (optional)').fill('Cards for the Tuesday clinic');
      await section.getByRole('button', { name: 'Make the codes' }).click();
      const sheet = section.getByTestId('access-code-cards');
      await sheet.waitFor();
      await section.getByText('These codes are shown only this once').waitFor();
      assert.equal(await sheet.getByTestId('access-code-card').count(), 3);
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('main [data-testid="access-code-qr"]')).every(
          (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0 && img.src.startsWith('data:image/svg+xml;base64,'),
        ),
      );
      assert.equal(await page.locator('main [data-testid="access-code-cards"] svg').count(), 0, 'the QR markup is never put into the page');
      for (const card of await sheet.getByTestId('access-code-card').all()) {
        cards.push({ code: (await card.getByTestId('access-code').innerText()).trim(), url: (await card.getByTestId('access-code-url').innerText()).trim() });
      }
      assert.ok(cards.every((c) => /^[A-Z0-9]{5}-[A-Z0-9]{5}$/.test(c.code) && c.url.endsWith(`?code=${c.code}`)), JSON.stringify(cards));
      await section.getByTestId('access-code-batch').getByRole('cell', { name: 'Cards for the Tuesday clinic', exact: true }).waitFor();
      await checkAccessibility(page, 'access codes made');
      await screenshot(page, 'access-codes-desktop');

      // "Print cards" prints the cards alone.
      await page.evaluate(() => {
        /** @type {any} */ (window).printed = 0;
        window.print = () => {
          /** @type {any} */ (window).printed += 1;
        };
      });
      await section.getByRole('button', { name: 'Print cards' }).click();
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).printed), 1);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#root').isVisible(), false, 'nothing but the cards is printed');
      assert.equal(await page.locator('.app-print-sheet [data-testid="access-code-card"]').count(), 3);
      assert.equal(await page.locator('.app-print-sheet [data-testid="access-code-card"]').first().isVisible(), true);
      await screenshot(page, 'access-code-cards-print');
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.locator('.app-print-sheet').isVisible(), false);
    });

    const [first, second, third] = cards;
    assert.ok(first && second && third);
    const path = (/** @type {string} */ url) => new URL(url).pathname + new URL(url).search;

    // A respondent opens the first card's link on a phone: the code is there already.
    await withBrowser(async ({ page }) => {
      await visit(page, path(first.url), 'public survey with an access code (phone)');
      const input = page.getByLabel('Access code');
      assert.equal(await input.inputValue(), first.code);
      assert.equal(await input.getAttribute('autocomplete'), 'off');
      await page.getByText('printed on your card or in your text message', { exact: false }).first().waitFor();
      await page.getByLabel('Agree', { exact: true }).check();
      await page.getByLabel('No', { exact: true }).check();
      await screenshot(page, 'survey-access-code-phone');
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    }, PHONE);

    // The same card again: refused, clearly, in English and in Welsh.
    await withBrowser(async ({ page }) => {
      await visit(page, path(first.url), 'public survey with a used code (phone)');
      await page.getByLabel('Agree', { exact: true }).check();
      await page.getByLabel('No', { exact: true }).check();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.getByText('This access code cannot be used. Each code works only once', { exact: false }).waitFor();
      await page.locator('#access-code-error').getByText('This access code cannot be used.', { exact: false }).waitFor();
      await checkAccessibility(page, 'used access code refused (phone)');
      await screenshot(page, 'survey-access-code-used-phone');
      await page.getByTestId('survey-language').click();
      await page.getByRole('heading', { level: 1, name: "Eich profiad o'r tîm iechyd meddwl cymunedol" }).waitFor();
      await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
      await summary.getByText("Ni ellir defnyddio'r cod mynediad hwn.", { exact: false }).waitFor();
      await checkAccessibility(page, 'used access code refused (Welsh, phone)');
      await screenshot(page, 'survey-access-code-used-cy-phone');

      // Without a code, the survey asks for one before sending anything.
      await visit(page, new URL(first.url).pathname, 'public survey without a code (Welsh, phone)');
      assert.equal(await page.getByLabel('Cod mynediad').inputValue(), '');
      await page.getByLabel("Cytuno'n gryf", { exact: true }).check();
      await page.getByLabel('Na', { exact: true }).check();
      await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
      await summary.getByRole('link', { name: 'Rhowch y cod mynediad sydd ar eich cerdyn neu yn eich neges destun.' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'access-code');
      // The second card works, typed in by hand.
      await page.getByLabel('Cod mynediad').fill(second.code.toLowerCase());
      await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
      await page.getByRole('heading', { level: 1, name: 'Diolch' }).waitFor();
    }, PHONE);

    // Lost cards: the runner revokes the batch, and its unused third code stops working.
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await page.goto(`${app.baseUrl}/campaigns`);
      await settled(page);
      await page.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await settled(page);
      const row = page.getByTestId('access-code-batch').filter({ hasText: 'Cards for the Tuesday clinic' });
      await row.getByRole('button', { name: /Revoke/ }).click();
      await row.getByRole('button', { name: 'Yes, revoke them' }).click();
      await page.getByText('The batch has been revoked: its unused codes no longer work.').waitFor();
      await row.getByText(/^Revoked on /).waitFor();
      await checkAccessibility(page, 'access codes revoked');
    });
    const token = new URL(third.url).pathname.split('/s/')[1];
    const refused = await fetch(`${app.baseUrl}/api/v1/public/surveys/${token}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ submission_id: crypto.randomUUID(), language: 'en', answers: DEMO_ANSWERS, access_code: third.code }),
    });
    assert.equal(refused.status, 403, await refused.text());
  });

  test('the indicators overview and an SPC chart page show signals in words and icons, with a table and annotations', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, '/indicators', 'indicators index');
      await page.getByTestId('indicator-partnerships').getByRole('link').first().click();
      await page.getByRole('heading', { level: 1, name: /^Indicators: / }).waitFor();
      await settled(page);
      await page.getByRole('heading', { level: 2, name: /Standard 2: Service user and carer empowerment/ }).waitFor();
      assert.ok(await page.locator('[data-variation]').count() > 0, 'variation icons are shown');
      await checkAccessibility(page, 'indicators overview');
      await screenshot(page, 'indicators-overview-desktop');

      const card = page.getByTestId('indicator-card').filter({ hasText: 'Median days from referral to assessment' });
      // The board's row (the council's series of the same indicator is beside it).
      await card.getByRole('link', { name: /^Bae Abermor University Health Board/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Median days from referral to assessment' }).waitFor();
      await settled(page);
      await page.getByTestId('spc-chart').waitFor();
      assert.ok(await page.locator('[data-testid="spc-chart"] [data-marker="concern"]').count() > 0, 'concerning points are marked');
      await page.getByTestId('spc-summary').getByText(/Special cause: concerning/).waitFor();
      await page.getByText('Show the chart as a table').click();
      await page.getByTestId('spc-table').waitFor();

      // Annotate the chart; the note is numbered on the axis and listed.
      const form = page.getByTestId('annotation-form');
      await form.getByRole('button', { name: 'Add the annotation' }).click();
      await form.locator('.nhsuk-error-summary').getByText('Enter the date of the annotation').waitFor();
      const rows = await page.locator('[data-testid="spc-table"] tbody tr').count();
      assert.ok(rows >= 12, `the table has every point (${rows})`);
      await fillDate(form, 'Date', '2025-06-15');
      await form.getByLabel('Note in English').fill('New triage clinic opened');
      await form.getByRole('button', { name: 'Add the annotation' }).click();
      await page.getByText('The annotation has been added to the chart.').waitFor();
      await page.getByTestId('annotation-list').getByText('New triage clinic opened').waitFor();
      await page.locator('[data-testid="spc-annotation"]').first().waitFor();
      await checkAccessibility(page, 'SPC chart page');
      await screenshot(page, 'spc-chart-desktop');

      await visit(page, '/notifications', 'notifications');
    });
  });
  test('a service user proposes an improvement from a survey result; two organisations take it on; progress and a PDSA cycle reach the public page and the chart', TIMEOUT, async () => {
    const manager = await apiToken('manager@demo.gwella.test');
    const campaign = await demoCampaign(manager);
    const me = await apiCall(manager, 'GET', '/api/v1/users/me');
    const board = me.memberships[0].organisation_id;
    const partnerships = await apiCall(manager, 'GET', '/api/v1/partnerships');
    const partnership = partnerships.items[0];
    const members = await apiCall(manager, 'GET', `/api/v1/partnerships/${partnership.id}/members`);
    const council = members.items.find((/** @type {{ organisation_name: string }} */ m) => m.organisation_name.includes('City Council'));
    assert.ok(council, 'the council is in the demo partnership');
    const title = `Ask people what they want from their care plan ${Date.now()}`;
    /** @type {string} */
    let actionId = '';
    // Enough answers in one service for a release, so that the results have a question to act on.
    const links = await apiCall(manager, 'GET', `/api/v1/campaigns/${campaign.id}/links`);
    await paperResponses(manager, campaign.id, links[0].service_id, 5);

    // 1. A service user proposes from a result of the survey, in one click.
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'serviceuser@demo.gwella.test');
      await page.goto(`${app.baseUrl}/campaigns/${campaign.id}/results`);
      await settled(page);
      await page.locator('[data-question="involved"] [data-testid="propose-action"]').click();
      await page.getByRole('heading', { level: 1, name: 'Propose an improvement' }).waitFor();
      await settled(page);
      await page.getByTestId('proposal-evidence').getByText('"involved"', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Send the proposal' }).click();
      await page.locator('.nhsuk-error-summary').getByText('Enter a title in English or Welsh.').waitFor();
      await checkAccessibility(page, 'propose an improvement, with errors');
      await page.getByLabel('Title in English').fill(title);
      await page.getByLabel('Title in Welsh').fill('Gofyn i bobl beth maen nhw eisiau o’u cynllun gofal');
      await page.getByLabel('What should change, and why, in English').fill('I was not asked what I wanted in my care plan.');
      assert.equal(await page.getByLabel("A service user's proposal").isChecked(), true, 'origin defaults to the service user');
      await page.getByRole('button', { name: 'Send the proposal' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await settled(page);
      actionId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await page.getByTestId('evidence').getByText('"involved"', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Support this proposal' }).click();
      await page.getByTestId('support-count').getByText('Supporters: 1 (100% from service users)').waitFor();
      await checkAccessibility(page, 'action page (service user)');
      await screenshot(page, 'action-service-user');
    });
    assert.match(actionId, /^[0-9a-f-]{36}$/);

    // 2. The health board is asked to lead and the council to support; each accepts in the browser.
    await apiCall(manager, 'POST', `/api/v1/actions/${actionId}/responsibilities`, { organisation_id: board, role: 'lead' });
    await apiCall(manager, 'POST', `/api/v1/actions/${actionId}/responsibilities`, { organisation_id: council.organisation_id, role: 'supporting' });
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'council@demo.gwella.test');
      await visit(page, `/actions/${actionId}`, 'action page (council manager)');
      const part = page.locator('[data-testid="responsibility"]', { hasText: 'City Council' });
      await part.getByRole('button', { name: 'Accept this part' }).click();
      await part.getByText('Accepted', { exact: true }).waitFor();
      // After accepting, the council's manager names an owner for its part.
      await part.getByText('Change the owner').click();
      const owner = part.getByTestId('change-owner');
      await owner.getByLabel('New owner').locator('option').nth(1).waitFor({ state: 'attached' });
      await owner.getByLabel('New owner').selectOption({ index: 1 });
      await owner.getByRole('button', { name: 'Save the owner' }).click();
      await part.getByText('The owner has been changed.').waitFor();
      await part.getByText('You', { exact: true }).waitFor();
      await checkAccessibility(page, 'action page, owner changed');
    });

    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, `/actions/${actionId}`, 'action page (health board manager)');
      const part = page.locator('[data-testid="responsibility"]', { hasText: 'Health Board' });
      await part.getByLabel('Owner').selectOption({ label: 'Morgan Manager' });
      await part.getByRole('button', { name: 'Accept this part' }).click();
      await part.getByText('Accepted', { exact: true }).waitFor();
      await part.getByText('You', { exact: true }).waitFor();

      // 3. Status: under review, then agreed, then in progress; each explained.
      for (const [status, why] of [
        ['Under review', 'The forum raised it at the partnership meeting.'],
        ['Agreed', 'Both organisations will change how care plans are written.'],
        ['In progress', 'Training for care coordinators starts this month.'],
      ]) {
        const form = page.getByTestId('status-form');
        await form.getByLabel(status, { exact: true }).check();
        await form.getByLabel('Explanation').fill(why);
        await form.getByRole('button', { name: 'Change the status' }).click();
        await page.getByText(`The action is now: ${status}.`).waitFor();
      }
      await page.locator('[data-kind="status_changed"]', { hasText: 'Training for care coordinators' }).waitFor();

      // 4. Progress with a percentage.
      await page.getByText('Report progress').click();
      const update = page.getByTestId('update-form');
      await update.getByLabel('What has happened, in English').fill('Care coordinators now ask what matters before writing the plan.');
      await update.getByLabel('Progress (percentage)').fill('60');
      await update.getByRole('button', { name: 'Save the update' }).click();
      await page.getByTestId('update').getByText('Care coordinators now ask what matters before writing the plan.').waitFor();

      // 5. A PDSA cycle, planned against the indicator and completed.
      await page.getByText('Plan a new cycle').click();
      const plan = page.getByTestId('pdsa-plan-form');
      await plan.getByLabel('Objective').fill('Ask three questions before each care plan review.');
      await plan.getByLabel('Prediction').fill('More people say they were involved.');
      await plan.getByLabel('Indicator that will tell (optional)').selectOption({ label: 'SU-INVOLVED: Service users who felt involved in decisions about their care' });
      await plan.getByRole('button', { name: 'Plan the cycle' }).click();
      const stage = page.getByTestId('pdsa-stage-form');
      await stage.getByLabel('What happened').fill('Two teams tried the questions for a month.');
      await stage.getByRole('button', { name: 'Save this stage' }).click();
      await stage.getByLabel('Results against the prediction').fill('Involvement rose on the chart, as predicted.');
      await stage.getByRole('button', { name: 'Save this stage' }).click();
      await stage.getByLabel('Adopt', { exact: true }).check();
      await stage.getByLabel('What you decided, and why').fill('Adopt it in every team.');
      await stage.getByRole('button', { name: 'Save this stage' }).click();
      await page.locator('[data-testid="pdsa-cycle"][data-stage="done"]').waitFor();
      await checkAccessibility(page, 'action page with a finished PDSA cycle');
      await screenshot(page, 'action-manager');

      // 6. The cycle is annotated on the indicator's chart.
      await page.getByTestId('pdsa-chart-link').first().click();
      await settled(page);
      await page.getByTestId('annotation-list').getByText(/PDSA 1/).first().waitFor();
      await page.getByTestId('propose-action').waitFor();

      // 7. The public summary ("you said, we did") is written by the lead organisation, in the edit form.
      await visit(page, `/actions/${actionId}`, 'action page before editing');
      await page.getByText('Edit the action').click();
      const edit = page.getByTestId('edit-action-form');
      await edit.getByLabel('"You said, we did" summary in English').fill('You said you were not asked; care plans now start with what matters to you.');
      await edit.getByLabel('"You said, we did" summary in Welsh').fill('Dywedoch na ofynnwyd i chi; mae cynlluniau gofal nawr yn dechrau gyda’r hyn sy’n bwysig i chi.');
      await edit.getByRole('button', { name: 'Save the changes' }).click();
      await page.getByText('The action has been saved.').waitFor();
      await page.getByTestId('action-summary').getByText('care plans now start with what matters to you', { exact: false }).waitFor();
      await page.locator('[data-kind="edited"]').first().waitFor();
      await checkAccessibility(page, 'action page after editing');

      // 8. The accountability views, the partnership's leads and the printable report in a new tab.
      await visit(page, `/partnerships/${partnership.id}/actions/accountability`, 'partnership accountability');
      await page.getByTestId('organisations-table').getByText('Abermor City Council Adult Social Services').waitFor();
      await page.getByTestId('leads-table').getByText('Morgan Manager', { exact: false }).first().waitFor();
      const [report] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open the printable report' }).click()]);
      await report.waitForURL(/^blob:/);
      await report.getByRole('heading', { level: 1 }).first().waitFor();
      await report.close();
      await page.getByTestId('report-opened').waitFor();
      await visit(page, `/organisations/${board}/actions/accountability`, 'organisation accountability');
      await visit(page, `/actions?view=columns`, 'actions board, columns');
      await page.locator('[data-status="in_progress"]').getByText(title).waitFor();
    });

    // 9. Anyone, without signing in, sees it on the public page, in English and in Welsh.
    await withBrowser(async ({ page }) => {
      await visit(page, `/public/partnerships/${partnership.id}`, 'public "you said, we did" page');
      const card = page.getByTestId('public-doing').locator('[data-testid="public-action"]', { hasText: title });
      await card.getByText('care plans now start with what matters to you', { exact: false }).waitFor();
      await card.getByText('Care coordinators now ask what matters before writing the plan.').waitFor({ state: 'attached' });
      await card.getByText('60%').first().waitFor();
      const text = await page.locator('main').innerText();
      assert.ok(!text.includes('Sam Service-User') && !text.includes('Morgan Manager') && !text.includes('@demo.gwella.test'), 'no personal data on the public page');
      await screenshot(page, 'public-you-said-we-did');
      await page.getByRole('button', { name: 'Cymraeg' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dywedoch chi, gwnaethom ni' }).waitFor();
      await page.getByText('Gofyn i bobl beth maen nhw eisiau o’u cynllun gofal').waitFor();
      await checkAccessibility(page, 'public page in Welsh');
    }, PHONE);
  });

  // Not checked with axe: Swagger UI's own markup fails it (contrast, nested controls), and
  // the page is for developers of partner systems, not the people the app serves.
  test('the API documentation renders from this server alone, within its Content-Security-Policy', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      /** @type {string[]} */
      const elsewhere = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${app.baseUrl}/`) && !url.startsWith('data:')) elsewhere.push(url);
      });
      /** @type {string[]} */
      const cspErrors = [];
      page.on('console', (message) => {
        if (/content security policy/i.test(message.text())) cspErrors.push(message.text());
      });
      // Init scripts are not subject to the page's CSP: they see every violation it reports.
      await page.addInitScript(() => {
        /** @type {any} */ (window).cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          /** @type {any} */ (window).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });

      const answer = await page.goto(`${app.baseUrl}/api/docs`);
      assert.match(answer?.headers()['content-security-policy'] ?? '', /script-src 'self';/);
      // Swagger UI renders the tags as they scroll into view: the first ones are there.
      await page.locator('#operations-auth-issueToken').waitFor({ timeout: 30_000 });
      assert.ok((await page.locator('.opblock').count()) >= 5, 'the operations are listed');
      await screenshot(page, 'api-docs');

      // A deep link opens an operation further down; "Try it out" calls this server from the
      // page (connect-src 'self').
      await page.goto(`${app.baseUrl}/api/docs#/health/getHealth`);
      await page.reload(); // only the hash changed: Swagger UI reads it when it starts
      const operation = page.locator('#operations-health-getHealth');
      await operation.getByRole('button', { name: 'Try it out' }).click();
      await operation.getByRole('button', { name: 'Execute' }).click();
      await operation.locator('.live-responses-table .response-col_status', { hasText: '200' }).waitFor();

      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).cspViolations), [], 'CSP violations');
      assert.deepEqual(cspErrors, [], 'CSP errors in the console');
      assert.deepEqual(elsewhere, [], 'requests that left the server');
    });
  });
});
