// Charts that can be read on a phone (issue 17 item 7): the SPC chart of an indicator and the
// bar charts of a survey's results, measured in a real Chromium at 360 and 1280 px, in English
// and Welsh. Every word and number drawn in a chart is at least the body size (16 px) as
// rendered (its font size times the SVG's scale on screen); the chart fits the screen; tick
// labels do not overlap; on a phone the bars lie along the width with their answer written in
// full; and one click beside each chart shows its figures as a table. axe on every page.
// node --test e2e/charts_phone.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiCall, apiToken, mainPages } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const MANAGER = 'manager@demo.gwella.test';
const BODY = 16;

/** What the journey reads, in each language. */
const WORDS = {
  en: { spcTable: 'Show the chart as a table', barsTable: 'Show as a table' },
  cy: { spcTable: 'Dangos y siart fel tabl', barsTable: 'Dangos fel tabl' },
};

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;
/** @type {{ name: string, path: string, signedIn: boolean }[]} */
let pages;

before(async () => {
  app = await startApp();
  pages = await mainPages(app.baseUrl);
  // The demo survey has no answers yet: type in paper forms in both of its services, enough
  // to release results with several answers to every question (so there are bars to draw).
  const token = await apiToken(app.baseUrl, MANAGER);
  const campaigns = await apiCall(app.baseUrl, token, 'GET', '/api/v1/campaigns?limit=50');
  const campaign = campaigns.items.find((/** @type {{ name: string }} */ c) => c.name === 'CMHT experience, this quarter');
  assert.ok(campaign);
  const today = new Date().toISOString().slice(0, 10);
  for (const [s, serviceId] of campaign.service_ids.entries()) {
    for (let i = 0; i < 15; i += 1) {
      const yes = (i + s) % 3 !== 0;
      await apiCall(app.baseUrl, token, 'POST', `/api/v1/campaigns/${campaign.id}/paper-responses`, {
        submission_id: crypto.randomUUID(),
        language: 'en',
        service_id: serviceId,
        completed_on: today,
        answers: {
          involved: String(1 + ((i * (s + 2)) % 5)),
          has_care_plan: yes ? 'yes' : 'no',
          ...(yes ? { plan_useful: (i * 3) % 11 } : {}),
          care_language: ['english', 'welsh', 'both'][(i + s) % 3],
        },
      });
    }
  }
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/**
 * The charts on the page as drawn: each text's rendered font size and box, the SVG's box,
 * and each bar's box (page coordinates, CSS pixels).
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
function measureCharts(page, selector) {
  return page.evaluate((sel) => {
    const box = (/** @type {Element} */ e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    return Array.from(document.querySelectorAll(sel)).map((node) => {
      const svg = /** @type {SVGSVGElement} */ (node);
      const texts = Array.from(svg.querySelectorAll('text')).map((node) => {
        const text = /** @type {SVGTextElement} */ (node);
        const ctm = text.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 0;
        const fontSize = Number.parseFloat(getComputedStyle(text).fontSize);
        // Its words as drawn (a <title> inside names the series for a pointer, it is not drawn).
        const drawn = /** @type {Element} */ (text.cloneNode(true));
        for (const title of Array.from(drawn.querySelectorAll('title'))) title.remove();
        return {
          text: drawn.textContent ?? '',
          className: text.getAttribute('class') ?? '',
          axis: text.getAttribute('data-axis'),
          rendered: fontSize * scale,
          box: box(text),
        };
      });
      const bars = Array.from(svg.querySelectorAll('rect[data-percent]')).map((rect) => ({
        percent: Number(rect.getAttribute('data-percent')),
        box: box(rect),
      }));
      return {
        box: box(svg),
        viewportWidth: document.documentElement.clientWidth,
        texts,
        bars,
        markers: svg.querySelectorAll('[data-marker]').length,
      };
    });
  }, selector);
}

