// Pages that never contradict themselves (issue 17, items 8, 11 and 12): the results page
// as a service user and as staff, the public "you said, we did" page, long titles, a free
// text answer longer than its limit and a field the server refuses, in English and Welsh,
// at 1280 and 360 px, with axe on every page. node --test e2e/plain_pages.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, startApp } from './harness.mjs';
import { apiCall, apiToken } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const LANGUAGES = /** @type {const} */ (['en', 'cy']);
const VIEWPORTS = [DESKTOP, PHONE];
const LONG = 'W'.repeat(600);

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;
/** Ids made in before(). */
const made = { campaignId: '', partnershipId: '', actionId: '', instrumentId: '', longActionId: '', surveyPath: '' };

const WORDS = {
  en: {
    signIn: 'Sign in',
    email: 'Email address',
    password: 'Password',
    responses: 'People who answered the survey',
    weDid: 'We did',
    completedOn: 'Completed on',
    tooMany: 'You have 126 characters too many',
    codeProblem: 'Code: Use only letters, digits and the signs . _ - (no spaces).',
  },
  cy: {
    signIn: 'Mewngofnodi',
    email: 'Cyfeiriad e-bost',
    password: 'Cyfrinair',
    responses: 'Pobl a atebodd yr arolwg',
    weDid: 'Gwnaethom ni',
    completedOn: 'Cwblhawyd ar',
    tooMany: 'Mae gennych 126 nod yn ormod',
    codeProblem: "Cod: Defnyddiwch lythrennau, digidau a'r arwyddion . _ - yn unig (dim bylchau).",
  },
};

/**
 * Paper forms for one service of the demo campaign: enough of them make a release.
 * @param {string} staff
 * @param {string} serviceId
 * @param {number} count
 */
async function paperForms(staff, serviceId, count) {
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < count; i += 1) {
    await apiCall(app.baseUrl, staff, 'POST', `/api/v1/campaigns/${made.campaignId}/paper-responses`, {
      submission_id: crypto.randomUUID(),
      language: 'en',
      service_id: serviceId,
      completed_on: today,
      answers: { involved: String(3 + (i % 3)), has_care_plan: 'no' },
    });
  }
}

