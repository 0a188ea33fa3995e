// Every link and QR code the app prints answers on the address it serves (issue 17, item 1):
// the app is started as `make run` starts it, WITHOUT GWELLA_PUBLIC_URL, on a free port that is
// not 8000, and each printed link is followed in Chromium. Run: node --test e2e/links.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, checkAccessibility, closeBrowser, openBrowser, settled, signIn, startApp } from './harness.mjs';
import { apiToken as demoToken } from './mainPages.mjs';

const TIMEOUT = { timeout: 180_000 };

/** @type {{ baseUrl: string, stop: () => Promise<void>, logFile: string }} */
let app;

before(async () => {
  app = await startApp({ publicUrl: false });
  assert.notEqual(new URL(app.baseUrl).port, '8000', 'a port other than the default');
});

after(async () => {
  await closeBrowser();
  await app?.stop();
});

/** @param {string} email */
const apiToken = (email) => demoToken(app.baseUrl, email);

/**
 * @param {string} token
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
async function apiCall(token, method, path, body) {
  const answer = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  assert.ok([200, 201].includes(answer.status), `${method} ${path} answered ${answer.status}: ${text}`);
  return { body: text ? JSON.parse(text) : null, headers: answer.headers };
}

/** @param {string} url */
function onServedAddress(url) {
  assert.equal(new URL(url).origin, app.baseUrl, `${url} is on the address served (${app.baseUrl})`);
}

test('the campaign page prints links and QR codes that work on the address served', TIMEOUT, async () => {
  const token = await apiToken('manager@demo.gwella.test');
  const campaigns = (await apiCall(token, 'GET', '/api/v1/campaigns?limit=50')).body;
  const campaign = campaigns.items.find((/** @type {{ name: string }} */ c) => c.name === 'CMHT experience, this quarter');
  assert.ok(campaign, 'the demo campaign');

  /** @type {{ url: string, qr_svg_url: string }[]} */
  let links = [];
  /** @type {string[]} */
  let printed = [];
  const { page, close, pageErrors } = await openBrowser(DESKTOP);
  try {
    await signIn(page, app.baseUrl, 'manager@demo.gwella.test');
    await page.goto(`${app.baseUrl}/campaigns/${campaign.id}`);
    await settled(page);
    const list = page.getByTestId('campaign-links');
    await list.waitFor();
    printed = await list.locator('.app-url a').evaluateAll((links) => links.map((a) => a.textContent ?? ''));
    assert.ok(printed.length >= 2, `links for each service: ${printed.join(', ')}`);
    for (const url of printed) onServedAddress(url);
    // Each QR code is drawn (the image loaded) from what the API gives for the same link.
    const qrs = page.getByTestId('qr');
    await qrs.first().waitFor();
    assert.equal(await qrs.count(), printed.length, 'one QR code per link');
    for (const loaded of await qrs.evaluateAll((images) => images.map((img) => /** @type {HTMLImageElement} */ (img).naturalWidth > 0))) {
      assert.ok(loaded, 'the QR code image loaded');
    }
    await checkAccessibility(page, 'campaign page with its links');

    // The API's record of the links: the same URLs, and each QR code answers as an SVG.
    links = (await apiCall(token, 'GET', `/api/v1/campaigns/${campaign.id}/links`)).body;
    assert.deepEqual(links.map((/** @type {{ url: string }} */ l) => l.url).sort(), [...printed].sort());
    for (const link of links) {
      const qr = await fetch(`${app.baseUrl}${link.qr_svg_url}`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(qr.status, 200);
      assert.match(qr.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    }

    // Following a printed link opens the survey, on a computer...
    const answer = await page.goto(printed[0]);
    assert.equal(answer?.status(), 200);
    await page.getByTestId('survey-form').waitFor();
    await checkAccessibility(page, 'survey opened from a printed link');
  } finally {
    await close();
  }
  assert.deepEqual(pageErrors, []);

  // ... and on a phone, in Welsh.
  const phone = await openBrowser(PHONE);
  try {
    const last = links[links.length - 1].url;
    onServedAddress(last);
    const answer = await phone.page.goto(last);
    assert.equal(answer?.status(), 200);
    await phone.page.getByTestId('survey-form').waitFor();
    const welsh = phone.page.getByTestId('survey-language');
    if (await welsh.count()) {
      await welsh.click();
      await phone.page.getByRole('button', { name: 'Anfon fy atebion' }).waitFor();
    }
    await checkAccessibility(phone.page, 'survey from a printed link on a phone');
  } finally {
    await phone.close();
  }
  assert.deepEqual(phone.pageErrors, []);
});

test('access-code cards, invitation links and FHIR URLs are on the address served', TIMEOUT, async () => {
  const manager = await apiToken('manager@demo.gwella.test');
  const campaigns = (await apiCall(manager, 'GET', '/api/v1/campaigns?limit=50')).body;
  const campaign = campaigns.items.find((/** @type {{ name: string }} */ c) => c.name === 'CMHT experience, this quarter');
  const staff = await apiToken('staff@demo.gwella.test');
  const cards = (
    await apiCall(staff, 'POST', `/api/v1/campaigns/${campaign.id}/access-codes`, { service_id: campaign.service_ids[0], count: 1 })
  ).body.codes;
  const admin = await apiToken('admin@demo.gwella.test');
  const me = (await apiCall(admin, 'GET', '/api/v1/users/me')).body;
  const organisationId = me.memberships[0].organisation_id;
  await apiCall(admin, 'POST', '/api/v1/invitations', { email: 'links-test@example.org', organisation_id: organisationId, role: 'staff' });
  // Mail is printed to the server's output in development: the link as the invitee gets it.
  let invitation = '';
  for (let i = 0; i < 50 && !invitation; i += 1) {
    const found = readFileSync(app.logFile, 'utf8').match(/https?:\/\/\S+\/invitations\/accept\?token=\S+/);
    invitation = found ? found[0] : '';
    if (!invitation) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(invitation, 'the invitation mail carries a link');
  const capability = await (await fetch(`${app.baseUrl}/fhir/r4/metadata`)).json();
  const fhirBase = capability.implementation.url;

  for (const url of [cards[0].url, invitation, fhirBase]) onServedAddress(url);
  assert.ok(cards[0].qr_svg.includes('<svg'), 'the card carries its QR code');
  assert.equal((await fetch(`${fhirBase}/metadata`)).status, 200);

  const { page, close, pageErrors } = await openBrowser(PHONE);
  try {
    let answer = await page.goto(cards[0].url);
    assert.equal(answer?.status(), 200);
    await page.getByTestId('survey-form').waitFor();
    assert.equal(await page.locator('#access-code').inputValue(), cards[0].code, 'the card’s code filled in');
    answer = await page.goto(invitation);
    assert.equal(answer?.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    await checkAccessibility(page, 'invitation opened from its mail');
  } finally {
    await close();
  }
  assert.deepEqual(pageErrors, []);
});