/** @param {{ left: number, right: number, top: number, bottom: number }} a @param {{ left: number, right: number, top: number, bottom: number }} b */
function overlap(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * What every chart must be, at any width.
 * @param {Awaited<ReturnType<typeof measureCharts>>[number]} chart
 * @param {string} label
 * @param {string[]} [axes] the axes with tick labels
 */
function assertReadable(chart, label, axes = ['x', 'y']) {
  assert.ok(chart.texts.length > 0, `${label}: the chart writes its labels`);
  for (const t of chart.texts) {
    assert.ok(t.rendered >= BODY - 0.01, `${label}: "${t.text}" (${t.className}) is drawn at ${t.rendered.toFixed(1)} px, under the body size ${BODY} px`);
    assert.ok(t.box.height >= BODY * 0.9, `${label}: "${t.text}" is ${t.box.height.toFixed(1)} px tall on screen`);
  }
  assert.ok(chart.box.left >= 0 && chart.box.right <= chart.viewportWidth + 0.5, `${label}: the chart (${chart.box.left}–${chart.box.right}) fits the ${chart.viewportWidth} px page`);
  for (const t of chart.texts) {
    assert.ok(t.box.left >= -0.5 && t.box.right <= chart.viewportWidth + 0.5, `${label}: "${t.text}" runs off the screen (${t.box.left}–${t.box.right})`);
  }
  for (const axis of axes) {
    const ticks = chart.texts.filter((t) => t.axis === axis);
    assert.ok(ticks.length >= 2, `${label}: at least two ${axis} tick labels`);
  }
  // No two tick labels touch, on one axis or across the two (the first date and the lowest value).
  {
    const ticks = chart.texts.filter((t) => t.axis !== null);
    for (let i = 0; i < ticks.length; i += 1) {
      for (let j = i + 1; j < ticks.length; j += 1) {
        const a = ticks[i];
        const b = ticks[j];
        assert.ok(a && b && !overlap(a.box, b.box), `${label}: tick labels "${a?.text}" and "${b?.text}" overlap`);
      }
    }
  }
}

/**
 * Sign in, speak the language, visit the page and check it with axe.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {string} label
 */
async function visit(page, path, label) {
  await page.goto(`${app.baseUrl}${path}`);
  await settled(page);
  await checkAccessibility(page, label);
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    0,
    `${label}: the page scrolls sideways`,
  );
}

