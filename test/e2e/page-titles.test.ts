import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Op } from 'sequelize';
import { Affiliation, ContractFiling, Expert, ProcurementUnit } from '../../db/models.js';
import { PRODUCT_NAME } from '../../panel/admin.js';
import { browserSession, loginThroughForm, openPanelPage, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（页面标题、记录页分区）', { username: 'nanchangxian' });

const COUNTY = '360121';
const CITY = '360100';

const heading = (page: Page) => page.getByTestId('page-title');

/** Opens a list and returns the total of the list answer the page itself received. */
async function openList(page: Page, resource: string, query = ''): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === `/admin/api/resources/${resource}/actions/list`),
    page.goto(`${s.app.url}/admin/resources/${resource}${query}`),
  ]);
  const total = ((await response.json()) as { meta: { total: number } }).meta.total;
  await page.locator('tr[data-id]').first().waitFor();
  return total;
}

/** Waits for the page's heading to read `text` and checks the browser tab says the same. */
async function expectHeading(page: Page, text: string): Promise<void> {
  // The list's count and the record come after the page; a wrong heading still fails the assertions below.
  await page
    .waitForFunction((t) => document.querySelector('[data-testid="page-title"]')?.textContent === t && document.title.startsWith(t), text, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  expect(await heading(page).innerText()).toBe(text);
  expect(await page.title()).toBe(`${text} - ${PRODUCT_NAME}`);
}

const noOldWord = async (page: Page) => expect(await page.locator('body').innerText()).not.toContain('纪录');

async function openRecord(page: Page, resource: string, id: number, action = 'show'): Promise<void> {
  await page.goto(`${s.app.url}/admin/resources/${resource}/records/${id}/${action}`);
  await heading(page).waitFor();
}

/** A page of its own for another office, signed in through the form. */
async function pageAs(username: string): Promise<Page> {
  const { page } = await openPanelPage(s.browser, s.app.url);
  await loginThroughForm(page, s.app.url, username);
  return page;
}

s.describe('pages headed by what they show', () => {
  it('heads a list by its menu name and the list’s total, and the tab follows (南昌县采购办)', async () => {
    const total = await openList(s.page, 'ProcurementUnit');
    expect(total).toBe(await ProcurementUnit.count({ where: { regionCode: COUNTY } }));
    await expectHeading(s.page, `审核采购单位信息（共 ${total} 条）`);
    // A filtered list counts what it shows.
    const submitted = await openList(s.page, 'ProcurementUnit', '?filters.status=submitted');
    expect(submitted).toBeLessThan(total);
    await expectHeading(s.page, `审核采购单位信息（共 ${submitted} 条）`);
    await noOldWord(s.page);
    // The workbench has no heading of a page: the tab is the product's again.
    await s.page.goto(`${s.app.url}/admin`);
    await s.page.waitForFunction((product) => document.title === product, PRODUCT_NAME, { timeout: 10_000 }).catch(() => undefined);
    expect(await s.page.title()).toBe(PRODUCT_NAME);
    expect(s.foreign).toEqual([]);
  });

  it('heads a unit’s page by its name and an action on it by the action and the name', async () => {
    const unit = await ProcurementUnit.findOne({ where: { regionCode: COUNTY, status: 'submitted' }, order: [['id', 'ASC']] });
    await openRecord(s.page, 'ProcurementUnit', unit!.id);
    await expectHeading(s.page, unit!.name);
    await openRecord(s.page, 'ProcurementUnit', unit!.id, 'approve');
    await expectHeading(s.page, `审核通过：${unit!.name}`);
    await openRecord(s.page, 'ProcurementUnit', unit!.id, 'reject');
    await expectHeading(s.page, `退回：${unit!.name}`);
    await noOldWord(s.page);
  });

  it('names an affiliation, whose own title is only its number, by its subordinate unit', async () => {
    const affiliation = await Affiliation.findOne({ where: { regionCode: COUNTY, status: 'confirmed' }, order: [['id', 'ASC']] });
    const subordinate = await ProcurementUnit.findByPk(affiliation!.subordinateUnitId);
    await openRecord(s.page, 'Affiliation', affiliation!.id);
    await expectHeading(s.page, subordinate!.name);
    await openRecord(s.page, 'Affiliation', affiliation!.id, 'unbindAffiliation');
    await expectHeading(s.page, `解除隶属关系：${subordinate!.name}`);
    await screenshot(s.page, 'page-titles-unbind');
  });

  it('reads a unit’s page in sections, two fields to a row, — where a field is empty', async () => {
    const unit = await ProcurementUnit.findOne({ where: { regionCode: COUNTY, status: 'submitted' }, order: [['id', 'DESC']] });
    await unit!.update({ address: null });
    await openRecord(s.page, 'ProcurementUnit', unit!.id);
    const sections = s.page.getByTestId('record-section');
    await s.page.getByTestId('record-history').waitFor();
    expect(await sections.evaluateAll((all) => all.map((el) => el.getAttribute('data-section')))).toEqual([
      'basic',
      'review',
      'deadline',
      'related',
      'history',
    ]);
    expect(await sections.locator('h4').allInnerTexts()).toEqual(['基本信息', '审核信息', '办理时限', '相关记录', '操作历史']);
    const field = (name: string) => s.page.locator(`[data-testid="record-field"][data-property="${name}"]`);
    // The decision's who / when / why and the state under 审核信息, the rest of the unit under 基本信息.
    const review = s.page.locator('[data-section="review"]');
    for (const name of ['status', 'reviewedAt', 'reviewerName', 'reviewComment'])
      expect(await review.locator(`[data-property="${name}"]`).count()).toBe(1);
    expect(await s.page.locator('[data-section="basic"] [data-property="name"]').innerText()).toContain(unit!.name);
    // Not yet reviewed, the unit has no reviewer; its address was emptied above.
    for (const name of ['address', 'reviewerName']) expect(await field(name).getByTestId('empty-value').innerText()).toBe('—');
    expect(await field('name').getByTestId('empty-value').count()).toBe(0);
    // Two columns on a desktop screen: 单位名称 and the next field side by side, the third under the first.
    const boxes = await s.page.locator('[data-section="basic"] [data-testid="record-field"]').evaluateAll((all) =>
      all
        .slice(0, 3)
        .map((el) => el.getBoundingClientRect())
        .map((r) => ({ x: r.x, y: r.y, width: r.width })),
    );
    expect(boxes[1]!.y).toBe(boxes[0]!.y);
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width - 1);
    expect(boxes[2]!.x).toBe(boxes[0]!.x);
    expect(boxes[2]!.y).toBeGreaterThan(boxes[0]!.y);
    expect(boxes[0]!.width).toBeGreaterThan(300);
    await noOldWord(s.page);
    await screenshot(s.page, 'page-titles-unit-sections');
    expect(s.foreign).toEqual([]);
  });

  it('heads a city’s lists and records by its own counts and names (南昌市采购办)', async () => {
    const page = await pageAs('nanchang');
    const experts = await openList(page, 'Expert');
    expect(experts).toBeGreaterThan(0);
    await expectHeading(page, `专家信息审核（共 ${experts} 条）`);
    const expert = await Expert.findOne({ where: { registrationRegion: { [Op.startsWith]: '3601' } }, order: [['id', 'ASC']] });
    await openRecord(page, 'Expert', expert!.id);
    await expectHeading(page, expert!.name);
    const filing = await ContractFiling.findOne({ where: { regionCode: CITY }, order: [['id', 'ASC']] });
    await openRecord(page, 'ContractFiling', filing!.id);
    await expectHeading(page, filing!.contractNo);
    await noOldWord(page);
    await page.context().close();
  });

  it('heads the province’s lists by the whole province’s count (省采购监管处)', async () => {
    const page = await pageAs('province');
    const total = await openList(page, 'ProcurementUnit');
    expect(total).toBe(await ProcurementUnit.count());
    await expectHeading(page, `审核采购单位信息（共 ${total} 条）`);
    const filings = await openList(page, 'ContractFiling');
    await expectHeading(page, `合同备案（共 ${filings} 条）`);
    await noOldWord(page);
    await page.context().close();
  });
});
