import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, jest } from '@jest/globals';
import { CHROMIUM_PATH, needs, type Requirement } from '../support/requires.js';
import { DEMO_PASSWORD, startTestApp } from '../support/test-app.js';

export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** Time for one browser test: the first page load of a fresh app also waits for the component bundle. */
export const BROWSER_TEST_TIMEOUT = 120_000;

/** The headless Debian chromium of the end-to-end tests; `needs(what, 'chromium')` has checked it is installed. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Every URL the page asks for that is neither the app's own nor a data:/blob: URL; check it at the end of a test. */
export function foreignRequests(page: Page, appUrl: string): string[] {
  const own = new URL(appUrl).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (url === own || url.startsWith(`${own}/`)) return;
    foreign.push(url);
  });
  return foreign;
}

/**
 * A page as our users see the panel (a desktop screen, Chinese), with every request off our origin recorded;
 * `timezoneId` puts the browser in another zone than the machine's (dates must not move with it).
 */
export async function openPanelPage(
  browser: Browser,
  appUrl: string,
  { timezoneId }: { timezoneId?: string } = {},
): Promise<{ page: Page; foreign: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...(timezoneId && { timezoneId }) });
  return { page, foreign: foreignRequests(page, appUrl) };
}

/** Logs in through the real form (the username goes in the field AdminJS calls `email`) and waits for the dashboard. */
export async function loginThroughForm(page: Page, appUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${appUrl}/admin/login`);
  await page.locator('input[name="email"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/'),
    // AdminJS's login button has no type attribute: it submits the form by default.
    page.locator('form button').click(),
  ]);
}

/** `name` may name a folder under test/artifacts (`screens/AuditLog-list`). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface BrowserSession extends Requirement {
  browser: Browser;
  app: Awaited<ReturnType<typeof startTestApp>>;
  page: Page;
  foreign: string[];
}

/**
 * One browser and one test app for a test file, opened before its tests and closed after them. Register the tests
 * with the session's `describe` (or `it`): without chromium they are skipped, loudly, and nothing starts (under CI=true
 * the file fails instead). `prepare` runs on the app before the page opens (e.g. to post a batch); `username` logs in
 * through the form.
 */
export async function browserSession(
  what: string,
  options: { username?: string; prepare?: (app: BrowserSession['app']) => Promise<void> } = {},
): Promise<BrowserSession> {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  const session = { ...(await needs(what, 'chromium')), foreign: [] } as unknown as BrowserSession;
  if (!session.ok) return session;
  beforeAll(async () => {
    session.browser = await launchBrowser();
    const app = await startTestApp();
    session.app = app;
    await options.prepare?.(app);
    Object.assign(session, await openPanelPage(session.browser, app.url));
    if (options.username) await loginThroughForm(session.page, app.url, options.username);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.stop();
  });
  return session;
}
