// Each person's home page is their own page of what needs them (issue 17 item 10): the demo
// manager sees the signals on their indicators (the ones the charts show), and a part their
// organisation is asked to take once one is proposed; the council's manager sees their own
// part and not the board's; the service user and the carer see a review asked of them when a
// draft opened to their forum is sent for review, and staff do not; the empty state is honest.
// One item's link leads to where they act. English and Welsh, 1280 and 360 px, axe on every page.
// node --test e2e/home_agenda.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiCall, apiToken, preferLanguage as setLanguage } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const EMAIL = {
  manager: 'manager@demo.gwella.test',
  council: 'council@demo.gwella.test',
  staff: 'staff@demo.gwella.test',
  serviceuser: 'serviceuser@demo.gwella.test',
  carer: 'carer@demo.gwella.test',
};
const ACTION = { en: 'Crisis line open at weekends', cy: 'Llinell argyfwng ar agor ar benwythnosau' };

/** What the journey reads, in each language. */
const WORDS = {
  en: {
    needs: 'What needs you',
    changed: 'What changed',
    everything: 'Everything you can do',
    signals: /^\d+ signals? on your indicators$/,
    parts: 'Your organisation is asked to take part in 1 action',
    reviews: '1 review asked of you',
    concern: 'Special cause: concern',
    improvement: 'Special cause: improvement',
    supporting: 'is asked to support it',
    nothing: 'Nothing needs you today.',
  },
  cy: {
    needs: 'Beth sydd angen eich sylw',
    changed: 'Beth sydd wedi newid',
    everything: 'Popeth y gallwch ei wneud',
    signals: /^\d+ arwydd ar eich dangosyddion$/,
    parts: "Gofynnir i'ch sefydliad gymryd rhan mewn 1 cam gweithredu",
    reviews: 'Gofynnir i chi adolygu 1 arolwg',
    concern: 'Achos arbennig: pryder',
    improvement: 'Achos arbennig: gwelliant',
    supporting: 'ei gefnogi',
    nothing: 'Does dim byd angen eich sylw heddiw.',
  },
};

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;
/** @type {Record<string, string>} */
const tokens = {};

/** @param {keyof typeof EMAIL} who */
async function tokenOf(who) {
  tokens[who] ??= await apiToken(app.baseUrl, EMAIL[who]);
  return tokens[who];
}

/**
 * The agenda as the API gives it to someone.
 * @param {keyof typeof EMAIL} who
 */
async function agendaOf(who) {
  return apiCall(app.baseUrl, await tokenOf(who), 'GET', '/api/v1/me/agenda');
}

/**
 * Set someone's preferred language (the app speaks it once they sign in).
 * @param {keyof typeof EMAIL} who
 * @param {'en' | 'cy'} language
 */
async function preferLanguage(who, language) {
  await setLanguage(app.baseUrl, EMAIL[who], language);
}

/**
 * Sign in as someone in their language and viewport, wait for the agenda, check it with axe.
 * @param {keyof typeof EMAIL} who
 * @param {'en' | 'cy'} language
 * @param {{ width: number, height: number }} viewport
 */
async function home(who, language, viewport) {
  await preferLanguage(who, language);
  const browser = await openBrowser(viewport);
  const { page } = browser;
  await signIn(page, app.baseUrl, EMAIL[who]);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.getByRole('heading', { level: 2, name: WORDS[language].needs }).waitFor();
  await settled(page);
  await checkAccessibility(page, `${who}'s home page (${language}, ${viewport.width} px)`);
  return browser;
}

/**
 * @param {{ page: import('playwright-core').Page, close: () => Promise<void>, pageErrors: string[] }} browser
 * @param {string} name
 * @param {(page: import('playwright-core').Page) => Promise<void>} body
 */
