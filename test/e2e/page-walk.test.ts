import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Op } from 'sequelize';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { loadResourceConfig } from '../../panel/resource-config.js';
import { PRODUCT_NAME } from '../../panel/admin.js';
import { codeWordLabels } from '../../panel/code-words.js';
import type { Role } from '../../domain/jurisdiction.js';
import {
  Affiliation,
  AuditLog,
  ContractFiling,
  Escalation,
  Expert,
  IntegrationBudget,
  ProcurementUnit,
  SupervisorUser,
} from '../../db/models.js';
import { AUDIT_LOG } from '../../db/records/audit-log.record.js';
import { BROWSER_TEST_TIMEOUT, browserSession, loginThroughForm, openPanelPage, screenshot } from './browser.js';
import { expectKeyColumnsInView, expectListFits } from './list-fits.js';
import { findingsOn, type Finding } from './page-words.js';

// One app, one browser and one signed-in page per office for what the panel's pages say and how they are laid out:
// the words (no English, no internal codes, no bare region codes), the headings and tab titles, the menus and the
// widgets' words, and the lists' layout, quick filters and remembered filters. Each list and record page of a walk is
// opened once and every check of it is made there.
const s = await browserSession('浏览器端到端测试（各页用语、页面标题、菜单、列表布局）', { username: 'nanchangxian' });

/** A walk opens some hundred pages: more than one page's test may take. */
const WALK_TIMEOUT = BROWSER_TEST_TIMEOUT * 3;

const COUNTY = '360121';
const CITY = '360100';

// Read once the app has initialised the models, whose attributes the config is checked against.
let config: ReturnType<typeof loadResourceConfig> | undefined;
const CONFIG = () => (config ??= loadResourceConfig(RESOURCE_DEFINITIONS));

/** The resources a role may list, in the sidebar's order: the walk must reach each of them. */
const listable = (role: Role): string[] =>
  [...CONFIG().entries()].filter(([, config]) => config.actions.list?.includes(role)).map(([id]) => id);
const showable = (id: string, role: Role): boolean => !!CONFIG().get(id)!.actions.show?.includes(role);

/** Each user's own page (own cookies and tab storage) in the file's one browser, signed in once; the county's is the session's. */
const pages = new Map<string, Page>();
async function pageOf(username: string): Promise<Page> {
  if (username === 'nanchangxian') return s.page;
  if (!pages.has(username)) {
    const { page, foreign } = await openPanelPage(s.browser, s.app.url);
    await loginThroughForm(page, s.app.url, username);
    s.foreign.push(...foreign);
    pages.set(username, page);
  }
  return pages.get(username)!;
}

const heading = (page: Page) => page.getByTestId('page-title');

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

/**
 * Moves within the single-page app as its own links do (a full load per page would fetch the bundle ~100 times) and
 * returns the API answer of the page being opened.
 */
async function goInApp(page: Page, path: string, api: RegExp) {
  const answered = page.waitForResponse((response) => api.test(new URL(response.url()).pathname));
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  return answered;
}

/** The rows (or the empty box) of a list drawn in its table's box, and its quick filters' counts. */
async function listShown(page: Page, resourceId?: string): Promise<void> {
  await page.waitForFunction((id) => {
    const box = document.querySelector(`${id ? `[data-css="${id}-list-table-wrapper"] ` : ''}[data-testid="list-table-scroll"]`);
    const counted = [...document.querySelectorAll('[data-testid="state-filter"]')].every((chip) => chip.getAttribute('data-count') !== '');
    return !!box && counted && (!!box.querySelector('tr[data-id]') || !!box.querySelector('.adminjs_InfoBox'));
  }, resourceId);
}

/**
 * Opens a list at `query` the way the panel's own links do, without reloading the page, and waits for its rows (or its
 * empty box) and its chips' counts; the page may already be on it.
 */
