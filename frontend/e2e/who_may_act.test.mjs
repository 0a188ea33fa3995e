// Only those the server lets act are offered the means to (tester's findings after issue 17):
// on "Evening appointments" (led by the health board, supported by the council) the council's
// manager is not offered the status form, which the server always refused with 403, but reads
// who changes the status; the board's manager still has the form. A service user who types
// /campaigns/<id>/responses reads who sees responses, with no error box.
// In English and Welsh, at 1280 and 360 px, axe on every page.
// node --test e2e/who_may_act.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiCall, apiToken, preferLanguage as setLanguage } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const COUNCIL = 'council@demo.gwella.test';
const BOARD = 'manager@demo.gwella.test';
const SERVICE_USER = 'serviceuser@demo.gwella.test';

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;
/** @type {any} */
let action;
let campaignId = '';

before(async () => {
  app = await startApp();
  const token = await apiToken(app.baseUrl, BOARD);
  const actions = await apiCall(app.baseUrl, token, 'GET', '/api/v1/actions?limit=100');
  action = (actions.items ?? actions).find((/** @type {any} */ a) => (a.title?.en ?? '').startsWith('Evening appointments'));
  assert.ok(action, 'the demo has the "Evening appointments" action');
  assert.ok(action.allowed_transitions.length > 0, 'the action can still move on');
  const campaigns = await apiCall(app.baseUrl, token, 'GET', '/api/v1/campaigns?limit=100');
  campaignId = (campaigns.items ?? campaigns)[0]?.id ?? '';
  assert.ok(campaignId, 'the demo has a campaign');
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

const WORDS = {
  en: { form: 'Change the status', who: 'Who changes the status', lead: 'the lead organisation', responses: 'Responses', forStaff: 'Responses are seen only by the staff', results: 'See the results' },
  cy: { form: 'Newid y statws', who: "Pwy sy'n newid y statws", lead: 'y sefydliad arweiniol', responses: 'Ymatebion', forStaff: "Dim ond staff y sefydliadau", results: 'Gweld y canlyniadau' },
};

/**
 * Set a person's preferred language (the app speaks it once they sign in).
 * @param {string} email
 * @param {'en' | 'cy'} language
 */
async function preferLanguage(email, language) {
  await setLanguage(app.baseUrl, email, language);
}

/**
 * Sign in as someone, in a language, and open a path.
 * @param {string} email
 * @param {'en' | 'cy'} language
 * @param {{ width: number, height: number }} viewport
 */
async function open(email, language, viewport) {
  await preferLanguage(email, language);
  const browser = await openBrowser(viewport);
  await signIn(browser.page, app.baseUrl, email);
  await browser.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  return browser;
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
  ['en', DESKTOP, 1280],
  ['en', PHONE, 360],
  ['cy', DESKTOP, 1280],
  ['cy', PHONE, 360],
]);

describe('who may act is who is offered to', () => {
  for (const [language, viewport, width] of RUNS) {
    test(`${language}, ${width} px`, TIMEOUT, async () => {
      const words = WORDS[language];
      const lead = action.responsibilities.find((/** @type {any} */ r) => r.role === 'lead');
      const leadName = language === 'cy' ? (lead.organisation_name_cy ?? lead.organisation_name) : lead.organisation_name;

      // The supporting council's manager: no form, but who decides.
      let browser = await open(COUNCIL, language, viewport);
      try {
        const { page } = browser;
        await page.goto(`${app.baseUrl}/actions/${action.id}`);
        await page.getByRole('heading', { level: 2, name: words.who }).waitFor();
        await checked(page, `action page, council manager (${language}, ${width} px)`);
        assert.equal(await page.getByTestId('status-form').count(), 0, 'no status form for the supporting organisation');
        assert.equal(await page.getByRole('heading', { name: words.form, exact: true }).count(), 0);
        const sentence = (await page.getByTestId('who-decides').textContent()) ?? '';
        assert.ok(sentence.includes(leadName) && sentence.includes(words.lead), sentence);
        await screenshot(page, `who-may-act/action-council-${language}-${width}`);
      } finally {
        await browser.close();
      }

      // The lead board's manager still has the form.
      browser = await open(BOARD, language, viewport);
      try {
        const { page } = browser;
        await page.goto(`${app.baseUrl}/actions/${action.id}`);
        await page.getByTestId('status-form').waitFor();
        await checked(page, `action page, board manager (${language}, ${width} px)`);
        assert.equal(await page.getByTestId('who-decides').count(), 0);
      } finally {
        await browser.close();
      }

      // A service user who types the responses address: a plain sentence, no error box.
      browser = await open(SERVICE_USER, language, viewport);
      try {
        const { page } = browser;
        await page.goto(`${app.baseUrl}/campaigns/${campaignId}/responses`);
        await page.getByRole('heading', { level: 1, name: words.responses, exact: true }).waitFor();
        await page.getByTestId('responses-for-staff').waitFor();
        await checked(page, `responses page, service user (${language}, ${width} px)`);
        assert.ok(((await page.getByTestId('responses-for-staff').textContent()) ?? '').startsWith(words.forStaff));
        assert.equal(await page.getByRole('alert').count(), 0, 'no error box');
        assert.equal(await page.locator('.nhsuk-error-summary, .nhsuk-error-message').count(), 0);
        await page.getByRole('link', { name: words.results }).click();
        await page.waitForURL(`**/campaigns/${campaignId}/results`);
        await screenshot(page, `who-may-act/responses-service-user-${language}-${width}`);
      } finally {
        await browser.close();
      }
    });
  }
});