async function within(browser, name, body) {
  try {
    await body(browser.page);
    assert.deepEqual(browser.pageErrors, [], 'the page threw JavaScript errors');
  } catch (error) {
    await screenshot(browser.page, `failure-home-agenda-${name}-${Date.now()}`).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

/** The no-horizontal-scroll rule of a phone page. */
async function noSidewaysScroll(/** @type {import('playwright-core').Page} */ page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
}

before(async () => {
  app = await startApp();
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

const RUNS = /** @type {const} */ ([
  ['en', DESKTOP],
  ['en', PHONE],
  ['cy', DESKTOP],
  ['cy', PHONE],
]);

describe("each person's home page shows what needs them", () => {
  for (const [language, viewport] of RUNS) {
    test(`the demo manager sees the signals the charts show (${language}, ${viewport.width} px)`, TIMEOUT, async () => {
      const words = WORDS[language];
      const agenda = await agendaOf('manager');
      assert.ok(agenda.signals.total > 0, 'the demo charts show special causes');
      const browser = await home('manager', language, viewport);
      await within(browser, `manager-${language}-${viewport.width}`, async (page) => {
        const section = page.getByTestId('agenda-signals');
        const heading = await section.getByRole('heading', { level: 3 }).textContent();
        assert.match(heading ?? '', words.signals);
        assert.ok((heading ?? '').startsWith(String(agenda.signals.total)), 'the heading counts them all');
        // Each signal says its nature in words, as its chart does.
        for (const item of agenda.signals.items) {
          const marker = item.nature === 'concern' ? words.concern : words.improvement;
          await section.locator(`a[href="${item.link}"]`).waitFor();
          const row = section.getByTestId('agenda-item').filter({ has: page.locator(`a[href="${item.link}"]`) });
          assert.ok(((await row.textContent()) ?? '').includes(marker), `${item.link}: ${marker}`);
        }
        await page.getByRole('heading', { level: 2, name: words.changed }).waitFor();
        await page.getByRole('heading', { level: 2, name: words.everything }).waitFor();
        // What needs them comes before everything they can do.
        const order = await page.evaluate(
          ([a, b]) => {
            const headings = Array.from(document.querySelectorAll('main h2')).map((h) => h.textContent);
            return [headings.indexOf(a), headings.indexOf(b)];
          },
          [words.needs, words.everything],
        );
        assert.ok(order[0] >= 0 && order[0] < order[1], `headings in order: ${order}`);
        if (viewport.width < 600) await noSidewaysScroll(page);
        await screenshot(page, `home-agenda/manager-${language}-${viewport.width}`);

        // Following a signal leads to its chart, which shows the same special cause.
        const first = agenda.signals.items[0];
        await section.locator(`a[href="${first.link}"]`).click();
        await page.waitForURL((url) => `${url.pathname}${url.search}` === first.link);
        await settled(page);
        await checkAccessibility(page, `the chart a signal leads to (${language}, ${viewport.width} px)`);
        const [indicatorPath, query] = first.link.split('?');
        const chart = await apiCall(app.baseUrl, await tokenOf('manager'), 'GET', `/api/v1${indicatorPath}/chart?${query}`);
        const last = chart.points[chart.points.length - 1];
        assert.equal(last.special_cause, first.rule);
        assert.equal(last.nature, first.nature);
      });
    });
  }

  test('a part proposed to the council waits for its manager, and not for the board or the forum', TIMEOUT, async () => {
    const token = await tokenOf('manager');
    const organisations = await apiCall(app.baseUrl, token, 'GET', '/api/v1/organisations?limit=50');
    /** @param {string} code */
    const org = (code) => organisations.items.find((/** @type {{ code: string }} */ o) => o.code === code);
    const board = org('BAUHB');
    const council = org('ACC-ASS');
    assert.ok(board && council, 'the demo organisations');
    const partnerships = await apiCall(app.baseUrl, token, 'GET', '/api/v1/partnerships?limit=10');
    const before = (await agendaOf('council')).responsibilities.total;
    const action = await apiCall(app.baseUrl, token, 'POST', '/api/v1/actions', {
      partnership_id: partnerships.items[0].id,
      title: ACTION,
      description: { en: 'People in crisis at weekends reach nobody.' },
      responsibilities: [
        { organisation_id: board.id, role: 'lead' },
        { organisation_id: council.id, role: 'supporting' },
      ],
    });
    const councils = await agendaOf('council');
    assert.equal(councils.responsibilities.total, before + 1);
    assert.ok(
      councils.responsibilities.items.some((/** @type {{ action_id: string, role: string }} */ i) => i.action_id === action.id && i.role === 'supporting'),
    );
    for (const who of /** @type {const} */ (['serviceuser', 'staff'])) {
      const theirs = await agendaOf(who);
      assert.ok(
        !theirs.responsibilities.items.some((/** @type {{ action_id: string }} */ i) => i.action_id === action.id),
        `${who} is not asked to accept the council's part`,
      );
    }
    const managers = await agendaOf('manager');
    assert.deepEqual(
      managers.responsibilities.items.filter((/** @type {{ action_id: string }} */ i) => i.action_id === action.id).map((/** @type {{ role: string }} */ i) => i.role),
      ['lead'],
      "the board's manager sees the board's part, not the council's",
    );

    for (const [language, viewport] of /** @type {const} */ ([['en', DESKTOP], ['cy', PHONE]])) {
      const words = WORDS[language];
      const browser = await home('council', language, viewport);
      await within(browser, `council-${language}-${viewport.width}`, async (page) => {
        const section = page.getByTestId('agenda-responsibilities');
        await section.getByRole('heading', { level: 3, name: words.parts }).waitFor();
        const link = section.getByRole('link', { name: ACTION[language] });
        const row = section.getByTestId('agenda-item').filter({ has: page.getByRole('link', { name: ACTION[language] }) });
        assert.ok(((await row.textContent()) ?? '').includes(words.supporting));
        if (viewport.width < 600) await noSidewaysScroll(page);
        await screenshot(page, `home-agenda/council-${language}-${viewport.width}`);
        await link.click();
        await page.getByRole('heading', { level: 1, name: ACTION[language] }).waitFor();
        assert.equal(new URL(page.url()).pathname, `/actions/${action.id}`);
        await settled(page);
        await page.getByTestId('answer-part').first().waitFor();
        await checkAccessibility(page, `the action the part leads to (${language}, ${viewport.width} px)`);
      });
    }
  });

  test('a draft sent for review waits for the forum, and not for staff or the council', TIMEOUT, async () => {
    const token = await tokenOf('staff');
    const instruments = await apiCall(app.baseUrl, token, 'GET', '/api/v1/instruments?limit=50');
    const survey = instruments.items.find((/** @type {{ versions: { status: string }[] }} */ i) => i.versions.some((v) => v.status === 'published'));
    assert.ok(survey, 'the demo survey');
    const draft = await apiCall(app.baseUrl, token, 'POST', `/api/v1/instruments/${survey.id}/versions`);
    const forum = survey.versions.length ? (await apiCall(app.baseUrl, token, 'GET', `/api/v1/instrument-versions/${survey.versions[0].id}`)).codesign_org_ids : [];
    assert.ok(forum.length > 0, 'the demo survey was co-designed with the forum');
    await apiCall(app.baseUrl, token, 'PUT', `/api/v1/instrument-versions/${draft.id}/codesign`, { open: false, organisation_ids: forum });
    for (const who of /** @type {const} */ (['serviceuser', 'carer', 'staff', 'council'])) {
      assert.equal((await agendaOf(who)).reviews.total, 0, `${who}: nothing to review while it is a draft`);
    }
    // Until then nothing needs the service user, and the page says so plainly.
    const quiet = await agendaOf('serviceuser');
    for (const list of ['reviews', 'suggestions', 'responsibilities', 'signals', 'overdue']) assert.equal(quiet[list].total, 0, list);
    for (const [language, viewport] of /** @type {const} */ ([['en', DESKTOP], ['cy', PHONE]])) {
      const browser = await home('serviceuser', language, viewport);
      await within(browser, `serviceuser-empty-${language}-${viewport.width}`, async (page) => {
        await page.getByTestId('agenda-empty').getByText(WORDS[language].nothing).waitFor();
        assert.equal(await page.getByTestId('agenda-item').count(), 0);
        await page.getByRole('heading', { level: 2, name: WORDS[language].changed }).waitFor();
      });
    }
    await apiCall(app.baseUrl, token, 'POST', `/api/v1/instrument-versions/${draft.id}/review-requests`);
    for (const who of /** @type {const} */ (['serviceuser', 'carer'])) {
      const theirs = await agendaOf(who);
      assert.deepEqual(theirs.reviews.items.map((/** @type {{ version_id: string }} */ i) => i.version_id), [draft.id], who);
    }
    for (const who of /** @type {const} */ (['staff', 'manager', 'council'])) {
      assert.equal((await agendaOf(who)).reviews.total, 0, `${who} is not asked to review it`);
    }

    for (const [who, language, viewport] of /** @type {const} */ ([['serviceuser', 'en', PHONE], ['carer', 'cy', DESKTOP]])) {
      const words = WORDS[language];
      const browser = await home(who, language, viewport);
      await within(browser, `${who}-${language}-${viewport.width}`, async (page) => {
        const section = page.getByTestId('agenda-reviews');
        await section.getByRole('heading', { level: 3, name: words.reviews }).waitFor();
        // Service users and carers have no signals or parts to accept.
        assert.equal(await page.getByTestId('agenda-signals').count(), 0);
        assert.equal(await page.getByTestId('agenda-responsibilities').count(), 0);
        if (viewport.width < 600) await noSidewaysScroll(page);
        await screenshot(page, `home-agenda/${who}-${language}-${viewport.width}`);
        await section.locator(`a[href="/instrument-versions/${draft.id}"]`).click();
        await page.waitForURL((url) => url.pathname === `/instrument-versions/${draft.id}`);
        await page.locator('#review-title').waitFor({ timeout: 15_000 });
        await settled(page);
        await checkAccessibility(page, `the draft a review leads to (${language}, ${viewport.width} px)`);
      });
    }
  });

  test('staff see their organisation’s signals, and nothing else that is not theirs', TIMEOUT, async () => {
    const agenda = await agendaOf('staff');
    assert.ok(agenda.signals.total > 0);
    assert.equal(agenda.responsibilities.total, 0, 'staff do not accept parts: managers do');
    const browser = await home('staff', 'cy', PHONE);
    await within(browser, 'staff-cy-360', async (page) => {
      await page.getByTestId('agenda-signals').waitFor();
      assert.equal(await page.getByTestId('agenda-responsibilities').count(), 0);
      await noSidewaysScroll(page);
    });
  });
});