async function showList(page: Page, resourceId: string, query = ''): Promise<void> {
  await page.evaluate(
    (to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    `/admin/resources/${resourceId}${query && `?${query}`}`,
  );
  await listShown(page, resourceId);
}

/** Opens a list in the app at `query`, once drawn; its first row's id, if any, and the total its answer gave. */
async function openList(page: Page, id: string, query = ''): Promise<{ recordId: string | null; total: number }> {
  const response = await goInApp(
    page,
    `/admin/resources/${id}${query && `?${query}`}`,
    new RegExp(`^/admin/api/resources/${id}/actions/list$`),
  );
  const wrapper = page.locator(`[data-css="${id}-list-table-wrapper"]`);
  const first = wrapper.locator(`tr[data-css="${id}-table-row"]`).first();
  await first
    .or(wrapper.getByText('没有记录', { exact: true }))
    .first()
    .waitFor();
  await listShown(page, id);
  const total = ((await response.json()) as { meta: { total: number } }).meta.total;
  return { recordId: (await first.count()) ? await first.getAttribute('data-id') : null, total };
}

async function openShow(page: Page, id: string, recordId: string): Promise<void> {
  const path = `/admin/resources/${id}/records/${encodeURIComponent(recordId)}/show`;
  await goInApp(page, path, new RegExp(`^/admin/api/resources/${id}/records/[^/]+/show$`));
  await page.locator(`[data-css="${id}-show-drawer-content"] [data-testid^="property-show-"]`).first().waitFor();
}

interface WalkChecks {
  /** Reads the words of the list and of its record page (page-words.ts). */
  words: (id: string) => boolean;
  /** Checks the list's layout at 1440×900 (list-fits.ts). */
  layout: (id: string) => boolean;
  /** Opens one record page of the list, if it has a row and the role may show it, and reads its words. */
  show: (id: string) => boolean;
  /** Saves the list's and record page's screenshots under test/artifacts/screens. */
  shots: boolean;
  /** Further checks of a list once drawn, given the total of its answer. */
  onList?: (id: string, total: number) => Promise<void>;
}

/** Opens each of `resources`' lists once and makes the `checks` on it. */
async function walk(page: Page, role: Role, resources: readonly string[], checks: WalkChecks) {
  const findings: Finding[] = [];
  const visited: string[] = [];
  const shown: string[] = [];
  const wide: string[] = [];
  for (const id of resources) {
    const { recordId, total } = await openList(page, id);
    visited.push(id);
    if (checks.words(id)) findings.push(...(await findingsOn(page, `${role} ${id} list`)));
    await noOldWord(page);
    if (checks.shots) await screenshot(page, `screens/${id}-list`);
    if (checks.layout(id)) {
      await expectKeyColumnsInView(page, id);
      if (await expectListFits(page, id)) wide.push(id);
    }
    await checks.onList?.(id, total);
    if (recordId && checks.show(id) && showable(id, role)) {
      await openShow(page, id, recordId);
      shown.push(id);
      if (checks.words(id)) findings.push(...(await findingsOn(page, `${role} ${id} show ${recordId}`)));
      if (checks.shots) await screenshot(page, `screens/${id}-show`);
    }
  }
  return { findings, visited, shown, wide };
}

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

/** The lists the signed-in user has (AdminJS's page state names every resource and its actions). */
const listIds = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (
      window as unknown as { REDUX_STATE: { resources: Array<{ id: string; resourceActions: Array<{ name: string }> }> } }
    ).REDUX_STATE.resources
      .filter((r) => r.resourceActions.some((a) => a.name === 'list'))
      .map((r) => r.id),
  );

/** What the quick filters say: value ('' for 全部) → count. */
const chipCounts = async (page: Page): Promise<Map<string, number>> =>
  new Map(
    await page
      .getByTestId('state-filter')
      .evaluateAll((chips) => chips.map((chip) => [chip.getAttribute('data-value')!, Number(chip.getAttribute('data-count'))] as const)),
  );

/** Clicks a chip and returns the total of the list the click asked for. */
async function clickChip(page: Page, value: string): Promise<number> {
  const [response] = await Promise.all([
    // The answer to this click: a list request made before it (the page's first load) may still be arriving.
    page.waitForResponse((r) => {
      if (!/\/api\/resources\/[^/]+\/actions\/list\b/.test(r.url())) return false;
      return (new URL(r.url()).searchParams.get('filters.status') ?? '') === value;
    }),
    page.locator(`[data-testid="state-filter"][data-value="${value}"]`).click(),
  ]);
  await listShown(page);
  return ((await response.json()) as { meta: { total: number } }).meta.total;
}