for (const [viewport, width] of /** @type {const} */ ([
  [PHONE, 360],
  [DESKTOP, 1280],
])) {
  for (const language of /** @type {const} */ (['en', 'cy'])) {
    describe(`charts at ${width} px in ${language === 'en' ? 'English' : 'Welsh'}`, () => {
      const words = WORDS[language];

      /**
       * @param {(page: import('playwright-core').Page) => Promise<void>} body
       */
      async function withManager(body) {
        const browser = await openBrowser(viewport);
        try {
          await signIn(browser.page, app.baseUrl, MANAGER);
          if ((await browser.page.evaluate(() => document.documentElement.lang)) !== language) {
            await browser.page.getByTestId('language-switch').click();
            await browser.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
          }
          await body(browser.page);
          assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
        } catch (error) {
          await screenshot(browser.page, `failure-charts-${width}-${language}-${Date.now()}`).catch(() => undefined);
          throw error;
        } finally {
          await browser.close();
        }
      }

      test('the SPC chart is drawn for the width, in legible text, with its table one click away', TIMEOUT, async () => {
        await withManager(async (page) => {
          const chartPage = pages.find((p) => p.name === 'indicator-spc-chart');
          assert.ok(chartPage);
          const label = `SPC chart (${language}, ${width} px)`;
          await visit(page, chartPage.path, label);
          const svg = page.getByTestId('spc-chart');
          await svg.waitFor();
          // Its accessible name says what it is and where its figures are.
          assert.match((await svg.getAttribute('aria-label')) ?? '', language === 'en' ? /^Statistical process control chart: / : /^Siart rheoli prosesau ystadegol: /);
          assert.equal(await svg.getAttribute('role'), 'img');
          const [chart] = await measureCharts(page, '[data-testid="spc-chart"]');
          assert.ok(chart);
          assertReadable(chart, label);
          // No more date labels than fit, and on a phone fewer than on a desktop.
          const xTicks = chart.texts.filter((t) => t.axis === 'x');
          if (width === 360) assert.ok(xTicks.length <= 5, `${label}: ${xTicks.length} date labels on a phone`);
          // Dates are the month and a two-digit year in the page's language ("Jun 25", "Meh 25").
          for (const tick of xTicks) assert.match(tick.text, /^\S+ \d\d$/, `${label}: date label "${tick.text}"`);
          if (language === 'cy') assert.ok(xTicks.some((t) => /^(Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) /.test(t.text)), `${label}: Welsh months`);
          // The mean, the limits, the target and the key to the point shapes are there.
          await page.getByTestId('spc-mean').first().waitFor({ state: 'attached' });
          await page.getByTestId('spc-target').waitFor({ state: 'attached' });
          assert.equal(await page.getByTestId('spc-key').locator('li').count(), 7);
          assert.ok(chart.markers > 0, 'the points are drawn');
          await svg.scrollIntoViewIfNeeded();
          await screenshot(page, `screens/charts-spc-${language}-${width}`, { fullPage: false });

          // One click on the control right under the chart shows every point as a table.
          const control = page.locator('figure:has([data-testid="spc-chart"]) + details > summary');
          assert.equal((await control.innerText()).trim(), words.spcTable);
          const table = page.getByTestId('spc-table');
          assert.equal(await table.isVisible(), false, 'the table waits behind the control');
          await control.click();
          await table.waitFor();
          const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
          assert.equal(rows.length, chart.markers, 'a row for each point drawn');
          for (const row of rows) assert.match(row, /\d/, 'each row holds its numbers');
          await checkAccessibility(page, `${label}, table open`);
        });
      });

      test('the results bar charts are drawn for the width, in legible text, with their tables one click away', TIMEOUT, async () => {
        await withManager(async (page) => {
          const resultsPage = pages.find((p) => p.name === 'campaign-results');
          assert.ok(resultsPage);
          const label = `results (${language}, ${width} px)`;
          await visit(page, resultsPage.path, label);
          await page.getByTestId('bar-chart').first().waitFor();
          const charts = await measureCharts(page, '[data-testid="bar-chart"]');
          assert.ok(charts.length > 0, 'the results have bar charts');
          for (const [index, chart] of charts.entries()) {
            const chartLabel = `${label}, chart ${index + 1}`;
            assert.equal(chart.texts.filter((t) => t.axis === 'y').length, 0, `${chartLabel}: a bar chart has one axis`);
            assertReadable(chart, chartLabel, ['x']);
          }
          await page.getByTestId('bar-chart').first().scrollIntoViewIfNeeded();
          await screenshot(page, `screens/charts-results-${language}-${width}`, { fullPage: false });

          const figures = page.locator('figure:has([data-testid="bar-chart"])');
          let barsSeen = 0;
          for (let index = 0; index < charts.length; index += 1) {
            const chart = charts[index];
            assert.ok(chart);
            const chartLabel = `${label}, chart ${index + 1}`;
            const shown = chart.bars.filter((b) => b.percent > 0);
            barsSeen += shown.length;
            // The bars lie along the width: one height, one starting edge, length by the percentage.
            const [first] = shown;
            const perPercent = first ? first.box.width / first.percent : 0;
            for (const bar of first ? shown : []) {
              assert.ok(Math.abs(bar.box.height - (first?.box.height ?? 0)) < 0.5, `${chartLabel}: bars are one height`);
              assert.ok(Math.abs(bar.box.left - (first?.box.left ?? 0)) < 0.5, `${chartLabel}: bars start at one edge`);
              assert.ok(Math.abs(bar.box.width - bar.percent * perPercent) < 1.5, `${chartLabel}: a bar's length is its percentage`);
              assert.ok(bar.box.width >= bar.box.height || bar.percent < 20, `${chartLabel}: bars lie along the width`);
            }
            if (first && width === 360) assert.ok(perPercent * 100 >= 150, `${chartLabel}: a full bar is ${Math.round(perPercent * 100)} px`);
            // Every answer is written whole: no text is cut, each sits inside the chart.
            const categories = chart.texts.filter((t) => t.className.includes('app-chart__category'));
            assert.ok(categories.length > 0, `${chartLabel}: answers are named`);
            for (const t of categories) {
              assert.ok(t.box.right <= chart.box.right + 0.5, `${chartLabel}: the answer "${t.text}" runs out of the chart`);
            }
            // Value labels do not sit on each other, nor on the answers.
            const values = chart.texts.filter((t) => t.className.includes('app-chart__value') || t.className.includes('app-chart__category'));
            for (let i = 0; i < values.length; i += 1) {
              for (let j = i + 1; j < values.length; j += 1) {
                const a = values[i];
                const b = values[j];
                assert.ok(a && b && !overlap(a.box, b.box), `${chartLabel}: "${a?.text}" and "${b?.text}" overlap`);
              }
            }

            // One click on the control right under the chart shows the same figures as a table.
            const figure = figures.nth(index);
            const control = figure.locator('xpath=following-sibling::details[1]/summary');
            assert.equal((await control.innerText()).trim(), words.barsTable);
            const table = figure.locator('xpath=following-sibling::details[1]//table');
            assert.equal(await table.isVisible(), false, 'the table waits behind the control');
            await control.click();
            await table.waitFor();
            const tableText = await table.innerText();
            const figuresDrawn = chart.texts.filter((t) => t.className.includes('app-chart__value')).map((t) => t.text.trim());
            assert.ok(figuresDrawn.length > 0);
            for (const figureText of figuresDrawn) {
              assert.ok(tableText.includes(figureText), `${chartLabel}: the table holds "${figureText}"`);
            }
          }
          assert.ok(barsSeen > 3, `${label}: bars are drawn`);
          await checkAccessibility(page, `${label}, tables open`);
        });
      });
    });
  }
}
