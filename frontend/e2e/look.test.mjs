// The NHS look in a real browser (issue 17 item 9): the NHS font stack, a header that
// folds its navigation behind a button on a phone, the NHS date input, a scrolling table a
// keyboard can reach; and screenshots of the main pages in English and Welsh at desktop
// and phone width (kept in frontend/e2e-artifacts/screens/). node --test e2e/look.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DESKTOP,
  PHONE,
  checkAccessibility,
  closeBrowser,
  fillDate,
  openBrowser,
  screenshot,
  settled,
  signIn,
  startApp,
} from './harness.mjs';
import { mainPages } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };

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
 * A browser for one test, closed whatever happens.
 * @param {(b: Awaited<ReturnType<typeof openBrowser>>) => Promise<void>} body
 * @param {{ width: number, height: number }} [viewport]
 */
async function withBrowser(body, viewport = DESKTOP) {
  const browser = await openBrowser(viewport);
  try {
    await body(browser);
    assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
  } catch (error) {
    await screenshot(browser.page, `failure-look-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

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

/** @param {import('playwright-core').Page} page */
function sidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** @param {import('playwright-core').Page} page */
function headerHeight(page) {
  return page.evaluate(() => document.querySelector('header')?.getBoundingClientRect().height ?? 0);
}

describe('the NHS look', () => {
  test('every page is set in the NHS font stack (Frutiger, else Arial, else sans-serif), never Times', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await visit(page, '/sign-in', 'sign-in page');
      const families = await page.evaluate(() =>
        ['body', 'h1', 'label', 'input', 'button'].map((selector) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).fontFamily : `${selector} missing`;
        }),
      );
      for (const family of families) {
        assert.equal(family, '"Frutiger W01", arial, sans-serif', 'the NHS font stack');
      }
      // What is drawn is a sans-serif font, not the browser's serif default.
      const widths = await page.evaluate(() => {
        const canvas = document.createElement('canvas').getContext('2d');
        if (!canvas) return null;
        const text = 'Gwella: managing performance together';
        const measure = (/** @type {string} */ family) => {
          canvas.font = `19px ${family}`;
          return canvas.measureText(text).width;
        };
        return { page: measure(getComputedStyle(document.body).fontFamily), sans: measure('sans-serif'), serif: measure('serif') };
      });
      assert.ok(widths, 'a canvas to measure text');
      assert.notEqual(widths.sans, widths.serif, 'this machine tells sans-serif from serif');
      assert.notEqual(widths.page, widths.serif, 'the page is not drawn in the serif default');
    });
  });

  test('on a phone the header takes at most a fifth of the screen, its navigation behind a Menu button that works with the keyboard', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      const closed = await headerHeight(page);
      assert.ok(closed <= PHONE.height * 0.2, `the header is ${closed}px of ${PHONE.height}px`);
      const menu = page.getByRole('button', { name: 'Menu' });
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.getByRole('link', { name: 'Surveys' }).isVisible(), false, 'the navigation waits behind the button');
      // The account waits there too, so the button carries the unread notifications' count.
      await menu.getByTestId('menu-notifications-count').waitFor();
      assert.equal(await sidewaysScroll(page), 0);
      await checkAccessibility(page, 'home on a phone, menu closed');
      await screenshot(page, 'header-phone-closed', { fullPage: false });

      // Keyboard: from the top of the page, Tab reaches the button; Enter opens it; Tab goes on into the menu.
      await page.locator('.nhsuk-skip-link').focus();
      let steps = 0;
      while (!(await menu.evaluate((button) => button === document.activeElement)) && steps < 10) {
        await page.keyboard.press('Tab');
        steps += 1;
      }
      assert.ok(steps < 10, 'Tab reaches the Menu button');
      await page.keyboard.press('Enter');
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await page.getByRole('link', { name: 'Surveys' }).waitFor();
      await page.getByTestId('signed-in-as').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await checkAccessibility(page, 'home on a phone, menu open');
      await screenshot(page, 'header-phone-open', { fullPage: false });
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => Boolean(document.activeElement?.closest('#app-header-account, #app-header-navigation'))),
        true,
        'the next Tab is in the menu',
      );
      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press('Escape');
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');
      assert.equal(await menu.evaluate((button) => button === document.activeElement), true, 'focus is back on the button');

      // Choosing a page closes the menu.
      await menu.click();
      await page.getByRole('link', { name: 'Surveys' }).click();
      await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
      assert.equal(await menu.getAttribute('aria-expanded'), 'false');

      // In Welsh too.
      await page.getByTestId('language-switch').click();
      const dewislen = page.getByRole('button', { name: 'Dewislen' });
      await dewislen.click();
      await page.getByRole('link', { name: 'Arolygon' }).waitFor();
      assert.ok((await headerHeight(page)) > closed, 'the open menu shows the navigation');
      await checkAccessibility(page, 'menu open in Welsh');
      await page.getByTestId('language-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }, PHONE);

    // On a desktop there is no button: the navigation is in view.
    await withBrowser(async ({ page }) => {
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
      await page.getByRole('link', { name: 'Surveys' }).waitFor();
      await page.getByTestId('signed-in-as').waitFor();
    });
  });

  test('dates are typed in the NHS date input: day, month and year, with the NHS error style', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      const pages = await mainPages(app.baseUrl);
      const chart = pages.find((p) => p.name === 'indicator-spc-chart');
      assert.ok(chart);
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, chart.path, 'SPC chart');
      // The chart's table scrolls sideways on a phone, within a region a keyboard can reach.
      await page.getByText('Show the chart as a table').click();
      await page.getByTestId('spc-table').waitFor();
      await page.getByRole('region', { name: 'Every point of the chart with its limits' }).waitFor();
      await checkAccessibility(page, 'SPC chart with its table open, on a phone');
      const form = page.getByTestId('annotation-form');
      await form.getByRole('group', { name: 'Date' }).waitFor();
      assert.equal(await form.locator('input[type="date"]').count(), 0, 'no browser date picker (mm/dd/yyyy)');
      await fillDate(form, 'Date', '2025-06-31');
      await form.getByLabel('Note in English').fill('Referrals now go through one triage point');
      await form.getByRole('button', { name: 'Add the annotation' }).click();
      await form.locator('.nhsuk-error-summary').getByText('Date must be a real date').waitFor();
      const group = form.getByRole('group', { name: 'Date' });
      assert.equal(await group.locator('.nhsuk-input--error').count(), 3, 'day, month and year are marked');
      await group.locator('.nhsuk-error-message').getByText('Date must be a real date').waitFor();
      await checkAccessibility(page, 'date input with an error');
      await group.scrollIntoViewIfNeeded();
      await screenshot(page, 'date-input-error-phone', { fullPage: false });
      // The summary's link takes the reader to the day field.
      await form.locator('.nhsuk-error-summary a').first().click();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), `${await group.locator('input').first().getAttribute('id')}[day]`);

      await fillDate(form, 'Date', '2025-06-30');
      await form.getByRole('button', { name: 'Add the annotation' }).click();
      await page.getByText('The annotation has been added to the chart.').waitFor();
      await page.getByTestId('annotation-list').getByText('Referrals now go through one triage point').waitFor();
      await page.getByTestId('annotation-list').getByText('30 June 2025').first().waitFor();
    }, PHONE);
  });

  test('the partnership accountability tables scroll sideways on a phone within a region a keyboard can reach', TIMEOUT, async () => {
    await withBrowser(async ({ page }) => {
      const pages = await mainPages(app.baseUrl);
      const accountability = pages.find((p) => p.name === 'partnership-accountability');
      assert.ok(accountability);
      await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
      await visit(page, accountability.path, 'partnership accountability on a phone');
      assert.equal(await sidewaysScroll(page), 0, 'the page itself does not scroll sideways');
      const boxes = await page.locator('.app-table-scroll').evaluateAll((elements) =>
        elements.map((element) => ({
          scrolls: element.scrollWidth > element.clientWidth,
          tabIndex: element.getAttribute('tabindex'),
          role: element.getAttribute('role'),
          label: element.getAttribute('aria-label'),
        })),
      );
      assert.ok(boxes.some((box) => box.scrolls), 'a table is wider than a phone');
      for (const box of boxes.filter((b) => b.scrolls)) {
        assert.deepEqual([box.tabIndex, box.role, Boolean(box.label)], ['0', 'region', true], JSON.stringify(box));
      }
    }, PHONE);
  });

  test('the main pages, in English and Welsh at 1280 and 360 px: axe-clean, no sideways scroll, and a screenshot of each', TIMEOUT, async () => {
    const pages = await mainPages(app.baseUrl);
    for (const [viewport, width] of /** @type {const} */ ([
      [DESKTOP, 1280],
      [PHONE, 360],
    ])) {
      await withBrowser(async ({ page }) => {
        await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
        for (const language of ['en', 'cy']) {
          if (language === 'cy') {
            await page.getByTestId('language-switch').click();
            await page.waitForFunction(() => document.documentElement.lang === 'cy');
          }
          for (const { name, path } of pages) {
            const label = `${name} (${language}, ${width} px)`;
            await visit(page, path, label);
            // The chart page's screenshot shows the chart (below the summary on any screen).
            if (name === 'indicator-spc-chart') await page.getByTestId('spc-chart').scrollIntoViewIfNeeded();
            assert.equal(await page.evaluate(() => document.documentElement.lang), language, label);
            assert.equal(await sidewaysScroll(page), 0, `${label} scrolls sideways`);
            await screenshot(page, `screens/${name}-${language}-${width}`, { fullPage: false });
          }
        }
        // Leave the demo manager in English for anyone else.
        await page.getByTestId('language-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }, viewport);
    }
  });
});
