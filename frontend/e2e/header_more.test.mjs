// The header's navigation keeps to one line from tablet width up (issue 17 item 9): the
// items that do not fit wait behind "More" / "Rhagor", as NHS.UK's header does, instead of
// wrapping the header onto more lines. At 1280 px every item is on the line; at 360 px the
// "Menu" button still holds them all as a column. English and Welsh, axe on every state.
// node --test e2e/header_more.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkAccessibility, closeBrowser, openBrowser, settled, signIn, startApp } from './harness.mjs';
import { preferLanguage as setLanguage } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const PEOPLE = ['admin@demo.gwella.test', 'manager@demo.gwella.test', 'serviceuser@demo.gwella.test'];
const WORDS = {
  en: { more: 'More', menu: 'Menu', profile: 'My profile', profileTitle: 'My profile' },
  cy: { more: 'Rhagor', menu: 'Dewislen', profile: 'Fy mhroffil', profileTitle: 'Fy mhroffil' },
};

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
 * @param {string} email
 * @param {'en' | 'cy'} language
 */
async function preferLanguage(email, language) {
  await setLanguage(app.baseUrl, email, language);
}

/**
 * Where the navigation's items sit: their tops (one line has one top) and the header's height.
 * @param {import('playwright-core').Page} page
 */
async function navigationShape(page) {
  return page.evaluate(() => {
    const items = Array.from(document.querySelectorAll('#app-header-navigation [data-testid="header-navigation-list"] > li'));
    const visible = items.filter((li) => li.getBoundingClientRect().width > 0);
    const header = document.querySelector('header');
    return {
      tops: [...new Set(visible.map((li) => Math.round(li.getBoundingClientRect().top)))],
      labels: visible.map((li) => (li.textContent ?? '').trim()),
      headerHeight: header ? header.getBoundingClientRect().height : 0,
      sideways: document.documentElement.scrollWidth - window.innerWidth,
    };
  });
}

describe('the header navigation keeps to one line', () => {
  for (const language of /** @type {const} */ (['en', 'cy'])) {
    const words = WORDS[language];

    test(`${language}: at 1280 px every item is on the line, with no More`, TIMEOUT, async () => {
      for (const email of PEOPLE) {
        await preferLanguage(email, language);
        const browser = await openBrowser({ width: 1280, height: 900 });
        try {
          await signIn(browser.page, app.baseUrl, email);
          await browser.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
          await settled(browser.page);
          const shape = await navigationShape(browser.page);
          assert.equal(shape.tops.length, 1, `${email}: one line (${JSON.stringify(shape)})`);
          assert.equal(await browser.page.getByRole('button', { name: words.more }).count(), 0, `${email}: no More at 1280 px`);
          assert.ok(shape.labels.includes(words.profile), `${email}: ${JSON.stringify(shape.labels)}`);
        } finally {
          await browser.close();
        }
      }
    });

    for (const width of [700, 800, 960]) {
      test(`${language}: at ${width} px the admin's header stays one line, any item that does not fit behind More`, TIMEOUT, async () => {
        await preferLanguage(PEOPLE[0], language);
        const browser = await openBrowser({ width, height: 800 });
        const { page } = browser;
        try {
          await signIn(page, app.baseUrl, PEOPLE[0]);
          await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
          await settled(page);
          const shape = await navigationShape(page);
          assert.equal(shape.tops.length, 1, `one line of navigation (${JSON.stringify(shape)})`);
          assert.ok(shape.sideways <= 0, `no sideways scroll (${shape.sideways} px)`);
          const more = page.getByRole('button', { name: words.more });
          if (width > 900) {
            // Wide enough for all seven: they are on the line, and there is nothing to hide.
            assert.equal(await more.count(), 0, `no More when all fit (${JSON.stringify(shape.labels)})`);
            assert.ok(shape.labels.includes(words.profile));
            await checkAccessibility(page, `header, all on one line (${language}, ${width} px)`);
            return;
          }
          assert.equal(await more.count(), 1, `a More button at ${width} px (${JSON.stringify(shape.labels)})`);
          assert.equal(await more.getAttribute('aria-expanded'), 'false');
          await checkAccessibility(page, `header with More closed (${language}, ${width} px)`);

          // Open it: the items that left the line are links in its list, none lost or doubled.
          await more.click();
          assert.equal(await more.getAttribute('aria-expanded'), 'true');
          const moved = (await page.locator('#app-header-more-list > li').allTextContents()).map((s) => s.trim());
          assert.ok(moved.length >= 1, 'More lists at least one item');
          const onLine = shape.labels.filter((label) => label !== words.more);
          assert.equal(new Set([...onLine, ...moved]).size, onLine.length + moved.length, 'no item twice');
          assert.ok([...onLine, ...moved].includes(words.profile), 'every item is somewhere');
          await checkAccessibility(page, `header with More open (${language}, ${width} px)`);

          // Escape closes it and gives the focus back to the button.
          await page.keyboard.press('Escape');
          assert.equal(await more.getAttribute('aria-expanded'), 'false');
          assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'header-more-button');

          // A link in it goes where it says, and the list closes on the new page.
          await more.click();
          const target = page.locator('#app-header-more-list').getByRole('link', { name: moved[moved.length - 1] });
          const before = new URL(page.url()).pathname;
          await target.click();
          // The new page, not the old one's heading still on screen while it loads.
          await page.waitForURL((url) => url.pathname !== before);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.locator('#app-header-more-list').waitFor({ state: 'detached', timeout: 5000 });
          await settled(page);
          assert.equal(await page.locator('#app-header-more-list').count(), 0, 'the list closes on a new page');
          if (moved[moved.length - 1] === words.profile) {
            await page.getByRole('heading', { level: 1, name: words.profileTitle }).waitFor();
          }
        } finally {
          await browser.close();
        }
      });
    }

    test(`${language}: at 360 px Menu holds every item as a column, with no More`, TIMEOUT, async () => {
      await preferLanguage(PEOPLE[0], language);
      const browser = await openBrowser({ width: 360, height: 740 });
      const { page } = browser;
      try {
        await signIn(page, app.baseUrl, PEOPLE[0]);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await settled(page);
        await page.getByRole('button', { name: words.menu }).click();
        const shape = await navigationShape(page);
        assert.equal(shape.tops.length, shape.labels.length, `a column (${JSON.stringify(shape)})`);
        assert.ok(shape.labels.includes(words.profile));
        assert.equal(await page.getByRole('button', { name: words.more }).count(), 0, 'no More on a phone');
        await checkAccessibility(page, `phone menu open (${language})`);
      } finally {
        await browser.close();
      }
    });
  }
});
