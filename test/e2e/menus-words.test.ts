import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ContractFiling, ProcurementUnit } from '../../db/models.js';
import { browserSession, loginThroughForm, openPanelPage, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（菜单位置、是/否、下拉框用语）', { username: 'nanchangxian' });

const PLAN = '政府采购 · 计划管理';
/** The manual's 一体化 chapter, in its order: each under 政府采购 → 计划管理. */
const INTEGRATION_VIEWS = ['一体化预算管理', '一体化单位基本信息', '新-支付系统中间库数据查询', '一体化支付凭证'];

interface SidebarGroup {
  label: string;
  open: boolean;
  entries: string[];
}

/** The sidebar as the user sees it: each group, whether it is open, and the entries shown under it. */
async function sidebarGroups(page: Page): Promise<SidebarGroup[]> {
  const sidebar = page.locator('[data-css="sidebar"]');
  await sidebar.getByText('主体管理', { exact: true }).waitFor();
  return sidebar.evaluate((root) =>
    [...root.querySelectorAll('li')]
      .filter((li) => !li.parentElement?.closest('li'))
      .map((li) => {
        const entries = [...li.querySelectorAll(':scope > ul > li > a')].map((a) => (a as HTMLElement).innerText.trim());
        return { label: (li.querySelector(':scope > a') as HTMLElement).innerText.trim(), open: entries.length > 0, entries };
      }),
  );
}

async function expectPlanMenu(page: Page, who: string): Promise<void> {
  const groups = await sidebarGroups(page);
  expect({ who, groups: groups.map((g) => g.label).filter((label) => label.includes('一体化')) }).toEqual({ who, groups: [] });
  const plan = groups.find((g) => g.label === PLAN)!;
  expect({ who, open: plan.open }).toEqual({ who, open: true });
  expect(plan.entries.filter((entry) => INTEGRATION_VIEWS.includes(entry))).toEqual(INTEGRATION_VIEWS);
  // After the six menus the manual lists for 计划管理.
  expect(plan.entries.indexOf('委托社会代理')).toBeLessThan(plan.entries.indexOf(INTEGRATION_VIEWS[0]!));
}

s.describe('menus where the manual has them, and no English in the widgets (南昌县采购办, 省采购监管处)', () => {
  it("after a full page load of an 一体化 view its group 计划管理 is open, in the manual's order, and there is no group 一体化", async () => {
    // Just logged in: AdminJS opens no group by itself.
    expect((await sidebarGroups(s.page)).filter((g) => g.open)).toEqual([]);
    await s.page.goto(`${s.app.url}/admin/resources/PaymentMiddleRecord`);
    await s.page.locator('tr[data-id]').first().waitFor();
    await expectPlanMenu(s.page, 'nanchangxian');
    // Only the current page's group: the others stay as the user left them.
    expect((await sidebarGroups(s.page)).filter((g) => g.open).map((g) => g.label)).toEqual([PLAN]);
    await screenshot(s.page, 'menus-plan-open');

    // A user who closes it keeps it closed while they stay, and a record page of the group opens it again on a full load.
    await s.page.locator('[data-css="sidebar"]').getByText(PLAN, { exact: true }).click();
    expect((await sidebarGroups(s.page)).find((g) => g.label === PLAN)!.open).toBe(false);
    const voucher = s.page.locator('tr[data-id]').first();
    const id = await voucher.getAttribute('data-id');
    await s.page.goto(`${s.app.url}/admin/resources/PaymentMiddleRecord/records/${id}/show`);
    await s.page.getByText('合同编号').first().waitFor();
    expect((await sidebarGroups(s.page)).find((g) => g.label === PLAN)!.open).toBe(true);
    expect(s.foreign).toEqual([]);
  });

  it('the province sees the same menu, and an admin finds the receiving batches under 系统管理', async () => {
    for (const username of ['province', 'admin']) {
      const { page, foreign } = await openPanelPage(s.browser, s.app.url);
      await loginThroughForm(page, s.app.url, username);
      if (username === 'province') {
        await page.goto(`${s.app.url}/admin/resources/IntegrationUnit`);
        await page.locator('tr[data-id]').first().waitFor();
        await expectPlanMenu(page, username);
      } else {
        await page.goto(`${s.app.url}/admin/resources/IntegrationInbox`);
        await page.getByText('一体化接收批次').first().waitFor();
        const groups = await sidebarGroups(page);
        expect(groups.find((g) => g.label === '系统管理')!.entries).toContain('一体化接收批次');
        expect(groups.filter((g) => g.label.includes('一体化'))).toEqual([]);
        await screenshot(page, 'menus-admin-system');
      }
      expect(foreign).toEqual([]);
      await page.close();
    }
  });

  it('yes/no columns say 是/否 in a list and on a record page', async () => {
    await s.page.goto(`${s.app.url}/admin/resources/ContractFiling`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const header = (await s.page.locator('thead').first().innerText()).split('\t').map((h) => h.trim());
    const overpaid = header.indexOf('超额支付');
    expect(overpaid).toBeGreaterThan(-1);
    const cells = await s.page.locator(`tbody tr[data-id] td:nth-child(${overpaid + 1})`).allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map((c) => c.trim()))).toEqual(new Set(cells.map((c) => c.trim()).filter((c) => c === '是' || c === '否')));
    const body = await s.page.locator('tbody').first().innerText();
    expect(body).toContain('否');
    expect(body).not.toMatch(/\b(Yes|No)\b/);
    // The data agree: the county has no overpaid filing unless the list says 是 for it.
    const anyOverpaid = (await ContractFiling.count({ where: { regionCode: '360121', overpaid: true } })) > 0;
    if (!anyOverpaid) expect(cells.map((c) => c.trim())).not.toContain('是');
    await screenshot(s.page, 'menus-boolean-list');

    const member = (await ProcurementUnit.findOne({ where: { regionCode: '360121', formalMember: true } }))!;
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit/records/${member.id}/show`);
    const value = s.page.locator('[data-testid="property-show-formalMember"]');
    await value.waitFor();
    expect((await value.innerText()).replace(/\s+/g, ' ').trim()).toBe('正式库会员 是');
    expect(await s.page.locator('section').first().innerText()).not.toMatch(/\b(Yes|No)\b/);
    expect(s.foreign).toEqual([]);
  });

  it('drop-downs say 请选择… when empty and 无可选项 when a search finds nothing, in filters and in forms', async () => {
    await s.page.goto(`${s.app.url}/admin/resources/ContractFiling`);
    await s.page.locator('tr[data-id]').first().waitFor();
    await s.page.locator('[data-css="ContractFiling-filter-button"]').click();
    // A choice filter (Select) and a yes/no filter.
    const status = s.page.locator('[data-testid="property-filter-pushStatus"]');
    await status.waitFor();
    expect(await status.innerText()).toContain('请选择…');
    await status.locator('input').first().fill('没有这样的状态');
    await s.page.getByText('无可选项').first().waitFor();
    await status.locator('input').first().fill('');
    await s.page.keyboard.press('Escape');
    const overpaid = s.page.locator('[data-testid="property-filter-overpaid"]');
    await overpaid.locator('input').first().click();
    expect(await s.page.getByRole('option').allInnerTexts()).toEqual(['是', '否']);
    await screenshot(s.page, 'menus-filter-words');
    expect(await s.page.locator('body').innerText()).not.toMatch(/Select\.\.\.|No options|\b(Yes|No)\b/);

    // A form: a choice field, and a reference field searched on the server (SelectAsync; AdminJS gives an empty one
    // a blank value rather than the placeholder).
    await s.page.goto(`${s.app.url}/admin/resources/VirtualBudget/actions/new`);
    const category = s.page.locator('[data-testid="property-edit-category"]');
    await category.waitFor();
    expect(await category.innerText()).toContain('请选择…');
    const unit = s.page.locator('[data-testid="property-edit-procurementUnitId"]');
    await unit.locator('input').first().fill('没有这样的单位');
    await s.page.getByText('无可选项').first().waitFor();
    await screenshot(s.page, 'menus-reference-words');
    expect(await s.page.locator('body').innerText()).not.toMatch(/Select\.\.\.|No options|Loading\.\.\./);
    expect(s.foreign).toEqual([]);
  });
});
