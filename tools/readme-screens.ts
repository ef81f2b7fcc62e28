/**
 * `npm run screens`: the README's screenshots (docs/screens/), taken from a running panel (`npm start`, or PANEL_URL)
 * as the demo users see it, so the pictures in the README are the product as it is, not as it was drawn once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const PANEL_URL = (process.env.PANEL_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo@2026';
const OUT_DIR = path.resolve('docs', 'screens');

interface Shot {
  readonly file: string;
  readonly user: string;
  /** A path under /admin, or `first:<resource>`: the first record of that resource's list. */
  readonly page: string;
}

const SHOTS: readonly Shot[] = [
  { file: 'login', user: '', page: '/login' },
  { file: 'workbench', user: 'nanchang', page: '' },
  { file: 'unit-review-list', user: 'nanchang', page: '/resources/ProcurementUnit' },
  { file: 'unit-review-record', user: 'nanchang', page: 'first:ProcurementUnit' },
  { file: 'contract-filing-list', user: 'province', page: '/resources/ContractFiling' },
  { file: 'audit-log', user: 'auditor', page: '/resources/AuditLog' },
];

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(`${PANEL_URL}/admin/login`);
  await page.locator('input[name="email"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname.replace(/\/$/, '') === '/admin'), page.locator('form button').click()]);
}

async function open(page: Page, target: string): Promise<void> {
  if (!target.startsWith('first:')) {
    await page.goto(`${PANEL_URL}/admin${target}`);
    return;
  }
  const resource = target.slice('first:'.length);
  await page.goto(`${PANEL_URL}/admin/resources/${resource}`);
  const firstShow = page.locator(`a[href*="/admin/resources/${resource}/records/"][href$="/show"]`).first();
  // The row menu's show link is in the page but hidden until the menu opens: its address is what is wanted.
  await firstShow.waitFor({ state: 'attached' });
  await page.goto(new URL((await firstShow.getAttribute('href'))!, PANEL_URL).toString());
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    if (shot.user) await logIn(page, shot.user);
    await open(page, shot.page);
    await page.waitForLoadState('networkidle');
    const file = path.join(OUT_DIR, `${shot.file}.png`);
    await page.screenshot({ path: file });
    console.log(`已保存 ${path.relative(process.cwd(), file)}（${shot.user || '未登录'}）`);
    await context.close();
  }
} finally {
  await browser.close();
}
