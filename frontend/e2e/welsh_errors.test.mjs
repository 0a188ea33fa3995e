// A refusal of the server's own rules reaches a Welsh speaker in Welsh (issue 17 item 2): Siôn
// Staff, whose language is Welsh, starts a new survey with the code the demo survey already
// has; the server refuses it (a rule no form can check beforehand) and the error summary says
// why in Welsh, with no English in it. The same refusal in English for Morgan Manager. At 1280
// and 360 px, axe on the page with the summary showing.
// node --test e2e/welsh_errors.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';

const TIMEOUT = { timeout: 300_000 };
const TAKEN_CODE = 'cmht-experience'; // the demo survey's code at the health board

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

const PEOPLE = {
  cy: {
    email: 'staff@demo.gwella.test',
    page: 'Arolygon',
    code: 'Cod',
    titleEn: 'Teitl yn Saesneg',
    titleCy: 'Teitl yn Gymraeg',
    create: "Creu'r arolwg",
    summary: 'Mae problem',
    refusal: `Mae gan y sefydliad hwn arolwg gyda'r cod '${TAKEN_CODE}' eisoes.`,
  },
  en: {
    email: 'manager@demo.gwella.test',
    page: 'Surveys',
    code: 'Code',
    titleEn: 'Title in English',
    titleCy: 'Title in Welsh',
    create: 'Create the survey',
    summary: 'There is a problem',
    refusal: `This organisation already has an instrument with the code '${TAKEN_CODE}'.`,
  },
};

/** Words that only the English message has: none of them may reach a Welsh page. */
const ENGLISH = /\b(this|organisation|already|instrument|with|the code)\b/i;

const RUNS = /** @type {const} */ ([
  ['cy', DESKTOP, 1280],
  ['cy', PHONE, 360],
  ['en', DESKTOP, 1280],
  ['en', PHONE, 360],
]);

describe("the server's refusal is in the reader's language", () => {
  for (const [language, viewport, width] of RUNS) {
    test(`${language}, ${width} px: a survey code that is taken`, TIMEOUT, async () => {
      const words = PEOPLE[language];
      const browser = await openBrowser(viewport);
      const { page } = browser;
      try {
        await signIn(page, app.baseUrl, words.email);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await page.goto(`${app.baseUrl}/instruments`);
        await page.getByRole('heading', { level: 1, name: words.page, exact: true }).waitFor();
        await settled(page);

        await page.getByLabel(words.code, { exact: true }).fill(TAKEN_CODE);
        await page.getByLabel(words.titleEn).fill('Another experience survey');
        await page.getByLabel(words.titleCy).fill('Arolwg profiad arall');
        await page.getByRole('button', { name: words.create }).click();

        const summary = page.locator('.nhsuk-error-summary');
        await summary.waitFor();
        await summary.getByText(words.refusal).waitFor();
        const said = (await summary.innerText()).trim();
        assert.ok(said.includes(words.summary), said);
        if (language === 'cy') assert.doesNotMatch(said, ENGLISH, 'no English in the Welsh error summary');
        assert.equal(new URL(page.url()).pathname, '/instruments', 'nothing was created');
        await settled(page);
        await checkAccessibility(page, `refused survey code (${language}, ${width} px)`);
        await screenshot(page, `welsh-errors/taken-code-${language}-${width}`);
        assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
      } catch (error) {
        await screenshot(page, `failure-welsh-errors-${Date.now()}`).catch(() => undefined);
        throw error;
      } finally {
        await browser.close();
      }
    });
  }
});
