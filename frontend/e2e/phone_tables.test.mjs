// On a phone a table shows each value beside its column's label (nhsuk's responsive table).
// The labels keep their words whole, in English and in Welsh, whose words are often longer
// ("Sefydliad", not "Sefydli/ad"), and no value breaks letter by letter beside them.
// node --test e2e/phone_tables.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PHONE, checkAccessibility, closeBrowser, openBrowser, settled, signIn, startApp } from './harness.mjs';
import { preferLanguage as setLanguage } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const PAGES = ['/instruments', '/campaigns', '/imports', '/admin/partnerships'];
const STAFF = 'admin@demo.gwella.test';

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/** @param {'en' | 'cy'} language */
async function preferLanguage(language) {
  await setLanguage(app.baseUrl, STAFF, language);
}

/**
 * Every responsive-table label on the page, with how many lines each of its words takes.
 * @param {import('playwright-core').Page} page
 */
async function labels(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('td > .nhsuk-table-responsive__heading'))
      .filter((span) => span.getBoundingClientRect().width > 0)
      .map((span) => {
        const text = (span.textContent ?? '').trim();
        // A word broken across lines has one client rect per line it is on.
        const node = span.firstChild;
        const words = [];
        if (node && node.nodeType === Node.TEXT_NODE) {
          const whole = node.textContent ?? '';
          let at = 0;
          for (const word of whole.split(/\s+/).filter(Boolean)) {
            const start = whole.indexOf(word, at);
            at = start + word.length;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, at);
            const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
            words.push({ word, lines: lines.size });
          }
        }
        return { text, words };
      }),
  );
}

describe('responsive tables on a phone', () => {
  for (const language of /** @type {const} */ (['en', 'cy'])) {
    test(`${language}: labels keep their words whole on ${PAGES.join(', ')}`, TIMEOUT, async () => {
      await preferLanguage(language);
      const browser = await openBrowser(PHONE);
      const { page } = browser;
      try {
        await signIn(page, app.baseUrl, STAFF);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        let seen = 0;
        for (const path of PAGES) {
          await page.goto(`${app.baseUrl}${path}`);
          await settled(page);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          const found = await labels(page);
          seen += found.length;
          for (const label of found) {
            for (const { word, lines } of label.words) {
              assert.equal(lines, 1, `${path} (${language}): "${word}" of the label "${label.text}" is broken over ${lines} lines`);
            }
          }
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(sideways <= 0, `${path} (${language}): ${sideways} px of sideways scroll`);
          await checkAccessibility(page, `${path} (${language}, 360 px)`);
        }
        assert.ok(seen >= 6, `responsive table labels were found (${seen})`);
      } finally {
        await browser.close();
      }
    });
  }
});