/** Opens a list by a full page load and returns the total of the list answer the page itself received. */
async function loadList(page: Page, resource: string, query = ''): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === `/admin/api/resources/${resource}/actions/list`),
    page.goto(`${s.app.url}/admin/resources/${resource}${query}`),
  ]);
  const total = ((await response.json()) as { meta: { total: number } }).meta.total;
  await page.locator('tr[data-id]').first().waitFor();
  return total;
}

async function openRecord(page: Page, resource: string, id: number, action = 'show'): Promise<void> {
  await page.goto(`${s.app.url}/admin/resources/${resource}/records/${id}/${action}`);
  await heading(page).waitFor();
}

s.describe('menus where the manual has them (南昌县采购办, 省采购监管处, 系统管理员)', () => {
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
    const province = await pageOf('province');
    await province.goto(`${s.app.url}/admin/resources/IntegrationUnit`);
    await province.locator('tr[data-id]').first().waitFor();
    await expectPlanMenu(province, 'province');

    const admin = await pageOf('admin');
    await admin.goto(`${s.app.url}/admin/resources/IntegrationInbox`);
    await admin.getByText('一体化接收批次').first().waitFor();
    const groups = await sidebarGroups(admin);
    expect(groups.find((g) => g.label === '系统管理')!.entries).toContain('一体化接收批次');
    expect(groups.filter((g) => g.label.includes('一体化'))).toEqual([]);
    await screenshot(admin, 'menus-admin-system');
    expect(s.foreign).toEqual([]);
  });
});

