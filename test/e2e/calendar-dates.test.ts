import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { creditCodeCheckChar } from '../../domain/credit-code.js';
import { AgreementLibrary, AgreementSupplier } from '../../db/models.js';
import { needs } from '../support/requires.js';
import { startTestApp } from '../support/test-app.js';
import { until } from '../support/until.js';
import { BROWSER_TEST_TIMEOUT, launchBrowser, loginThroughForm, openPanelPage, screenshot } from './browser.js';

// Issue #25: in a browser in China time a date-only field was saved one day early (picking the 15th showed the
// 14th); the same walk runs in a browser in China time and in one in UTC, on one app.
const ZONES = [
  ['Asia/Shanghai', 'shanghai', '1'],
  ['UTC', 'utc', '2'],
] as const;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

jest.setTimeout(BROWSER_TEST_TIMEOUT * 2);
const chromium = await needs('浏览器端到端测试（日期字段与时区）', 'chromium');
let browser: Browser;
let app: Awaited<ReturnType<typeof startTestApp>>;

if (chromium.ok) {
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
}

function creditCode(serial: string): string {
  const first17 = `91360121MA35D0T${serial}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

async function chooseLibrary(page: Page, name: string): Promise<void> {
  const input = page.locator('[data-testid="property-edit-libraryId"] input').first();
  await input.click();
  await input.fill(name.slice(0, 3));
  await page.getByRole('option', { name }).first().click();
}

/** Types a date as a supervisor does, digit by digit with the dashes, and closes the calendar. */
async function typeDate(page: Page, field: string, text: string): Promise<void> {
  const input = page.locator(`[data-testid="property-edit-${field}"] input`).first();
  await input.click();
  await input.pressSequentially(text);
  await input.press('Escape');
  expect(await input.inputValue()).toBe(text);
}

async function fillSupplier(page: Page, url: string, library: string, name: string, code: string): Promise<void> {
  await page.goto(`${url}/admin/resources/AgreementSupplier/actions/new`);
  await page.locator('[data-testid="property-edit-validFrom"] input').first().waitFor();
  await chooseLibrary(page, library);
  await page.locator('[data-testid="property-edit-supplierName"] input').fill(name);
  await page.locator('[data-testid="property-edit-creditCode"] input').fill(code);
}

async function save(page: Page): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/AgreementSupplier/actions/new')),
    page.getByTestId('button-save').click(),
  ]);
  const body = (await response.json()) as { notice?: { type: string; message: string }; record?: { errors?: unknown } };
  expect({ notice: body.notice?.type, errors: body.record?.errors }).toEqual({ notice: 'success', errors: {} });
}

chromium.describe.each(ZONES)('date-only fields in a browser in %s', (timezoneId, slug, serial) => {
  it('keep the day typed or picked through form, database, show page, list and list filter; the calendar is Chinese', async () => {
    const { page, foreign } = await openPanelPage(browser, app.url, { timezoneId });
    try {
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      await loginThroughForm(page, app.url, 'nanchangxian');
      const library = (await AgreementLibrary.findOne({ where: { ownerRegionCode: '360121' } }))!;

      // Typed: both ends of the validity period.
      const typed = { name: `日期测试供应商（${slug}，键入）`, code: creditCode(`${serial}1`) };
      await fillSupplier(page, app.url, library.name, typed.name, typed.code);
      await typeDate(page, 'validFrom', '2026-12-01');
      await typeDate(page, 'validTo', '2027-11-30');
      await screenshot(page, `calendar-dates-typed-${slug}`);
      await save(page);

      // Picked: the 15th of the month the calendar opens on, in a calendar that speaks Chinese.
      const picked = { name: `日期测试供应商（${slug}，点选）`, code: creditCode(`${serial}2`) };
      await fillSupplier(page, app.url, library.name, picked.name, picked.code);
      const from = page.locator('[data-testid="property-edit-validFrom"] input').first();
      await from.click();
      const header = (await page.locator('.react-datepicker__current-month').first().innerText()).trim();
      expect(header).toMatch(/^\d{4}年\d{1,2}月$/);
      expect((await page.locator('.react-datepicker__day-name').allInnerTexts()).map((t) => t.trim())).toEqual(WEEKDAYS);
      await screenshot(page, `calendar-dates-calendar-${slug}`);
      const [, year, month] = /^(\d{4})年(\d{1,2})月$/.exec(header)!;
      const fifteenth = `${year}-${month!.padStart(2, '0')}-15`;
      await page.locator('.react-datepicker__day--015:not(.react-datepicker__day--outside-month)').first().click();
      expect(await from.inputValue()).toBe(fifteenth);
      await typeDate(page, 'validTo', '2027-11-30');
      await save(page);

      const stored = async (code: string) => (await AgreementSupplier.findOne({ where: { creditCode: code } }))!;
      const typedRow = await stored(typed.code);
      const pickedRow = await stored(picked.code);
      expect({ validFrom: typedRow.validFrom, validTo: typedRow.validTo }).toEqual({ validFrom: '2026-12-01', validTo: '2027-11-30' });
      expect({ validFrom: pickedRow.validFrom, validTo: pickedRow.validTo }).toEqual({ validFrom: fifteenth, validTo: '2027-11-30' });

      await page.goto(`${app.url}/admin/resources/AgreementSupplier/records/${typedRow.id}/show`);
      await page.getByTestId('property-show-validFrom').waitFor();
      expect(await page.getByTestId('property-show-validFrom').innerText()).toContain('2026-12-01');
      expect(await page.getByTestId('property-show-validTo').innerText()).toContain('2027-11-30');

      await page.goto(`${app.url}/admin/resources/AgreementSupplier`);
      const row = page.locator(`tr[data-id="${typedRow.id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('property-list-validFrom').innerText()).toBe('2026-12-01');
      expect(await row.getByTestId('property-list-validTo').innerText()).toBe('2027-11-30');
      expect(await page.locator(`tr[data-id="${pickedRow.id}"]`).getByTestId('property-list-validFrom').innerText()).toBe(fifteenth);

      // The list filter, through its own calendars: 协议有效期止 from 2027-11-30 to 2027-11-30.
      await page.locator('[data-css="AgreementSupplier-filter-button"]').click();
      for (const bound of [0, 1]) {
        const input = page.locator('[data-testid="property-filter-validTo"] input').nth(bound);
        await input.click();
        await input.pressSequentially('2027-11-30');
        await input.press('Escape');
        expect(await input.inputValue()).toBe('2027-11-30');
      }
      await page.locator('[data-css="AgreementSupplier-filter-drawer-button-apply"]').click();
      await page.waitForURL((url) => url.searchParams.get('filters.validTo~~from') !== null);
      const query = new URL(page.url()).searchParams;
      expect([query.get('filters.validTo~~from'), query.get('filters.validTo~~to')]).toEqual(['2027-11-30', '2027-11-30']);
      await page.locator(`tr[data-id="${typedRow.id}"]`).waitFor();
      await page.locator(`tr[data-id="${pickedRow.id}"]`).waitFor();
      // The filtered list may still be re-rendering after its rows appear: read the column once it is drawn.
      const column = page.locator('tr[data-id]').getByTestId('property-list-validTo');
      await until(async () => (await column.allInnerTexts()).length > 0, 10_000, '筛选后的列表');
      expect(new Set(await column.allInnerTexts())).toEqual(new Set(['2027-11-30']));
      await screenshot(page, `calendar-dates-filtered-${slug}`);
      expect(foreign).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
