// Welsh in a browser set to Welsh (issue 17 items 2 and 3): Chromium started with the
// cy-GB locale (navigator.language and Accept-Language), which has no Welsh calendar data
// of its own. A first visit is in Welsh; every date on the main pages, chart axes and
// tooltips included, is written with Welsh month names. node --test e2e/welsh.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, startApp } from './harness.mjs';
import { apiCall, apiToken, mainPages } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const WELSH = { locale: 'cy-GB' };

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
 * A browser set to Welsh for one test, closed whatever happens.
 * @param {(b: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>} body
 * @param {{ width: number, height: number }} [viewport]
 */
async function withWelshBrowser(body, viewport = DESKTOP) {
  const browser = await openBrowser(viewport, WELSH);
  try {
    await body(browser);
    assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
  } catch (error) {
    await screenshot(browser.page, `failure-welsh-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ENGLISH_SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const ENGLISH_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WELSH_SHORT_MONTHS = ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'];

/**
 * Everything the page says, chart text and tooltips (SVG <title>) included, with the
 * English that belongs there taken out: the link to the other language.
 * @param {import('playwright-core').Page} page
 */
function pageText(page) {
  return page.evaluate(() => {
    const root = /** @type {HTMLElement} */ (document.body.cloneNode(true));
    root.querySelectorAll('script, style, [lang="en"]').forEach((element) => element.remove());
    return root.textContent ?? '';
  });
}

/**
 * What on a Welsh page is an English or Intl-made date: English month and day names,
 * "May" or a short month beside a number, and Intl's "M02" when it has no month names.
 * @param {string} text
 */
function englishDates(text) {
  const found = [];
  for (const month of ENGLISH_MONTHS) if (new RegExp(`\\b${month}\\b`).test(text)) found.push(month);
  for (const day of ENGLISH_DAYS) if (new RegExp(`\\b${day}\\b`).test(text)) found.push(day);
  for (const month of ENGLISH_SHORT_MONTHS) {
    const match = new RegExp(`(\\d\\s*${month}\\b|\\b${month}\\.?\\s*\\d)`).exec(text);
    if (match) found.push(match[0]);
  }
  const intl = /\bM\d{2}\b/.exec(text);
  if (intl) found.push(intl[0]);
  return found;
}

/**
 * Sign in through the Welsh form (the browser asks for Welsh, so the page is Welsh).
 * @param {import('playwright-core').Page} page
 * @param {string} email
 */
async function signInInWelsh(page, email) {
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Mewngofnodi' }).waitFor();
  await page.getByLabel('Cyfeiriad e-bost').fill(email);
  await page.getByLabel('Cyfrinair').fill('gwella-demo');
  await page.getByRole('button', { name: 'Mewngofnodi' }).click();
  await page.getByTestId('signed-in-as').waitFor({ state: 'attached', timeout: 15_000 });
  await settled(page);
}

describe('Gwella in a browser set to Welsh (cy-GB)', () => {
  test('a first visit is in Welsh: the sign-in page and the public survey', TIMEOUT, async () => {
    const pages = await mainPages(app.baseUrl);
    const survey = pages.find((p) => p.name === 'public-survey');
    assert.ok(survey);
    await withWelshBrowser(async ({ page }) => {
      assert.deepEqual(await page.evaluate(() => navigator.language), 'cy-GB', 'the browser is set to Welsh');
      await page.goto(`${app.baseUrl}${survey.path}`);
      await settled(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      assert.equal(await page.locator('main h1').getAttribute('lang'), 'cy', 'the survey itself is in Welsh');
      await page.getByTestId('survey-language').getByText('Answer in English').waitFor();
      await checkAccessibility(page, 'public survey, first visit from a Welsh browser');
    }, PHONE);
    await withWelshBrowser(async ({ page }) => {
      await page.goto(`${app.baseUrl}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Mewngofnodi' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
    });
  });

  test('Chromium itself has no Welsh month names, so Gwella writes its own', TIMEOUT, async () => {
    await withWelshBrowser(async ({ page }) => {
      await page.goto(`${app.baseUrl}/sign-in`);
      const intl = await page.evaluate(() =>
        new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date('2027-02-28T00:00:00Z')),
      );
      // The reason for all this (if Chromium ever ships Welsh, this says so and can go).
      assert.notEqual(intl, '28 Chwefror 2027', `Chromium now writes Welsh dates itself: ${intl}`);
    });
  });

  test('every date on the main pages reads in Welsh, at 1280 and 360 px; a known date reads "28 Chwefror 2027"', TIMEOUT, async () => {
    const pages = await mainPages(app.baseUrl);
    const token = await apiToken(app.baseUrl, 'manager@demo.gwella.test');
    const partnershipId = pages.find((p) => p.name === 'partnership-accountability')?.path.split('/')[2];
    const action = await apiCall(app.baseUrl, token, 'POST', '/api/v1/actions', {
      partnership_id: partnershipId,
      title: { en: 'Open the day centre on Saturdays', cy: 'Agor y ganolfan ddydd ar ddydd Sadwrn' },
      description: { en: 'People asked for weekend opening.', cy: 'Gofynnodd pobl am agor ar y penwythnos.' },
      due_date: '2027-02-28',
    });
    const withAction = [...pages, { name: 'action', path: `/actions/${action.id}`, signedIn: true }];

    for (const [viewport, width] of /** @type {const} */ ([
      [DESKTOP, 1280],
      [PHONE, 360],
    ])) {
      await withWelshBrowser(async ({ page }) => {
        await signInInWelsh(page, 'manager@demo.gwella.test');
        // The manager's profile says English: signing in brings it back; choose Welsh.
        if ((await page.evaluate(() => document.documentElement.lang)) !== 'cy') {
          await page.getByTestId('language-switch').click();
          await page.waitForFunction(() => document.documentElement.lang === 'cy');
        }
        for (const { name, path } of withAction) {
          const label = `${name} (Welsh, ${width} px)`;
          await page.goto(`${app.baseUrl}${path}`);
          await settled(page);
          if (name === 'indicator-spc-chart') {
            await page.getByTestId('spc-chart').waitFor();
            const ticks = await page.locator('[data-testid="spc-chart"] .app-chart__tick').allTextContents();
            const months = ticks.filter((tick) => WELSH_SHORT_MONTHS.some((m) => tick.startsWith(`${m} `)));
            assert.ok(months.length > 0, `the chart's date axis is in Welsh: ${ticks.join(', ')}`);
          }
          if (name === 'action') {
            await page.getByText('28 Chwefror 2027').first().waitFor();
          }
          assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy', label);
          assert.deepEqual(englishDates(await pageText(page)), [], `${label} shows English or Intl-made dates`);
          await checkAccessibility(page, label);
        }
        await page.getByTestId('language-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }, viewport);
    }
  });

  test('the date input speaks Welsh on a Welsh page', TIMEOUT, async () => {
    const pages = await mainPages(app.baseUrl);
    const chart = pages.find((p) => p.name === 'indicator-spc-chart');
    assert.ok(chart);
    await withWelshBrowser(async ({ page }) => {
      await signInInWelsh(page, 'manager@demo.gwella.test');
      if ((await page.evaluate(() => document.documentElement.lang)) !== 'cy') {
        await page.getByTestId('language-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'cy');
      }
      await page.goto(`${app.baseUrl}${chart.path}`);
      await settled(page);
      const form = page.getByTestId('annotation-form');
      const group = form.getByRole('group', { name: 'Dyddiad' });
      await group.getByLabel('Diwrnod').fill('31');
      await group.getByLabel('Mis').fill('2');
      await group.getByLabel('Blwyddyn').fill('2025');
      await form.locator('textarea').first().fill('Diwrnod na fu');
      await form.locator('button[type="submit"]').click();
      await group.locator('.nhsuk-error-message').getByText('Dyddiad: rhaid iddo fod yn ddyddiad go iawn').waitFor();
      await checkAccessibility(page, 'Welsh date input with an error');
      await page.getByTestId('language-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }, PHONE);
  });
});
