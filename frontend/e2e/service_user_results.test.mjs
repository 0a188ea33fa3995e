// A service user reaches survey results without a URL sent by staff, and proposes an
// improvement from them (issue 17 item 6): from the home page or the header (behind the Menu
// button on a phone) to the list of results they may see, to one survey's results, to the
// propose page with that survey as the evidence. The campaign page shows them no error box.
// In English and Welsh, at 1280 and 360 px, axe on every page.
// node --test e2e/service_user_results.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiCall, apiToken, preferLanguage as setLanguage } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const SERVICE_USER = 'serviceuser@demo.gwella.test';
const SURVEY = 'CMHT experience, this quarter';

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/** What the journey reads, in each language. */
const WORDS = {
  en: {
    results: 'Results',
    home: 'See the results of surveys, and propose an improvement from them',
    seeResults: `See the results of ${SURVEY}`,
    resultsTitle: `Results: ${SURVEY}`,
    propose: 'Propose an improvement from this survey',
    proposeTitle: 'Propose an improvement',
    evidence: 'Survey results of',
    title: 'Title in English',
    description: 'What should change, and why, in English',
    submit: 'Send the proposal',
    menu: 'Menu',
  },
  cy: {
    results: 'Canlyniadau',
    home: 'Gweld canlyniadau arolygon, a chynnig gwelliant ohonyn nhw',
    seeResults: `Gweld canlyniadau ${SURVEY}`,
    resultsTitle: `Canlyniadau: ${SURVEY}`,
    propose: "Cynnig gwelliant o'r arolwg hwn",
    proposeTitle: 'Cynnig gwelliant',
    evidence: 'Canlyniadau arolwg',
    title: 'Teitl yn Gymraeg',
    description: 'Beth ddylai newid, a pham, yn Gymraeg',
    submit: 'Anfon y cynnig',
    menu: 'Dewislen',
  },
};

/**
 * Set the service user's preferred language (the app speaks it once they sign in).
 * @param {'en' | 'cy'} language
 */
async function preferLanguage(language) {
  await setLanguage(app.baseUrl, SERVICE_USER, language);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} label
 */
async function checked(page, label) {
  await settled(page);
  await checkAccessibility(page, label);
}

const RUNS = /** @type {const} */ ([
  // [language, viewport, width, how the results list is reached, propose from there?]
  ['en', DESKTOP, 1280, 'header', true],
  ['en', PHONE, 360, 'home', false],
  ['cy', DESKTOP, 1280, 'home', false],
  ['cy', PHONE, 360, 'header', true],
]);

describe('a service user reaches results and proposes from them', () => {
  for (const [language, viewport, width, way, propose] of RUNS) {
    test(`${language}, ${width} px, from the ${way === 'header' ? 'header' : 'home page'}`, TIMEOUT, async () => {
      await preferLanguage(language);
      const words = WORDS[language];
      const browser = await openBrowser(viewport);
      const { page } = browser;
      try {
        await signIn(page, app.baseUrl, SERVICE_USER);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await checked(page, `service user's home page (${language}, ${width} px)`);

        if (way === 'header') {
          if (width < 600) await page.getByRole('button', { name: words.menu }).click();
          await page.locator('#app-header-navigation').getByRole('link', { name: words.results, exact: true }).click();
        } else {
          await page.getByRole('link', { name: words.home }).click();
        }
        await page.getByRole('heading', { level: 1, name: words.results, exact: true }).waitFor();
        assert.equal(new URL(page.url()).pathname, '/results');
        await checked(page, `results list (${language}, ${width} px)`);
        await screenshot(page, `service-user-results/list-${language}-${width}`);

        await page.getByRole('link', { name: words.seeResults }).click();
        await page.getByRole('heading', { level: 1, name: words.resultsTitle }).waitFor();
        await checked(page, `survey results (${language}, ${width} px)`);
        assert.equal(await page.getByRole('alert').count(), 0, 'no error on the results page');
        await screenshot(page, `service-user-results/results-${language}-${width}`);

        // The campaign page, one link back, shows what they may see and no error box.
        const resultsPath = new URL(page.url()).pathname;
        const campaignPath = resultsPath.replace(/\/results$/, '');
        await page.goto(`${app.baseUrl}${campaignPath}`);
        await page.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
        await checked(page, `campaign page (${language}, ${width} px)`);
        assert.equal(await page.getByRole('alert').count(), 0, 'no error box on the campaign page');
        assert.equal(await page.locator('.nhsuk-error-summary, .nhsuk-error-message').count(), 0);
        await page.goto(`${app.baseUrl}${resultsPath}`);
        await page.getByRole('heading', { level: 1, name: words.resultsTitle }).waitFor();
        await settled(page);

        await page.getByRole('link', { name: words.propose }).click();
        await page.getByRole('heading', { level: 1, name: words.proposeTitle }).waitFor();
        await checked(page, `propose from a survey's results (${language}, ${width} px)`);
        // The survey comes with the proposal as its evidence.
        await page.getByText(words.evidence).first().waitFor();
        await page.getByRole('link', { name: SURVEY }).first().waitFor();

        if (propose) {
          const title = `${language === 'cy' ? 'Clinigau gyda’r nos' : 'Evening clinics'} (${width} px)`;
          await page.getByLabel(words.title).fill(title);
          await page.getByLabel(words.description).fill(language === 'cy' ? 'Rwy’n gweithio yn ystod y dydd.' : 'I work during the day.');
          await page.getByRole('button', { name: words.submit }).click();
          await page.getByRole('heading', { level: 1, name: title }).waitFor();
          await checked(page, `proposed action (${language}, ${width} px)`);
          const actionId = new URL(page.url()).pathname.split('/').pop() ?? '';
          const token = await apiToken(app.baseUrl, SERVICE_USER);
          const action = await apiCall(app.baseUrl, token, 'GET', `/api/v1/actions/${actionId}`);
          const evidence = JSON.stringify(action.evidence ?? action);
          const campaignId = campaignPath.split('/').pop() ?? '';
          assert.ok(evidence.includes(campaignId), 'the action rests on the survey it was proposed from');
          await screenshot(page, `service-user-results/proposed-${language}-${width}`);
        }
        assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
      } catch (error) {
        await screenshot(page, `failure-service-user-results-${Date.now()}`).catch(() => undefined);
        throw error;
      } finally {
        await browser.close();
      }
    });
  }
});