s.describe('every list and record page in Chinese, headed by what it shows, fitting a 1440×900 screen', () => {
  it(
    'as the province: every list and one record page of each resource has no English, no internal code and no bare region code; each list fits; the unit and filing lists are headed by the whole province’s count',
    async () => {
      const page = await pageOf('province');
      const resources = listable('province');
      expect(resources.length).toBeGreaterThan(30);
      const headed: string[] = [];
      const { findings, visited, shown, wide } = await walk(page, 'province', resources, {
        words: () => true,
        layout: () => true,
        show: () => true,
        shots: true,
        onList: async (id, total) => {
          if (id === 'ProcurementUnit') {
            expect(total).toBe(await ProcurementUnit.count());
            await expectHeading(page, `审核采购单位信息（共 ${total} 条）`);
            headed.push(id);
          } else if (id === 'ContractFiling') {
            await expectHeading(page, `合同备案（共 ${total} 条）`);
            headed.push(id);
          }
        },
      });
      expect(visited).toEqual(resources);
      expect(headed.sort()).toEqual(['ContractFiling', 'ProcurementUnit']);
      // The widest lists do scroll, in their own box; the unit review and the contract filings, read most, fit whole.
      expect(wide.length).toBeGreaterThan(0);
      expect(wide.filter((id) => ['ProcurementUnit', 'ContractFiling'].includes(id))).toEqual([]);
      // The demo data fills nearly every list; a walk that opened no record pages proved nothing about them.
      expect(shown.length).toBeGreaterThan(resources.length * 0.8);
      expect(findings).toEqual([]);
      expect(s.foreign).toEqual([]);
    },
    WALK_TIMEOUT,
  );

  it(
    'as a city and a county office: no list scrolls the page sideways, the first column, the row menu, the state and 办理时限 stay in view; their lists and record pages read in Chinese; headed by their own counts',
    async () => {
      // The province's lists, which hold the most and longest values, are checked by its walk over every list; the
      // city and the county share the lists between them for the layout, so each list is also seen with a smaller
      // jurisdiction's rows, at half the waiting. The lists read most are read by both for their words, with a record
      // page of each.
      const few = ['Escalation', 'ProcurementUnit', 'ContractFiling', 'Expert'];
      const sweep = async (username: 'nanchang' | 'nanchangxian', share: (index: number) => boolean) => {
        const role: Role = username === 'nanchangxian' ? 'county' : 'city';
        const page = await pageOf(username);
        const ids = await listIds(page);
        const laidOut = ids.filter((_, index) => share(index));
        expect(laidOut.length).toBeGreaterThan(8);
        expect(few.filter((id) => listable(role).includes(id))).toEqual(few);
        const resources = ids.filter((id) => laidOut.includes(id) || few.includes(id));
        const headed: string[] = [];
        const { findings, visited, shown, wide } = await walk(page, role, resources, {
          words: (id) => few.includes(id),
          layout: (id) => laidOut.includes(id),
          show: (id) => few.includes(id),
          shots: false,
          onList: async (id, total) => {
            if (username === 'nanchangxian' && id === 'ProcurementUnit') {
              expect(total).toBe(await ProcurementUnit.count({ where: { regionCode: COUNTY } }));
              await expectHeading(page, `审核采购单位信息（共 ${total} 条）`);
              headed.push(id);
            } else if (username === 'nanchang' && id === 'Expert') {
              expect(total).toBeGreaterThan(0);
              await expectHeading(page, `专家信息审核（共 ${total} 条）`);
              headed.push(id);
            }
          },
        });
        expect(visited).toEqual(resources);
        expect(shown.length).toBeGreaterThan(0);
        expect(headed).toHaveLength(1);
        expect(findings).toEqual([]);
        // The widest lists do scroll, in their own box; the unit review and the contract filings, read most, fit whole.
        expect(wide.length).toBeGreaterThan(0);
        expect(wide.filter((id) => ['ProcurementUnit', 'ContractFiling'].includes(id))).toEqual([]);
        await showList(page, wide[0]!);
        await page.getByTestId('list-table-scroll').evaluate((box) => (box.scrollLeft = box.scrollWidth));
        await screenshot(page, `list-layout-${username}-scrolled`);
      };
      await Promise.all([sweep('nanchang', (index) => index % 2 === 0), sweep('nanchangxian', (index) => index % 2 === 1)]);
      expect(s.foreign).toEqual([]);
    },
    WALK_TIMEOUT,
  );

  it(
    'the three administrators (三员分立) see their lists and records in the same words',
    async () => {
      // A login name, the whole of its cell, is the account's own value (as a region's code is in the region list).
      const logins = new Set((await SupervisorUser.findAll({ attributes: ['username'] })).map((u) => u.username));
      const loginCell = ({ what }: Finding) => {
        const [, word, text] = /^word (\S+) in 「(.*)」$/.exec(what) ?? [];
        return !!word && word === text && logins.has(word);
      };
      for (const username of ['admin', 'security', 'auditor'] as const) {
        const page = await pageOf(username);
        const resources = listable(username).filter((id) => ['SupervisorUser', 'RoleGrant', 'AuditLog', 'LoginAttempt'].includes(id));
        expect(resources.length).toBeGreaterThan(0);
        const { findings, visited, shown } = await walk(page, username, resources, {
          words: () => true,
          layout: () => true,
          show: () => true,
          shots: true,
        });
        expect(visited).toEqual(resources);
        expect(shown).toEqual(resources);
        expect(findings.filter((finding) => !loginCell(finding))).toEqual([]);
      }
      expect(s.foreign).toEqual([]);
    },
    WALK_TIMEOUT,
  );

  it('has a word for every action, role and record type the audit log holds, and the demo fills it and 超期上报', async () => {
    const words = codeWordLabels(AUDIT_LOG, Object.fromEntries([...CONFIG()].map(([id, c]) => [id, c.label])));
    const missing: string[] = [];
    for (const field of ['action', 'actorRole', 'resourceId'] as const) {
      const rows = await AuditLog.findAll({ attributes: [field], group: [field], raw: true });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) if (!words[field]?.[row[field]]) missing.push(`${field} ${row[field]}`);
    }
    expect(missing).toEqual([]);
    expect(await Escalation.count()).toBeGreaterThan(0);
  });
});

