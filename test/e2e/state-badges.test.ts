import { expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { ProcurementUnit } from '../../db/models.js';
import { TONE_COLOURS } from '../../panel/components/tone-palette.js';
import type { Tone } from '../../db/record/field-types.js';
import { browserSession, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（状态徽标、超期标记、推送图的整数刻度）', { username: 'nanchangxian' });

const COUNTY = '360121';

/** '#fff3bf' → 'rgb(255, 243, 191)', as the browser reports a computed colour. */
const rgb = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};

async function badgeStyle(badge: Locator): Promise<{ tone: string | null; background: string; color: string }> {
  return {
    tone: await badge.getAttribute('data-tone'),
    ...(await badge.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    })),
  };
}

const expectTone = (style: { tone: string | null; background: string; color: string }, tone: Tone) =>
  expect(style).toEqual({ tone, background: rgb(TONE_COLOURS[tone].background), color: rgb(TONE_COLOURS[tone].color) });

/** The badge of a list's column in the first row showing `words`. */
const listBadge = (words: string) =>
  s.page
    .locator('tr[data-id]')
    .getByTestId('state-badge')
    .filter({ hasText: new RegExp(`^${words}$`) })
    .first();

s.describe('states told apart at a glance (南昌县采购办)', () => {
  it('colours 待审核 and 已审核 differently on the unit review list, by the one scheme', async () => {
    // Both states on one page of the list: the newest submitted unit and an approved one are made the newest.
    const approved = await ProcurementUnit.findOne({ where: { regionCode: COUNTY, status: 'approved' } });
    expect(approved).not.toBeNull();
    await approved!.update({ submittedAt: new Date() });
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const pending = await badgeStyle(listBadge('待审核'));
    const done = await badgeStyle(listBadge('已审核'));
    expectTone(pending, 'pending');
    expectTone(done, 'done');
    expect(pending.background).not.toBe(done.background);
    await screenshot(s.page, 'state-badges-unit-list');
    expect(s.foreign).toEqual([]);
  });

  it('colours 一致 and 不一致 differently: 单位预算编码核对 lists the units that do not match, the unit list the others', async () => {
    for (const verdict of ['match', 'mismatch', 'missing'])
      expect(await ProcurementUnit.count({ where: { regionCode: COUNTY, budgetCodeVerdict: verdict } })).toBeGreaterThan(0);
    // 单位预算编码核对 lists only what does not match; 一致 is seen on the unit list. One list per verdict, so each
    // is on the first page whatever else the county holds.
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit?filters.budgetCodeVerdict=match`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const match = await badgeStyle(listBadge('一致'));
    await s.page.goto(`${s.app.url}/admin/resources/BudgetCodeCheck?filters.budgetCodeVerdict=missing`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const missing = await badgeStyle(listBadge('一体化无此单位'));
    await s.page.goto(`${s.app.url}/admin/resources/BudgetCodeCheck?filters.budgetCodeVerdict=mismatch`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const mismatch = await badgeStyle(listBadge('不一致'));
    expectTone(match, 'done');
    expectTone(mismatch, 'refused');
    expectTone(missing, 'pending');
    expect(new Set([match.background, mismatch.background, missing.background]).size).toBe(3);
    await screenshot(s.page, 'state-badges-budget-code-mismatch');
    expect(s.foreign).toEqual([]);
  });

  it('shows the same coloured badge on a record’s page', async () => {
    const unit = await ProcurementUnit.findOne({ where: { regionCode: COUNTY, status: 'submitted', budgetCodeVerdict: 'mismatch' } });
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit/records/${unit!.id}/show`);
    const badges = s.page.getByTestId('state-badge');
    await badges.first().waitFor();
    expectTone(await badgeStyle(badges.filter({ hasText: /^待审核$/ })), 'pending');
    expectTone(await badgeStyle(badges.filter({ hasText: /^不一致$/ })), 'refused');
    await screenshot(s.page, 'state-badges-unit-page');
    expect(s.foreign).toEqual([]);
  });

  it('marks an overdue row’s 办理时限 in the list, and not one still in time', async () => {
    const [late, inTime] = await ProcurementUnit.findAll({
      where: { regionCode: COUNTY, status: 'submitted' },
      order: [['id', 'ASC']],
      limit: 2,
    });
    await late!.update({ dueDate: '2026-01-05', submittedAt: new Date() });
    await inTime!.update({ dueDate: '2099-12-31', submittedAt: new Date(Date.now() - 1000) });
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit?filters.status=submitted`);
    const cellOf = (id: number) => s.page.locator(`tr[data-id="${id}"]`).getByTestId('deadline-cell');
    await cellOf(late!.id).waitFor();
    expect(await cellOf(late!.id).getAttribute('data-overdue')).toBe('true');
    expect(await cellOf(late!.id).innerText()).toContain('已超期');
    expect(await cellOf(late!.id).evaluate((el) => getComputedStyle(el).color)).toBe(rgb(TONE_COLOURS.refused.color));
    expect(await cellOf(inTime!.id).getAttribute('data-overdue')).toBe('false');
    expect(await cellOf(inTime!.id).evaluate((el) => getComputedStyle(el).color)).not.toBe(rgb(TONE_COLOURS.refused.color));
    // The column is the list's last and the table scrolls sideways on a narrow screen.
    await cellOf(late!.id).scrollIntoViewIfNeeded();
    await screenshot(s.page, 'state-badges-overdue');
    expect(s.foreign).toEqual([]);
  });

  it('counts pushes in whole numbers on the workbench’s chart', async () => {
    await s.page.goto(`${s.app.url}/admin`);
    const canvas = s.page.getByTestId('chart-pushes').locator('canvas');
    await canvas.waitFor();
    await s.page.waitForFunction(() => !!document.querySelector('[data-testid="chart-pushes"] canvas')?.getAttribute('data-y-ticks'));
    const ticks = (await canvas.getAttribute('data-y-ticks'))!.split(',').map(Number);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.filter((tick) => !Number.isInteger(tick))).toEqual([]);
    await canvas.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'state-badges-workbench');
    expect(s.foreign).toEqual([]);
  });
});
