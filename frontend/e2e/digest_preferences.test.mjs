// A person asks for an e-mail digest of their notifications from their profile (issue 17
// item 5): the choice is off until they make it, the page says in plain words what they will
// get and when, and a saved choice is still there after a reload. In English and Welsh, at
// 1280 and 360 px, axe on every page.
// node --test e2e/digest_preferences.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiCall, apiToken } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const PERSON = 'staff@demo.gwella.test';

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/** What the person reads, in each language. */
const WORDS = {
  en: {
    title: 'My profile',
    heading: 'E-mails about your notifications',
    never: 'Never (no e-mails)',
    daily: 'Every day, at about 7am UK time',
    offSaid: 'You will not get e-mails about your notifications.',
    dailySaid: `Each morning at about 7am, we will e-mail ${PERSON} a list of the notifications from the last day that you have not read.`,
    save: 'Save e-mail choice',
    saved: 'Your e-mail choice has been saved.',
  },
  cy: {
    title: 'Fy mhroffil',
    heading: 'E-byst am eich hysbysiadau',
    never: 'Byth (dim e-byst)',
    daily: 'Bob dydd, tua 7 y bore amser y DU',
    offSaid: 'Ni fyddwch yn cael e-byst am eich hysbysiadau.',
    dailySaid: `Bob bore tua 7 o'r gloch, byddwn yn anfon rhestr i ${PERSON} o'r hysbysiadau o'r diwrnod diwethaf nad ydych wedi'u darllen.`,
    save: "Cadw'r dewis e-bost",
    saved: "Mae eich dewis e-bost wedi'i gadw.",
  },
};

/**
 * The person's language, and their digest back to off (as nobody has asked yet).
 * @param {'en' | 'cy'} language
 */
async function freshStart(language) {
  const token = await apiToken(app.baseUrl, PERSON);
  const me = await fetch(`${app.baseUrl}/api/v1/users/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status, 200);
  const answer = await fetch(`${app.baseUrl}/api/v1/users/me`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': me.headers.get('etag') ?? '' },
    body: JSON.stringify({ language }),
  });
  assert.equal(answer.status, 200, await answer.text());
  await apiCall(app.baseUrl, token, 'PUT', '/api/v1/notifications/preferences', { digest: 'off' });
  return token;
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

describe('a person asks for a daily e-mail digest on their profile', () => {
  for (const [language, viewport, width] of RUNS) {
    test(`${language}, ${width} px`, TIMEOUT, async () => {
      const token = await freshStart(language);
      const words = WORDS[language];
      const browser = await openBrowser(viewport);
      const { page } = browser;
      try {
        await signIn(page, app.baseUrl, PERSON);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await page.goto(`${app.baseUrl}/profile`);
        await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
        const section = page.getByRole('region', { name: words.heading });
        await section.getByRole('radio', { name: words.never }).waitFor();
        assert.ok(await section.getByRole('radio', { name: words.never }).isChecked(), 'off until asked');
        assert.match((await page.getByTestId('digest-explained').textContent()) ?? '', new RegExp(words.offSaid.replace('.', '\\.')));
        await checked(page, `profile, digest off (${language}, ${width} px)`);

        await section.getByRole('radio', { name: words.daily }).check();
        assert.ok(((await page.getByTestId('digest-explained').textContent()) ?? '').includes(words.dailySaid));
        await section.getByRole('button', { name: words.save }).click();
        await page.getByText(words.saved).waitFor();
        await checked(page, `profile, digest saved (${language}, ${width} px)`);
        await screenshot(page, `digest-preferences/saved-${language}-${width}`);
        const stored = await apiCall(app.baseUrl, token, 'GET', '/api/v1/notifications/preferences');
        assert.equal(stored.digest, 'daily');

        await page.reload();
        await page.getByRole('heading', { level: 1, name: words.title }).waitFor();
        await section.getByRole('radio', { name: words.daily }).waitFor();
        await page.waitForFunction(
          () => /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="digest"][value="daily"]'))?.checked === true,
        );
        assert.ok(await section.getByRole('radio', { name: words.daily }).isChecked(), 'kept after a reload');
        assert.ok(!(await section.getByRole('radio', { name: words.never }).isChecked()));
        assert.ok(((await page.getByTestId('digest-explained').textContent()) ?? '').includes(words.dailySaid));
        await checked(page, `profile after reload (${language}, ${width} px)`);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `the profile fits ${width} px (is ${scrollWidth})`);
      } finally {
        await browser.close();
      }
    });
  }
});