s.describe('pages headed by what they show', () => {
  it('a filtered list counts what it shows in its heading and the tab; the workbench’s tab is the product’s (南昌县采购办)', async () => {
    const total = await ProcurementUnit.count({ where: { regionCode: COUNTY } });
    const submitted = await loadList(s.page, 'ProcurementUnit', '?filters.status=submitted');
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

  it('heads a city’s records by their own names (南昌市采购办)', async () => {
    const page = await pageOf('nanchang');
    const expert = await Expert.findOne({ where: { registrationRegion: { [Op.startsWith]: '3601' } }, order: [['id', 'ASC']] });
    await openRecord(page, 'Expert', expert!.id);
    await expectHeading(page, expert!.name);
    const filing = await ContractFiling.findOne({ where: { regionCode: CITY }, order: [['id', 'ASC']] });
    await openRecord(page, 'ContractFiling', filing!.id);
    await expectHeading(page, filing!.contractNo);
    await noOldWord(page);
  });
});

s.describe('no English in the widgets (南昌县采购办)', () => {
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
    const anyOverpaid = (await ContractFiling.count({ where: { regionCode: COUNTY, overpaid: true } })) > 0;
    if (!anyOverpaid) expect(cells.map((c) => c.trim())).not.toContain('是');
    await screenshot(s.page, 'menus-boolean-list');

    const member = (await ProcurementUnit.findOne({ where: { regionCode: COUNTY, formalMember: true } }))!;
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

s.describe('lists that can be scanned', () => {
  it('a cut cell says its whole text on hover; 办理时限 is not cut', async () => {
    const province = await pageOf('province');
    await showList(province, 'ContractFiling');
    const row = province.locator('tr[data-id]').filter({ has: province.locator('td[data-property-name="contractName"][title]') });
    expect(await row.count()).toBeGreaterThan(0);
    const cell = row.first().locator('td[data-property-name="contractName"]');
    const filing = await ContractFiling.findByPk(Number(await row.first().getAttribute('data-id')));
    await cell.hover();
    expect(await cell.getAttribute('title')).toBe(filing!.contractName);
    expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The row menus of a table that scrolls open whole, on top, the last rows' upwards inside the table's box.
    for (const row of [province.locator('tr[data-id]').first(), province.locator('tr[data-id]').last()]) {
      await row.getByTestId('actions-dropdown').hover();
      const menu = row.locator('.adminjs_DropDownMenu');
      await menu.waitFor();
      const seen = await menu.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return [
          el.contains(document.elementFromPoint(r.left + 4, r.top + 4)),
          el.contains(document.elementFromPoint(r.right - 4, r.bottom - 4)),
        ];
      });
      expect(seen).toEqual([true, true]);
      expect(await menu.locator('a, button').count()).toBeGreaterThan(0);
    }
    // A cell shown whole carries no tooltip.
    expect(await province.locator('td[data-property-name="lateFiling"]').count()).toBeGreaterThan(0);
    expect(await province.locator('td[data-property-name="lateFiling"][title]').count()).toBe(0);

    const county = await pageOf('nanchangxian');
    await showList(county, 'ProcurementUnit', 'filters.status=submitted');
    const deadlines = county.locator('td[data-property-name="deadline"]');
    expect(await deadlines.count()).toBeGreaterThan(0);
    const cutDeadlines = await deadlines.evaluateAll((cells) => cells.filter((el) => el.scrollWidth > el.clientWidth).length);
    expect(cutDeadlines).toBe(0);
    await screenshot(county, 'list-layout-deadline');
  });

  it('quick state filters count what each state’s list shows, within each user’s jurisdiction', async () => {
    const totals: number[] = [];
    for (const username of ['nanchangxian', 'nanchang', 'province']) {
      const page = await pageOf(username);
      await showList(page, 'ProcurementUnit');
      const counts = await chipCounts(page);
      expect([...counts.keys()]).toEqual(['', 'draft', 'submitted', 'approved', 'returned']);
      expect(await page.getByTestId('state-filter').allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^全部\s*\(\d+\)$/), expect.stringMatching(/^待审核\s*\(\d+\)$/)]),
      );
      const all = counts.get('')!;
      expect(all).toBe([...counts].filter(([value]) => value).reduce((sum, [, n]) => sum + n, 0));
      for (const [value, n] of counts) {
        if (!value || n === 0) continue;
        expect([value, await clickChip(page, value)]).toEqual([value, n]);
        expect(new URL(page.url()).searchParams.get('filters.status')).toBe(value);
        expect(await page.locator(`[data-testid="state-filter"][data-value="${value}"]`).getAttribute('aria-pressed')).toBe('true');
      }
      expect(await clickChip(page, '')).toBe(all);
      expect(new URL(page.url()).searchParams.has('filters.status')).toBe(false);
      totals.push(all);
      if (username === 'nanchangxian') await screenshot(page, 'list-layout-quick-filters');
    }
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[0]).toBeLessThan(totals[1]!);
    expect(totals[1]).toBeLessThan(totals[2]!);
  });

  it('a list past the limit of exact counting says 约 in its heading and pager, pages on, and 精确计数 counts it', async () => {
    const page = await pageOf('province');
    const answers = '**/admin/api/resources/IntegrationBudget/actions/list?**';
    // The browser tests run on SQLite, which always counts: the answer is made to say what PostgreSQL says of a
    // province's list past the limit (test/http/list-count-estimate.test.ts checks that it does).
    await page.route(answers, async (route) => {
      try {
        const response = await route.fetch();
        const body = await response.json();
        if (new URL(route.request().url()).searchParams.get('exactCount') !== 'true')
          Object.assign(body.meta, { total: 1234567, totalIs: 'about', totalEstimated: true });
        await route.fulfill({ response, json: body });
      } catch (error) {
        // A list request the page gave up on (a newer one replaced it) was settled by the browser meanwhile: nobody
        // waits for its answer, and left thrown it would fail the file's other tests.
        if (!String(error).includes('Route is already handled')) throw error;
      }
    });
    const heading = (text: string) =>
      page.waitForFunction((t) => document.querySelector('[data-testid="page-title"]')?.textContent === t, text, { timeout: 10_000 });
    try {
      await showList(page, 'IntegrationBudget', 'perPage=5');
      await heading('一体化预算管理（约 1,234,567 条）');
      expect(await page.getByTestId('list-total').innerText()).toBe('约 1,234,567 条');
      expect(await page.getByTestId('pager-where').innerText()).toBe('第 1 页');
      const first = await page.locator('tr[data-id]').first().getAttribute('data-id');
      await screenshot(page, 'list-layout-estimated-total');

      // 下一页 reads on from the page's last row.
      await page.getByTestId('pager-next').click();
      await page.waitForFunction(() => new URLSearchParams(window.location.search).get('page') === '2');
      await listShown(page, 'IntegrationBudget');
      expect(new URL(page.url()).searchParams.get('after')).toMatch(/^createdAt\.desc\.\d+$/);
      // The address changes before the second page's answer is drawn.
      await page.waitForFunction(() => document.querySelector('[data-testid="pager-where"]')?.textContent === '第 2 页', undefined, {
        timeout: 10_000,
      });
      expect(await page.locator('tr[data-id]').first().getAttribute('data-id')).not.toBe(first);

      const exact = await IntegrationBudget.count();
      await Promise.all([
        page.waitForResponse((r) => /\/actions\/list\b/.test(r.url()) && new URL(r.url()).searchParams.get('exactCount') === 'true'),
        page.getByTestId('exact-count').click(),
      ]);
      await heading(`一体化预算管理（共 ${exact} 条）`);
      expect(await page.getByTestId('exact-count').count()).toBe(0);
    } finally {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  });

  it('keeps the filters and sort a user set when they come back through the sidebar; 清除筛选 starts again', async () => {
    const page = await pageOf('nanchang');
    await showList(page, 'ProcurementUnit');
    const approved = await clickChip(page, 'approved');
    await Promise.all([
      page.waitForResponse((r) => /\/actions\/list\b/.test(r.url())),
      page.locator('thead').getByText('单位名称', { exact: true }).click(),
    ]);
    await listShown(page);
    const set = new URL(page.url()).searchParams;
    expect(set.get('filters.status')).toBe('approved');
    expect(set.get('sortBy')).toBe('name');

    // Away to a record's page, back through the menu entry.
    await page.locator('tr[data-id]').first().click();
    await page.waitForURL(/\/records\/\d+\/show/);
    await page.locator('a[href="/admin/resources/ProcurementUnit"]').first().click();
    await listShown(page);
    const back = new URL(page.url()).searchParams;
    expect(back.get('filters.status')).toBe('approved');
    expect(back.get('sortBy')).toBe('name');
    expect(await page.locator('[data-testid="state-filter"][data-value="approved"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('tr[data-id]').count()).toBe(Math.min(approved, 10));
    await screenshot(page, 'list-layout-filters-kept');

    // Another list keeps its own: the unit list's filters do not follow the user there.
    await showList(page, 'Affiliation');
    expect(new URL(page.url()).searchParams.has('filters.status')).toBe(false);

    await showList(page, 'ProcurementUnit');
    expect(new URL(page.url()).searchParams.get('filters.status')).toBe('approved');
    await page.getByTestId('clear-filters').click();
    await listShown(page);
    expect(new URL(page.url()).search).toBe('');
    await page.goto(`${s.app.url}/admin`);
    await showList(page, 'ProcurementUnit');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByTestId('clear-filters').count()).toBe(0);
    expect(s.foreign).toEqual([]);
  });
});