before(async () => {
  app = await startApp();
  const staff = await apiToken(app.baseUrl, 'staff@demo.gwella.test');
  const manager = await apiToken(app.baseUrl, 'manager@demo.gwella.test');
  const serviceUser = await apiToken(app.baseUrl, 'serviceuser@demo.gwella.test');
  const campaigns = await apiCall(app.baseUrl, staff, 'GET', '/api/v1/campaigns?limit=50');
  const campaign = campaigns.items.find((/** @type {{ name: string }} */ c) => c.name === 'CMHT experience, this quarter');
  made.campaignId = campaign.id;
  const links = await apiCall(app.baseUrl, staff, 'GET', `/api/v1/campaigns/${campaign.id}/links`);
  made.surveyPath = new URL(links[0].url).pathname;
  // Two services released: every question has rows to compare, some held back.
  await paperForms(staff, campaign.service_ids[0], 7);
  await paperForms(staff, campaign.service_ids[1], 5);

  // A service user's proposal taken to completed, with a last progress note: "we did".
  const board = await apiCall(app.baseUrl, manager, 'GET', '/api/v1/organisations/demo:BAUHB');
  const partnerships = await apiCall(app.baseUrl, manager, 'GET', '/api/v1/partnerships');
  made.partnershipId = partnerships.items[0].id;
  const action = await apiCall(app.baseUrl, serviceUser, 'POST', '/api/v1/actions', {
    partnership_id: made.partnershipId,
    title: { en: 'Evening clinics', cy: 'Clinigau gyda’r nos' },
    description: { en: 'People who work cannot come in the day.' },
    summary: { en: 'You said you could not come in the day.', cy: 'Dywedoch chi na allech ddod yn ystod y dydd.' },
    responsibilities: [{ organisation_id: board.id, role: 'lead' }],
  });
  made.actionId = action.id;
  const move = (/** @type {string} */ status) =>
    apiCall(app.baseUrl, manager, 'POST', `/api/v1/actions/${action.id}/status`, { status, explanation: `Moving to ${status}` });
  await move('under_review');
  await apiCall(app.baseUrl, manager, 'POST', `/api/v1/actions/${action.id}/responsibilities/${board.id}/accept`, {});
  await move('agreed');
  await move('in_progress');
  await apiCall(app.baseUrl, manager, 'POST', `/api/v1/actions/${action.id}/updates`, {
    note: { en: 'Tuesday evening clinics run since March.', cy: 'Clinigau nos Fawrth ers mis Mawrth.' },
    percent: 100,
  });
  await move('completed');

  // Long unbroken words where people write titles.
  const instrument = await apiCall(app.baseUrl, manager, 'POST', '/api/v1/instruments', {
    organisation_id: board.id,
    code: 'long-title',
    title: { en: LONG, cy: LONG },
  });
  made.instrumentId = instrument.id;
  const longAction = await apiCall(app.baseUrl, serviceUser, 'POST', '/api/v1/actions', {
    partnership_id: made.partnershipId,
    title: { en: 'T'.repeat(200) },
    description: { en: LONG },
  });
  made.longActionId = longAction.id;
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/**
 * A browser in one language and width for one test, closed whatever happens.
 * @param {'en' | 'cy'} language
 * @param {{ width: number, height: number }} viewport
 * @param {(b: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>} body
 */
async function withBrowser(language, viewport, body) {
  const browser = await openBrowser(viewport, { locale: language === 'cy' ? 'cy-GB' : 'en-GB' });
  try {
    await body(browser);
    assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
  } catch (error) {
    await screenshot(browser.page, `failure-plain-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

/**
 * Sign in through the form, in the language the browser asks for.
 * @param {import('playwright-core').Page} page
 * @param {'en' | 'cy'} language
 * @param {string} who
 */
async function signIn(page, language, who) {
  const words = WORDS[language];
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: words.signIn }).waitFor();
  await page.getByLabel(words.email).fill(`${who}@demo.gwella.test`);
  await page.getByLabel(words.password).fill('gwella-demo');
  await page.getByRole('button', { name: words.signIn }).click();
  await page.getByTestId('signed-in-as').waitFor({ state: 'attached', timeout: 15_000 });
  await settled(page);
  // Signed in, the page takes the person's own language: switch when it is the other one.
  if ((await page.evaluate(() => document.documentElement.lang)) !== language) {
    await page.getByTestId('language-switch').first().click();
    await page.waitForFunction((wanted) => document.documentElement.lang === wanted, language);
  }
}

/**
 * Go to a page, wait for it, check it with axe, and that nothing on it is wider than the
 * window (a long word wraps instead of widening the page).
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {string} label
 */
async function visit(page, path, label) {
  await page.goto(`${app.baseUrl}${path}`);
  await settled(page);
  await checkAccessibility(page, label);
  await fitsTheWindow(page, label);
}

/** @param {import('playwright-core').Page} page @param {string} label */
async function fitsTheWindow(page, label) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${label}: the page is ${scroll} px wide in a ${width} px window`);
}

describe('Pages that say things one way', () => {
  for (const who of ['serviceuser', 'staff']) {
    for (const language of LANGUAGES) {
      for (const viewport of VIEWPORTS) {
        const label = `results as ${who}, ${language}, ${viewport.width} px`;
        test(`the results page says each figure one way: ${label}`, TIMEOUT, async () => {
          await withBrowser(language, viewport, async ({ page }) => {
            await signIn(page, language, who);
            await visit(page, `/campaigns/${made.campaignId}/results`, label);
            await page.getByTestId('question-result').first().waitFor();
            const main = await page.locator('main').innerText();
            // The survey's count and a question's count are named apart.
            assert.ok(main.includes(WORDS[language].responses), 'the headline says whose count it is');
            for (const contradiction of ['No answers', 'Dim atebion', '()', 'Hidden', 'approval(s)']) {
              assert.ok(!main.includes(contradiction), `the page says "${contradiction}"`);
            }
            // The bars say each figure as the table does, and name every service in full.
            const bars = page.getByTestId('bar-chart').first();
            const values = await bars.locator('text.app-chart__value').evaluateAll((nodes) => nodes.map((n) => n.lastChild?.textContent ?? ''));
            assert.ok(values.length > 0);
            for (const value of values) assert.match(value, /^(\d+(\.\d+)?% \(\d+\)|0|Held back|Wedi'i ddal yn ôl)$/, `a bar says "${value}"`);
            const names = await bars.locator('text.app-chart__value title').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
            assert.ok(names.some((n) => n.length > 18 && /Abermor/.test(n)), `bars name their service in full: ${names.join(', ')}`);
            // No two rows of a question share a name.
            const rows = await page.getByTestId('question-result').first().locator('h3').allInnerTexts();
            assert.equal(new Set(rows).size, rows.length, `row names repeat: ${rows.join(', ')}`);
            if (who === 'serviceuser' && viewport === PHONE) await screenshot(page, `plain/results-serviceuser-${language}-360`, { fullPage: false });
          });
        });
      }
    }
  }

  for (const language of LANGUAGES) {
    for (const viewport of VIEWPORTS) {
      test(`the public page says "we did": ${language}, ${viewport.width} px`, TIMEOUT, async () => {
        await withBrowser(language, viewport, async ({ page }) => {
          await visit(page, `/public/partnerships/${made.partnershipId}`, `public page, ${language}`);
          const done = page.getByTestId('public-done').getByTestId('public-action').filter({ hasText: language === 'cy' ? 'Clinigau gyda’r nos' : 'Evening clinics' });
          const weDid = done.getByTestId('public-we-did');
          await weDid.getByRole('heading', { name: WORDS[language].weDid }).waitFor();
          const text = await weDid.innerText();
          assert.ok(text.includes(language === 'cy' ? 'Clinigau nos Fawrth ers mis Mawrth.' : 'Tuesday evening clinics run since March.'));
          assert.ok(text.includes(WORDS[language].completedOn), text);
          assert.ok((await done.getByTestId('public-summary').innerText()).length > 0, 'beside "you said"');
        });
      });
    }
  }

  for (const viewport of VIEWPORTS) {
    test(`a 600-character title does not widen the page: ${viewport.width} px`, TIMEOUT, async () => {
      await withBrowser('en', viewport, async ({ page }) => {
        await signIn(page, 'en', 'manager');
        await visit(page, '/instruments', 'instruments with a long title');
        await visit(page, `/instruments/${made.instrumentId}`, 'an instrument with a long title');
        await visit(page, `/actions/${made.longActionId}`, 'an action with a long title');
        await visit(page, '/actions', 'the actions board with a long title');
      });
    });
  }

  for (const language of LANGUAGES) {
    test(`an answer longer than its limit is counted, not cut, and plurals are Welsh: ${language}`, TIMEOUT, async () => {
      await withBrowser(language, PHONE, async ({ page }) => {
        if (language === 'cy') {
          // Chromium here has Welsh plural rules: i18next picks each Welsh form by them.
          const forms = await page.evaluate(() => [1, 2, 3, 6, 7].map((n) => new Intl.PluralRules('cy').select(n)));
          assert.deepEqual(forms, ['one', 'two', 'few', 'many', 'other']);
        }
        await visit(page, made.surveyPath, `public survey, ${language}`);
        const box = page.locator('textarea').first();
        await box.fill('x'.repeat(1126));
        assert.equal((await box.inputValue()).length, 1126, 'nothing is cut');
        assert.equal(await box.getAttribute('maxlength'), null);
        await page.getByTestId('character-count').getByText(WORDS[language].tooMany).waitFor();
        await checkAccessibility(page, `public survey with a long answer, ${language}`);
      });
    });

    test(`a field the server refuses is said in plain words: ${language}`, TIMEOUT, async () => {
      await withBrowser(language, DESKTOP, async ({ page }) => {
        await signIn(page, language, 'admin');
        await visit(page, '/admin/organisations', `organisations, ${language}`);
        const form = page.locator('form').filter({ has: page.locator('#org-new-code') });
        await form.locator('#org-new-name').fill('Bwrdd Prawf');
        await form.locator('#org-new-kind').selectOption('health_board');
        await form.locator('#org-new-code_scheme').fill('ods');
        await form.locator('#org-new-code').fill('bad code!');
        await form.locator('button[type=submit]').click();
        const summary = form.getByRole('alert');
        await summary.getByText(WORDS[language].codeProblem).waitFor();
        const said = await summary.innerText();
        for (const code of ['should', 'pattern', '^', 'Value error']) assert.ok(!said.includes(code), said);
        await checkAccessibility(page, `organisation form with a refused code, ${language}`);
      });
    });
  }
});
