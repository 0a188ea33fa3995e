// End-to-end journeys against the real app: node --test e2e/journeys.test.mjs
// (npm run e2e). Every page visited is checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  PHONE,
  checkAccessibility,
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
 * A browser for one test, closed whatever happens.
 * @param {(b: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>} body
 * @param {{ width: number, height: number }} [viewport]
 */
async function withBrowser(body, viewport = DESKTOP) {
  const browser = await openBrowser(viewport);
  try {
    await body(browser);
    assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
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
});
