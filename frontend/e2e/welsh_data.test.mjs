// Welsh is equal in data, not only in labels (issue 17 item 2): a Welsh-speaking service user
// proposes an improvement with only a Welsh title, and it reads honestly on Welsh and English
// pages (the other language's absence said, the text marked lang="cy"); organisations and
// services are named in Welsh on Welsh pages. At 1280 and 360 px, axe on every page.
// node --test e2e/welsh_data.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiCall, apiToken, mainPages, preferLanguage as setLanguage } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const WELSH_TITLE = 'Clinigau gyda’r nos yn y tîm cymunedol';
const WELSH_DESCRIPTION = 'Rwy’n gweithio yn ystod y dydd ac yn methu dod i’r clinig.';

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
 * A browser for one test (in a viewport), closed whatever happens; no JavaScript errors.
 * @param {(b: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>} body
 * @param {{ width: number, height: number }} [viewport]
 */
async function withBrowser(body, viewport = DESKTOP) {
  const browser = await openBrowser(viewport);
  try {
    await body(browser);
    assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
  } catch (error) {
    await screenshot(browser.page, `failure-welsh-data-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

/**
 * Set a demo person's preferred language (the app then speaks it once they sign in).
 * @param {string} email
 * @param {'en' | 'cy'} language
 */
async function preferLanguage(email, language) {
  await setLanguage(app.baseUrl, email, language);
}

/**
 * Sign in, and wait for the page to be in the person's language.
 * @param {import('playwright-core').Page} page
 * @param {string} email
 * @param {'en' | 'cy'} language
 */
async function signInAs(page, email, language) {
  await signIn(page, app.baseUrl, email);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * Open a page of the app, settled, checked by axe.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {string} label
 */
async function visit(page, path, label) {
  await page.goto(`${app.baseUrl}${path}`);
  await settled(page);
  await checkAccessibility(page, label);
}

describe('Welsh in what people write and in the names of organisations', () => {
  test('a Welsh-speaking service user proposes with only a Welsh title; Welsh and English pages show it honestly', TIMEOUT, async () => {
    await preferLanguage('serviceuser@demo.gwella.test', 'cy');
    let actionId = '';
    await withBrowser(async ({ page }) => {
      await signInAs(page, 'serviceuser@demo.gwella.test', 'cy');
      await visit(page, '/actions/new', 'propose an improvement (Welsh)');
      await page.getByRole('heading', { level: 1, name: 'Cynnig gwelliant' }).waitFor();
      // On a Welsh page the Welsh fields come first, and the English ones are not required.
      const welshTitle = page.getByLabel('Teitl yn Gymraeg');
      assert.equal(await welshTitle.getAttribute('lang'), 'cy');
      const welshFirst = await welshTitle.evaluate((welsh) => {
        const english = document.querySelector('input[lang="en"]');
        return english !== null && Boolean(welsh.compareDocumentPosition(english) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(welshFirst, 'the Welsh title comes before the English one');
      await page.getByLabel('Teitl yn Gymraeg').fill(WELSH_TITLE);
      await page.getByLabel('Beth ddylai newid, a pham, yn Gymraeg').fill(WELSH_DESCRIPTION);
      await page.getByRole('button', { name: 'Anfon y cynnig' }).click();
      await page.getByRole('heading', { level: 1, name: WELSH_TITLE }).waitFor();
      await settled(page);
      actionId = new URL(page.url()).pathname.split('/').pop() ?? '';
      // A Welsh page shows the Welsh as its own: no "(… yn unig)" note.
      assert.equal(await page.locator('main h1 .app-other-language').count(), 0);
      await page.getByTestId('timeline').getByText("Wedi'i gynnig gan ddefnyddiwr gwasanaeth").waitFor();
      await checkAccessibility(page, 'action proposed in Welsh (Welsh page)');
      await screenshot(page, 'welsh-data/action-welsh-page-1280');
    });
    assert.match(actionId, /^[0-9a-f-]{36}$/);

    const manager = await apiToken(app.baseUrl, 'manager@demo.gwella.test');
    const stored = await apiCall(app.baseUrl, manager, 'GET', `/api/v1/actions/${actionId}`);
    assert.deepEqual(stored.title, { en: null, cy: WELSH_TITLE }, 'stored in Welsh, no English invented');
    const me = await apiCall(app.baseUrl, manager, 'GET', '/api/v1/users/me');
    const boardId = me.memberships?.[0]?.organisation_id;
    assert.ok(boardId, 'the manager belongs to the health board');
    await apiCall(app.baseUrl, manager, 'POST', `/api/v1/actions/${actionId}/responsibilities`, { organisation_id: boardId, role: 'lead' });

    for (const [viewport, width] of /** @type {const} */ ([
      [DESKTOP, 1280],
      [PHONE, 360],
    ])) {
      // English pages: the Welsh title, marked as Welsh and as the only language there is.
      await withBrowser(async ({ page }) => {
        await signInAs(page, 'manager@demo.gwella.test', 'en');
        await visit(page, `/actions/${actionId}`, `Welsh-only action on an English page, ${width} px`);
        const heading = page.locator('main h1');
        await heading.getByText(WELSH_TITLE).waitFor();
        assert.equal(await heading.locator('[lang="cy"]').textContent(), WELSH_TITLE);
        assert.match((await heading.textContent()) ?? '', /\(Welsh only\)/);
        assert.equal(await page.getByTestId('action-description').locator('[lang="cy"]').textContent(), WELSH_DESCRIPTION);
        await page.getByTestId('timeline').getByText('Proposed by a service user').waitFor();
        await screenshot(page, `welsh-data/action-english-page-${width}`);

        await visit(page, '/actions', `actions board with a Welsh-only action, ${width} px`);
        const link = page.getByRole('link', { name: `${WELSH_TITLE} (Welsh only)` }).first();
        await link.waitFor();
      }, viewport);

      // Welsh pages: the board's Welsh name, the timeline in Welsh.
      await withBrowser(async ({ page }) => {
        await signInAs(page, 'serviceuser@demo.gwella.test', 'cy');
        await visit(page, `/actions/${actionId}`, `Welsh-only action on a Welsh page, ${width} px`);
        await page.getByTestId('responsibility').getByText('Bwrdd Iechyd Prifysgol Bae Abermor', { exact: false }).first().waitFor();
        assert.equal(await page.getByText('Bae Abermor University Health Board').count(), 0, 'no English name on a Welsh page');
      }, viewport);
    }
    await preferLanguage('serviceuser@demo.gwella.test', 'en');
  });

  test('organisations and services are named in Welsh on Welsh pages: campaign, indicators and the public survey', TIMEOUT, async () => {
    const pages = await mainPages(app.baseUrl);
    const campaignPath = pages.find((p) => p.name === 'campaign-results')?.path.replace(/\/results$/, '');
    const survey = pages.find((p) => p.name === 'public-survey');
    const partnershipId = pages.find((p) => p.name === 'partnership-accountability')?.path.split('/')[2];
    assert.ok(campaignPath && survey && partnershipId);
    for (const [viewport, width] of /** @type {const} */ ([
      [DESKTOP, 1280],
      [PHONE, 360],
    ])) {
      await withBrowser(async ({ page }) => {
        // Siôn Staff of the health board speaks Welsh (the demo's profile).
        await signInAs(page, 'staff@demo.gwella.test', 'cy');
        await visit(page, campaignPath, `campaign page in Welsh, ${width} px`);
        await page.getByText('Tîm Iechyd Meddwl Cymunedol Gogledd Abermor').first().waitFor();
        assert.equal(await page.getByText('Abermor North Community Mental Health Team').count(), 0, 'no English service name');
        await visit(page, `/partnerships/${partnershipId}/indicators`, `indicators side by side in Welsh, ${width} px`);
        await page.getByText('Bwrdd Iechyd Prifysgol Bae Abermor', { exact: false }).first().waitFor();
        await screenshot(page, `welsh-data/indicators-cy-${width}`);
      }, viewport);
      await withBrowser(async ({ page }) => {
        await page.goto(`${app.baseUrl}${survey.path}`);
        await settled(page);
        if ((await page.evaluate(() => document.documentElement.lang)) !== 'cy') {
          await page.getByTestId('survey-language').click();
          await page.waitForFunction(() => document.documentElement.lang === 'cy');
        }
        await page.getByText('Mae Bwrdd Iechyd Prifysgol Bae Abermor eisiau gwybod beth yw eich barn', { exact: false }).waitFor();
        await checkAccessibility(page, `public survey in Welsh, ${width} px`);
      }, viewport);
    }
  });
});
