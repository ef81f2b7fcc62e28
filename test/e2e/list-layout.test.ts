import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ContractFiling, IntegrationBudget } from '../../db/models.js';
import { browserSession, loginThroughForm, openPanelPage, screenshot } from './browser.js';
import { expectKeyColumnsInView, expectListFits } from './list-fits.js';

const s = await browserSession('浏览器端到端测试（列表布局、状态快速筛选、筛选记忆）', { username: 'province' });

/** Each user's own page (own cookies and tab storage) in the file's one browser, signed in once. */
const pages = new Map<string, Page>();
async function pageOf(username: string): Promise<Page> {
  if (username === 'province') return s.page;
  if (!pages.has(username)) {
    const { page, foreign } = await openPanelPage(s.browser, s.app.url);
    await loginThroughForm(page, s.app.url, username);
    s.foreign.push(...foreign);
    pages.set(username, page);
  }
  return pages.get(username)!;
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

/**
 * Opens a list at `query` the way the panel's own links do, without reloading the page (a reload of the panel costs a
 * second or more, times every list of three users), and waits for its rows (or its empty box) and its chips' counts.
 */
async function openList(page: Page, resourceId: string, query = ''): Promise<void> {
  await page.evaluate(
    (to) => {
      window.history.pushState({}, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    `/admin/resources/${resourceId}${query && `?${query}`}`,
  );
  await listShown(page, resourceId);
}

async function listShown(page: Page, resourceId?: string): Promise<void> {
  await page.waitForFunction((id) => {
    const box = document.querySelector(`${id ? `[data-css="${id}-list-table-wrapper"] ` : ''}[data-testid="list-table-scroll"]`);
    const counted = [...document.querySelectorAll('[data-testid="state-filter"]')].every((chip) => chip.getAttribute('data-count') !== '');
    return !!box && counted && (!!box.querySelector('tr[data-id]') || !!box.querySelector('.adminjs_InfoBox'));
  }, resourceId);
}

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

s.describe('lists that fit and can be scanned', () => {
  it('at 1440×900 no list of the city or the county scrolls the page sideways; the first column, the row menu, the state and 办理时限 stay in view', async () => {
    // The province's lists, which hold the most and longest values, are checked by its walk over every list
    // (no-raw-codes.test.ts); the city and the county share the lists between them, so each list is also seen with a
    // smaller jurisdiction's rows, at half the waiting.
    const sweep = async (username: string, share: (index: number) => boolean) => {
      const page = await pageOf(username);
      const ids = (await listIds(page)).filter((_, index) => share(index));
      expect(ids.length).toBeGreaterThan(8);
      const wide: string[] = [];
      for (const id of ids) {
        await openList(page, id);
        await expectKeyColumnsInView(page, id);
        if (await expectListFits(page, id)) wide.push(id);
      }
      // The widest lists do scroll, in their own box; the unit review and the contract filings, read most, fit whole.
      expect(wide.length).toBeGreaterThan(0);
      expect(wide.filter((id) => ['ProcurementUnit', 'ContractFiling'].includes(id))).toEqual([]);
      await openList(page, wide[0]!);
      await page.getByTestId('list-table-scroll').evaluate((box) => (box.scrollLeft = box.scrollWidth));
      await screenshot(page, `list-layout-${username}-scrolled`);
    };
    await Promise.all([sweep('nanchang', (index) => index % 2 === 0), sweep('nanchangxian', (index) => index % 2 === 1)]);
  });

  it('a cut cell says its whole text on hover; 办理时限 is not cut', async () => {
    await openList(s.page, 'ContractFiling');
    const row = s.page.locator('tr[data-id]').filter({ has: s.page.locator('td[data-property-name="contractName"][title]') });
    expect(await row.count()).toBeGreaterThan(0);
    const cell = row.first().locator('td[data-property-name="contractName"]');
    const filing = await ContractFiling.findByPk(Number(await row.first().getAttribute('data-id')));
    await cell.hover();
    expect(await cell.getAttribute('title')).toBe(filing!.contractName);
    expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The row menus of a table that scrolls open whole, on top, the last rows' upwards inside the table's box.
    for (const row of [s.page.locator('tr[data-id]').first(), s.page.locator('tr[data-id]').last()]) {
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
    expect(await s.page.locator('td[data-property-name="lateFiling"]').count()).toBeGreaterThan(0);
    expect(await s.page.locator('td[data-property-name="lateFiling"][title]').count()).toBe(0);

    const county = await pageOf('nanchangxian');
    await openList(county, 'ProcurementUnit', 'filters.status=submitted');
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
      await openList(page, 'ProcurementUnit');
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
      await openList(page, 'IntegrationBudget', 'perPage=5');
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
    await openList(page, 'ProcurementUnit');
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
    await openList(page, 'Affiliation');
    expect(new URL(page.url()).searchParams.has('filters.status')).toBe(false);

    await openList(page, 'ProcurementUnit');
    expect(new URL(page.url()).searchParams.get('filters.status')).toBe('approved');
    await page.getByTestId('clear-filters').click();
    await listShown(page);
    expect(new URL(page.url()).search).toBe('');
    await page.goto(`${s.app.url}/admin`);
    await openList(page, 'ProcurementUnit');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByTestId('clear-filters').count()).toBe(0);
    expect(s.foreign).toEqual([]);
  });
});
