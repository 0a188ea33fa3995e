// Co-design reaches people (issue 17 item 5): a member of the health board's staff starts a new
// draft of the demo survey, opens it to the service user forum and sends it for review; the
// forum's service user signs in and finds, in their notifications, that they are invited and
// that their review is asked for, in English and in Welsh, at 1280 and 360 px, and follows the
// notification to the page where they approve it. The board's manager finds the indicator
// signals the demo charts show. Axe on every page.
// node --test e2e/codesign_notifications.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, screenshot, settled, signIn, startApp } from './harness.mjs';
import { apiCall, apiToken, preferLanguage as setLanguage } from './mainPages.mjs';

const TIMEOUT = { timeout: 300_000 };
const STAFF = 'staff@demo.gwella.test';
const SERVICE_USER = 'serviceuser@demo.gwella.test';
const MANAGER = 'manager@demo.gwella.test';
const SURVEY = {
  en: 'Your experience of the community mental health team',
  cy: "Eich profiad o'r tîm iechyd meddwl cymunedol",
};

/** What the journey reads, in each language. */
const WORDS = {
  en: {
    notifications: 'Notifications',
    invited: `Your organisation is invited to help design a survey: ${SURVEY.en}`,
    review: `Your review is asked for: ${SURVEY.en}`,
    reviewBody: 'asks you to review this survey before it is published',
    reviewSection: 'Review and publication',
    approve: 'Approve it',
    signal: /: a special cause \((improvement|concern)\)$/,
    signalBody: 'is a special cause: a point outside the process limits.',
  },
  cy: {
    notifications: 'Hysbysiadau',
    invited: `Gwahoddir eich sefydliad i helpu i lunio arolwg: ${SURVEY.cy}`,
    review: `Gofynnir am eich adolygiad: ${SURVEY.cy}`,
    reviewBody: "yn gofyn i chi adolygu'r arolwg hwn cyn ei gyhoeddi",
    reviewSection: 'Adolygu a chyhoeddi',
    approve: 'Ei gymeradwyo',
    signal: /: achos arbennig \((gwelliant|pryder)\)$/,
    signalBody: "yn achos arbennig: pwynt y tu allan i derfynau'r broses.",
  },
};

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;
/** The new draft's version id. */
let versionId = '';

before(async () => {
  app = await startApp();
  // The staff member starts version 2 of the demo survey, opens it to the forum for
  // co-design and sends it for review, as the version page's buttons do.
  const staff = await apiToken(app.baseUrl, STAFF);
  const instruments = await apiCall(app.baseUrl, staff, 'GET', '/api/v1/instruments');
  const survey = instruments.items.find((/** @type {{ code: string }} */ i) => i.code === 'cmht-experience');
  assert.ok(survey, 'the demo survey');
  const forum = await apiCall(app.baseUrl, staff, 'GET', '/api/v1/organisations/demo:FORUM');
  const draft = await apiCall(app.baseUrl, staff, 'POST', `/api/v1/instruments/${survey.id}/versions`);
  versionId = draft.id;
  await apiCall(app.baseUrl, staff, 'PUT', `/api/v1/instrument-versions/${versionId}/codesign`, {
    open: true,
    organisation_ids: [forum.id],
  });
  await apiCall(app.baseUrl, staff, 'POST', `/api/v1/instrument-versions/${versionId}/review-requests`);
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/**
 * Set a demo person's preferred language (the app speaks it once they sign in).
 * @param {string} email
 * @param {'en' | 'cy'} language
 */
async function preferLanguage(email, language) {
  await setLanguage(app.baseUrl, email, language);
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

describe('co-design notifications', () => {
  for (const [language, viewport, width] of RUNS) {
    test(`the reviewer is told and follows the link (${language}, ${width} px)`, TIMEOUT, async () => {
      await preferLanguage(SERVICE_USER, language);
      const words = WORDS[language];
      const { page, close, pageErrors } = await openBrowser(viewport);
      try {
        await signIn(page, app.baseUrl, SERVICE_USER);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await page.goto(`${app.baseUrl}/notifications`);
        await page.getByRole('heading', { level: 1, name: words.notifications, exact: true }).waitFor();
        await page.getByTestId('notification').first().waitFor();
        await checked(page, `notifications (${language}, ${width} px)`);
        await screenshot(page, `codesign-notifications/notifications-${language}-${width}`);

        const notes = page.getByTestId('notification');
        // Each is there once: the invitation and the review asked for, in this language.
        const invited = notes.filter({ has: page.getByRole('link', { name: words.invited, exact: true }) });
        assert.equal(await invited.count(), 1, 'one invitation');
        const review = notes.filter({ has: page.getByRole('link', { name: words.review, exact: true }) });
        assert.equal(await review.count(), 1, 'one review request');
        assert.match((await review.textContent()) ?? '', new RegExp(words.reviewBody));
        // No raw codes or the slips the issue found; no English role words on a Welsh page.
        const text = (await page.getByTestId('notification-list').textContent()) ?? '';
        assert.doesNotMatch(text, language === 'en' ? /_|\ba staff\b|to supporting/ : /_|service user/);
        const box = await page.getByTestId('notification-list').boundingBox();
        assert.ok(box && box.width <= width, 'the list fits the screen');

        await review.getByRole('link', { name: words.review, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: SURVEY[language] }).waitFor();
        assert.equal(new URL(page.url()).pathname, `/instrument-versions/${versionId}`);
        await page.getByRole('heading', { level: 2, name: words.reviewSection }).waitFor();
        // Where they act: the choice to approve it (or ask for changes) is on this page.
        await page.getByLabel(words.approve).waitFor();
        await checked(page, `version from its notification (${language}, ${width} px)`);
        await screenshot(page, `codesign-notifications/version-${language}-${width}`);
        assert.deepEqual(pageErrors, []);
      } finally {
        await close();
      }
    });
  }

  for (const [language, viewport, width] of [RUNS[0], RUNS[3]]) {
    test(`the demo manager sees the indicator signals (${language}, ${width} px)`, TIMEOUT, async () => {
      await preferLanguage(MANAGER, language);
      const words = WORDS[language];
      const { page, close } = await openBrowser(viewport);
      try {
        await signIn(page, app.baseUrl, MANAGER);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await page.goto(`${app.baseUrl}/notifications`);
        await page.getByTestId('notification').first().waitFor();
        await checked(page, `manager's notifications (${language}, ${width} px)`);
        const signals = page.getByTestId('notification').filter({ has: page.getByRole('link', { name: words.signal }) });
        assert.equal(await signals.count(), 2, 'the two demo charts that end on a special cause');
        const first = signals.first();
        assert.ok(((await first.textContent()) ?? '').includes(words.signalBody));
        await first.getByRole('link', { name: words.signal }).click();
        await page.waitForURL(/\/indicators\/[^/]+\?organisation_id=/);
        await checked(page, `chart from its signal (${language}, ${width} px)`);
      } finally {
        await close();
      }
    });
  }
});
