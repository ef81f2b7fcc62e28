import { expect, it } from '@jest/globals';
import { Announcement, ProcurementProject, ProcurementUnit, VirtualBudget } from '../../db/models.js';
import { browserSession, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（计划管理）', { username: 'nanchang' });

/** AdminJS selects are react-select: open the field, type, pick the option whose text matches. */
async function choose(field: string, typed: string, option: string | RegExp): Promise<void> {
  const input = s.page.locator(`[data-testid="property-edit-${field}"] input`).first();
  await input.click();
  await input.fill(typed);
  await s.page.getByRole('option', { name: option }).first().click();
}

s.describe('计划管理 in the browser (南昌市采购办)', () => {
  it('creates a virtual budget from 预算管理 → 新增预算, choosing the scenario by its Chinese label', async () => {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360100', formalMember: true }, order: [['id', 'ASC']] }))!;
    const pending = (await ProcurementUnit.findOne({ where: { regionCode: '360100', formalMember: false } }))!;
    await s.page.goto(`${s.app.url}/admin/resources/BudgetOverview`);
    await s.page.locator('tr[data-id]').first().waitFor();
    const header = await s.page.locator('thead').first().innerText();
    for (const heading of ['预算类型', '预算年度', '单位名称', '金额（元）', '匹配/关联状态']) expect(header).toContain(heading);
    expect(await s.page.locator('tbody').first().innerText()).toContain('一体化预算');
    await screenshot(s.page, 'budget-overview');
    await s.page.getByTestId('action-newVirtualBudget').click();
    await s.page.waitForURL(/\/admin\/resources\/VirtualBudget\/actions\/new/);

    const unitInput = s.page.locator('[data-testid="property-edit-procurementUnitId"] input').first();
    await unitInput.click();
    await unitInput.fill(pending.name.slice(0, 6));
    await s.page.waitForTimeout(800);
    const offered = await s.page.getByRole('option').allInnerTexts();
    expect(offered).not.toContain(pending.name);

    await choose('procurementUnitId', unit.name, unit.name);
    await s.page.locator('[data-testid="property-edit-fiscalYear"] input').fill('2026');
    await s.page.locator('[data-testid="property-edit-projectName"] input').fill('2026年物业管理服务（浏览器新增）');
    await choose('category', '服务', '服务');
    await s.page.locator('[data-testid="property-edit-amount"] input').fill('480000.50');
    await choose('fundSource', '一般公共预算', '一般公共预算');
    const scenarioInput = s.page.locator('[data-testid="property-edit-scenario"] input').first();
    await scenarioInput.click();
    const scenarios = await s.page.getByRole('option').allInnerTexts();
    expect(scenarios).toHaveLength(5);
    expect(scenarios).toContain('物业等一招三年分年度支付');
    await s.page.getByRole('option', { name: '物业等一招三年分年度支付' }).click();
    await screenshot(s.page, 'virtual-budget-form');
    await Promise.all([
      s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/VirtualBudget/actions/new')),
      s.page.getByTestId('button-save').click(),
    ]);
    await s.page.waitForURL(/\/admin\/resources\/VirtualBudget(\?|$)/);

    const created = (await VirtualBudget.findOne({ where: { projectName: '2026年物业管理服务（浏览器新增）' } }))!;
    expect(created).toMatchObject({
      procurementUnitId: unit.id,
      regionCode: '360100',
      scenario: 'multi_year_service',
      createdBy: 'nanchang',
      category: 'services',
    });
    expect(Number(created.amount)).toBe(480000.5);
    await s.page.goto(`${s.app.url}/admin/resources/VirtualBudget/records/${created.id}/show`);
    await s.page.getByText('物业等一招三年分年度支付').first().waitFor();
    await s.page.getByTestId('record-history').waitFor();
    expect(await s.page.getByTestId('record-history').innerText()).toContain('南昌市采购办');
    await screenshot(s.page, 'virtual-budget-show');
    expect(s.foreign).toEqual([]);
  });

  it('a project page lists its budget lines, announcements and registrations; an attachment downloads', async () => {
    const project = (await ProcurementProject.findOne({
      where: { regionCode: '360100', stage: 'contracted', organisationForm: 'centralized' },
      order: [['id', 'ASC']],
    }))!;
    await s.page.goto(`${s.app.url}/admin/resources/ProcurementProject/records/${project.id}/show`);
    await s.page.getByTestId('related-records').waitFor();
    const related = await s.page.getByTestId('related-records').innerText();
    for (const title of ['项目预算明细', '公告及文件查看', '报名情况', '中标通知书', '支付审核']) expect(related).toContain(title);
    expect(related).toContain('结果公示');
    await screenshot(s.page, 'project-related');

    const announcement = (await Announcement.findOne({ where: { projectId: project.id, type: 'tender_document' } }))!;
    await s.page.goto(`${s.app.url}/admin/resources/Announcement/records/${announcement.id}/show`);
    expect(await s.page.getByTestId('announcement-body').innerText()).toContain(`项目编号：${project.projectNo}`);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('attachment-link').click()]);
    expect(download.suggestedFilename()).toBe(announcement.attachmentName);
    expect(s.foreign).toEqual([]);
  });
});
