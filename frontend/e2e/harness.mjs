// The end-to-end harness: starts the real Gwella app (API + built SPA) on a free
// loopback port with its own SQLite database, and drives Debian's Chromium through
// playwright-core. Nothing is downloaded: no browser, no fonts, no network.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
export const frontendDir = resolve(here, '..');
export const repoRoot = resolve(frontendDir, '..');
export const artifactsDir = join(frontendDir, 'e2e-artifacts');
const gwella = join(repoRoot, '.venv', 'bin', 'gwella');
const CHROMIUM = '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/** @returns {Promise<number>} a port that was free on 127.0.0.1 a moment ago */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {string} logFile
 */
function runCli(args, env, logFile) {
  return new Promise((resolveRun, reject) => {
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(gwella, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('exit', (code) => {
      log.end();
      if (code === 0) resolveRun(undefined);
      else reject(new Error(`gwella ${args.join(' ')} exited with ${code}; see ${logFile}:\n${tail(logFile)}`));
    });
  });
}

/** @param {string} file */
function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Start the app: migrate a fresh database, load the demo data, serve, and wait until
 * /readyz answers 200.
 * @param {{ publicUrl?: boolean }} [options] publicUrl: false serves without
 *   GWELLA_PUBLIC_URL, as `make run` does, so that links are made from the address served
 * @returns {Promise<{ baseUrl: string, stop: () => Promise<void>, logFile: string }>}
 */
export async function startApp({ publicUrl = true } = {}) {
  if (!existsSync(gwella)) {
    throw new Error(`${gwella} not found: set up the Python environment first (make install)`);
  }
  // GWELLA_FRONTEND_DIST (the app's own setting) serves a build kept elsewhere.
  const dist = process.env.GWELLA_FRONTEND_DIST ?? join(frontendDir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist} is missing: run \`npm run build\` before \`npm run e2e\``);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run frontend/scripts/ensure-chromium.sh`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'gwella-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = join(dir, 'server.log');
  /** @type {Record<string, string>} */
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter((entry) => entry[1] !== undefined)),
    DATABASE_URL: `sqlite+aiosqlite:///${dir}/e2e.db`,
    GWELLA_ENV: 'development',
    GWELLA_PUBLIC_URL: baseUrl,
  };
  if (!publicUrl) delete env.GWELLA_PUBLIC_URL;
  await runCli(['migrate'], env, logFile);
  await runCli(['load-demo'], env, logFile);

  const log = createWriteStream(logFile, { flags: 'a' });
  const server = spawn(gwella, ['serve', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  server.stdout.pipe(log, { end: false });
  server.stderr.pipe(log, { end: false });
  let exited = false;
  server.on('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited) {
      server.kill('SIGTERM');
      for (let i = 0; i < 50 && !exited; i += 1) await sleep(100);
      if (!exited) server.kill('SIGKILL');
    }
    log.end();
    if (process.env.GWELLA_E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return { baseUrl, stop, logFile };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  const why = exited ? 'the server exited' : 'it was not ready within 60 s';
  const logs = tail(logFile);
  await stop();
  throw new Error(`Could not start gwella serve (${why}). Last lines of its log:\n${logs}`);
}

/** @type {import('playwright-core').Browser | null} */
let sharedBrowser = null;

/** The one Chromium of the run, started on first use (see closeBrowser). */
async function browserForRun() {
  if (!sharedBrowser) {
    sharedBrowser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }
  return sharedBrowser;
}

/** Close the run's Chromium (call once, after all tests). */
export async function closeBrowser() {
  const browser = sharedBrowser;
  sharedBrowser = null;
  await browser?.close();
}

/**
 * A fresh browser context (its own storage, nothing shared with other tests) in the
 * run's one Chromium, its language set as a reader's browser would be (navigator.language
 * and Accept-Language).
 * @param {{ width: number, height: number }} [viewport]
 * @param {{ locale?: string }} [options]
 */
export async function openBrowser(viewport = DESKTOP, { locale = 'en-GB' } = {}) {
  const browser = await browserForRun();
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  /** @type {string[]} */
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const close = async () => {
    await context.close();
  };
  return { context, page, close, pageErrors };
}

/**
 * Run axe-core on the page as it is now; fail on any serious or critical violation.
 * @param {import('playwright-core').Page} page
 * @param {string} label
 */
export async function checkAccessibility(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const detail = bad
      .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`)
      .join('\n');
    throw new Error(`Accessibility violations on ${label} (${page.url()}):\n${detail}`);
  }
  return results;
}

/**
 * Wait until the page has settled: a main heading and no loading message.
 * @param {import('playwright-core').Page} page
 */
export async function settled(page) {
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.app-loading')).some((el) => el.textContent?.trim()),
    undefined,
    { timeout: 15_000 },
  );
}

/**
 * Save a screenshot to frontend/e2e-artifacts/<name>.png (a name may hold a folder):
 * the full page unless told to keep to the viewport.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {{ fullPage?: boolean }} [options]
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  const path = join(artifactsDir, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
}

/**
 * Sign in through the form.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {string} email
 * @param {string} [password]
 */
export async function signIn(page, baseUrl, email, password = 'gwella-demo') {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Attached, not visible: on a phone the account waits behind the header's Menu button.
  await page.getByTestId('signed-in-as').waitFor({ state: 'attached', timeout: 15_000 });
  await settled(page);
}

/**
 * Type a date into the NHS date input (day, month and year fields) named by its legend.
 * @param {import('playwright-core').Page | import('playwright-core').Locator} scope
 * @param {string | RegExp} legend
 * @param {string} iso YYYY-MM-DD
 */
export async function fillDate(scope, legend, iso) {
  const [year = '', month = '', day = ''] = iso.split('-');
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel(/^(Day|Diwrnod)$/).fill(String(Number(day)));
  await group.getByLabel(/^(Month|Mis)$/).fill(String(Number(month)));
  await group.getByLabel(/^(Year|Blwyddyn)$/).fill(year);
}
