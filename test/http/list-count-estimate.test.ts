import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { IntegrationBudget } from '../../db/models.js';
import { pgUrl } from '../support/databases.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/** Lists count exactly up to this many rows here (LIST_EXACT_COUNT_LIMIT), so a few hundred rows pass it. */
const LIMIT = 50;
const COUNTY = '360121';
const OTHER_CITY = '360700';
const ON_POSTGRES = !!pgUrl();

let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
let city: Client;
let province: Client;
let serial = 0;

/** `n` budget lines of `region`, received at one moment (many share a sort value), every 5th of fiscal year 2019. */
async function addBudgets(region: string, n: number, year?: number): Promise<void> {
  const at = new Date('2026-10-01T08:00:00Z');
  const rows = Array.from({ length: n }, () => {
    serial += 1;
    return {
      budgetLineId: `EST-${region}-${serial}`,
      fiscalYear: year ?? (serial % 5 === 0 ? 2019 : 2025),
      regionCode: region,
      unitBudgetCode: `${region}9${String(serial).padStart(4, '0')}`,
      unitName: `估算测试单位${serial}`,
      projectName: `估算测试项目${serial}`,
      categoryCode: 'A01',
      amount: '1000.00',
      fundType: '一般公共预算',
      sourceUpdatedAt: at,
      createdAt: at,
      updatedAt: at,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await IntegrationBudget.bulkCreate(rows.slice(i, i + 1000));
  // What autovacuum does after a load: the planner's statistics are those of the rows now there.
  if (ON_POSTGRES) await IntegrationBudget.sequelize!.query('ANALYZE integration_budgets');
}

const list = async (client: Client, query = '') => {
  const { status, body } = await client.get(`/admin/api/resources/IntegrationBudget/actions/list?perPage=10${query}`);
  expect(status).toBe(200);
  return body.meta as { total: number; totalIs: string; totalEstimated: boolean };
};
const chips = async (client: Client, query = '') => {
  const { status, body } = await client.get(`${api.resourceAction('IntegrationBudget', 'stateCounts')}?${query}`);
  expect(status).toBe(200);
  return body as { counts: Record<string, number>; countIs?: Record<string, string>; total: number; totalIs: string };
};
const rowsOf = (regions: string) => IntegrationBudget.count({ where: { regionCode: { [Op.like]: `${regions}%` } } });

beforeAll(async () => {
  app = await startTestApp({ LIST_EXACT_COUNT_LIMIT: String(LIMIT) });
  await addBudgets(COUNTY, 2 * LIMIT);
  await addBudgets(COUNTY, LIMIT, 2018);
  await addBudgets(OTHER_CITY, 4 * LIMIT);
  [county, city, province] = await Promise.all(['nanchangxian', 'nanchang', 'province'].map((name) => login(app.url, name)));
});
afterAll(async () => {
  await app.stop();
});

describe('a list past LIST_EXACT_COUNT_LIMIT rows does not count them all', () => {
  it('the province’s unfiltered list: on PostgreSQL 约 the planner’s estimate, above the limit; on SQLite the count', async () => {
    const rows = await IntegrationBudget.count();
    expect(rows).toBeGreaterThan(LIMIT);
    const meta = await list(province);
    if (ON_POSTGRES) {
      expect(meta).toMatchObject({ totalIs: 'about', totalEstimated: true });
      expect(meta.total).toBeGreaterThan(LIMIT);
      // The planner's figure after ANALYZE: near the rows there, not the limit.
      expect(Math.abs(meta.total - rows)).toBeLessThanOrEqual(rows * 0.2);
    } else {
      expect(meta).toMatchObject({ total: rows, totalIs: 'exact', totalEstimated: false });
    }
  });

  it('精确计数 (exactCount=true) counts every row, on every engine', async () => {
    const meta = await list(province, '&exactCount=true');
    expect(meta).toMatchObject({ total: await IntegrationBudget.count(), totalIs: 'exact', totalEstimated: false });
    const refused = await province.get('/admin/api/resources/IntegrationBudget/actions/list?exactCount=yes');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('exactCount');
  });

  it('a filtered list under the limit is counted and never marked', async () => {
    for (const filter of [
      `&filters.regionCode=${COUNTY}&filters.fiscalYear=2019`,
      '&filters.fiscalYear=2019',
      `&filters.regionCode=${COUNTY}`,
    ]) {
      const expected = await IntegrationBudget.count({
        where: {
          ...(filter.includes('regionCode') && { regionCode: COUNTY }),
          ...(filter.includes('fiscalYear') && { fiscalYear: 2019 }),
        },
      });
      const meta = await list(province, filter);
      if (expected <= LIMIT || !ON_POSTGRES) expect(meta).toMatchObject({ total: expected, totalIs: 'exact', totalEstimated: false });
      else expect(meta.totalIs).not.toBe('exact');
    }
    // Exactly the limit is still a count: the bound reads one row more than it.
    expect(await list(county, '&filters.fiscalYear=2018')).toMatchObject({ total: LIMIT, totalIs: 'exact' });
    expect(await list(province, '&filters.fiscalYear=2018')).toMatchObject({ total: LIMIT, totalIs: 'exact' });
  });

  it('a county past the limit is told only that (超过 50 条), whatever another region holds; on SQLite its count', async () => {
    const own = await rowsOf(COUNTY);
    expect(own).toBeGreaterThan(LIMIT);
    const before = await list(county);
    const chipsBefore = await chips(county);
    if (ON_POSTGRES) expect(before).toEqual(expect.objectContaining({ total: LIMIT, totalIs: 'moreThan', totalEstimated: true }));
    else expect(before).toMatchObject({ total: own, totalIs: 'exact' });
    expect(before.total).toBeLessThanOrEqual(own);
    // Ten times the rows in another city, statistics renewed: nothing the county is told moves.
    await addBudgets(OTHER_CITY, 40 * LIMIT);
    expect(await list(county)).toEqual(before);
    expect(await chips(county)).toEqual(chipsBefore);
    // The city sees its county's rows and its own, not Ganzhou's: the same rule.
    const cityMeta = await list(city);
    if (ON_POSTGRES) expect(cityMeta).toMatchObject({ total: LIMIT, totalIs: 'moreThan' });
    else expect(cityMeta.total).toBe(await rowsOf('3601'));
  });

  it('forged filters on region cannot widen a county’s count or estimate', async () => {
    for (const forged of [`&filters.regionCode=${OTHER_CITY}`, '&filters.regionCode=360000', '&filters.regionCode=3607']) {
      expect(await list(county, forged)).toMatchObject({ total: 0, totalIs: 'exact' });
      expect(await chips(county, forged.slice(1))).toMatchObject({ total: 0, totalIs: 'exact', counts: {} });
    }
    expect(await list(county, '&exactCount=true')).toMatchObject({ total: await rowsOf(COUNTY), totalIs: 'exact' });
  });

  it('the quick state filters count by the list’s rule, their whole the list’s own total', async () => {
    for (const client of [county, city, province]) {
      const meta = await list(client);
      const counted = await chips(client);
      expect({ total: counted.total, totalIs: counted.totalIs }).toEqual({ total: meta.total, totalIs: meta.totalIs });
    }
    // A state under the limit keeps its exact number while the whole passes it.
    const county2019 = await IntegrationBudget.count({ where: { regionCode: COUNTY, matchStatus: 'matched' } });
    const counted = await chips(county);
    expect(counted.counts.matched).toBe(county2019);
    expect(counted.countIs?.matched).toBeUndefined();
    if (ON_POSTGRES) {
      expect(counted.countIs?.unmatched).toBe('moreThan');
      expect(counted.counts.unmatched).toBe(LIMIT);
      const provinceChips = await chips(province);
      expect(provinceChips.countIs?.unmatched).toBe('about');
      expect(provinceChips.counts.unmatched).toBeGreaterThan(LIMIT);
    }
    // Asked for, every chip is counted.
    const exact = await chips(county, 'exactCount=true');
    expect(exact).toMatchObject({ total: await rowsOf(COUNTY), totalIs: 'exact' });
    expect(exact.countIs).toBeUndefined();
  });
});
