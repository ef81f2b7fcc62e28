import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order } from 'sequelize';
import { IntegrationBudget } from '../../db/models.js';
import { Filter } from 'adminjs';
import { currentActor } from '../../jobs/job-actor.js';
import { DEEP_PAGE, JurisdictionResource } from '../../panel/adapter/jurisdiction-resource.js';
import { SupervisorUser } from '../../db/models.js';
import { login, startTestApp, type Client } from '../support/test-app.js';

const COUNTY = '360121';
const PER_PAGE = 2;

let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
let serial = 0;

/** `n` budget lines of `region` received at one moment: the list's sort (arrival, newest first) ties on all of them. */
async function addBudgets(region: string, n: number, at = new Date('2026-10-01T08:00:00Z')): Promise<void> {
  const rows = Array.from({ length: n }, () => {
    serial += 1;
    return {
      budgetLineId: `DEEP-${region}-${serial}`,
      fiscalYear: 2025,
      regionCode: region,
      unitBudgetCode: `${region}8${String(serial).padStart(4, '0')}`,
      unitName: `翻页测试单位${serial}`,
      projectName: `翻页测试项目${serial}`,
      categoryCode: 'A01',
      amount: '1000.00',
      fundType: '一般公共预算',
      // Every third has no matched project, the rest share three names: NULLs and ties in a sortable column.
      matchedProjectName: serial % 3 === 0 ? null : `项目${serial % 3}`,
      sourceUpdatedAt: at,
      createdAt: at,
      updatedAt: at,
    };
  });
  await IntegrationBudget.bulkCreate(rows);
}

interface Meta {
  page?: number;
  fromEnd?: number;
  hasNext: boolean;
  hasPrevious: boolean;
  after?: string;
  before?: string;
}

async function read(query: string): Promise<{ ids: number[]; meta: Meta }> {
  const { status, body } = await county.get(`/admin/api/resources/IntegrationBudget/actions/list?perPage=${PER_PAGE}&${query}`);
  expect(status).toBe(200);
  return { ids: body.records.map((r: { id: string }) => Number(r.id)), meta: body.meta };
}

/** The county's rows in the list's order, from the database. */
async function expected(order: Order): Promise<number[]> {
  return (await IntegrationBudget.findAll({ where: { regionCode: COUNTY }, order, attributes: ['id'] })).map((r) => r.id);
}

/** Every page from the first by the pager's next page (each from the last row of the one before). */
async function forward(sort = ''): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let query = `page=1${sort}`;
  for (let page = 1; ; page += 1) {
    const got = await read(query);
    expect(got.meta.page).toBe(page);
    ids.push(...got.ids);
    if (!got.meta.hasNext) return { ids, pages: page };
    query = `page=${page + 1}&after=${got.meta.after}${sort}`;
  }
}

beforeAll(async () => {
  app = await startTestApp();
  await addBudgets(COUNTY, 60 * PER_PAGE + 11);
  // Another region's rows, between and around the county's in the order: never on the county's pages.
  await addBudgets('360700', 40);
  county = await login(app.url, 'nanchangxian');
});
afterAll(async () => {
  await app.stop();
});

describe('deep pages by keyset', () => {
  it(`paging on past page ${DEEP_PAGE} returns every row once, in the list’s order, ties broken by the key`, async () => {
    const { ids, pages } = await forward();
    expect(pages).toBeGreaterThan(DEEP_PAGE);
    expect(ids).toEqual(
      await expected([
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ]),
    );
  });

  it('so does paging back from the last page (倒数第 k 页) to the first', async () => {
    const ids: number[] = [];
    let query = 'fromEnd=1';
    for (let k = 1; ; k += 1) {
      const got = await read(query);
      expect(got.meta.fromEnd).toBe(k);
      ids.unshift(...got.ids);
      if (!got.meta.hasPrevious) break;
      query = `fromEnd=${k + 1}&before=${got.meta.before}`;
    }
    expect(ids).toEqual(
      await expected([
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ]),
    );
  });

  it('a sort by a column with NULLs and ties pages through every row once, as the engine orders it', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const { ids } = await forward(`&sortBy=matchedProjectName&direction=${direction}`);
      const sql = direction === 'asc' ? 'ASC' : 'DESC';
      expect(ids).toEqual(
        await expected([
          ['matchedProjectName', sql],
          ['id', sql],
        ]),
      );
    }
  });

  it('a page asked for by its number alone (a jump) is the page the pager reaches', async () => {
    const all = await expected([
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ]);
    for (const page of [DEEP_PAGE - 1, DEEP_PAGE + 1, DEEP_PAGE + 9]) {
      const got = await read(`page=${page}`);
      expect(got.ids).toEqual(all.slice((page - 1) * PER_PAGE, page * PER_PAGE));
      expect(got.meta).toMatchObject({ page, hasPrevious: true, hasNext: page * PER_PAGE < all.length });
    }
  });

  it('a page past the end is empty and says so; it is not an error', async () => {
    const got = await read('page=5000');
    expect(got.ids).toEqual([]);
    expect(got.meta).toMatchObject({ page: 5000, hasNext: false, hasPrevious: true });
    expect((await read('fromEnd=5000')).ids).toEqual([]);
  });

  it('a row arriving on top while paging repeats no row on the next page: pages follow rows, not offsets', async () => {
    const all = await expected([
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ]);
    const page = DEEP_PAGE + 2;
    const here = await read(`page=${page}`);
    await addBudgets(COUNTY, 1, new Date('2026-11-01T08:00:00Z'));
    const next = await read(`page=${page + 1}&after=${here.meta.after}`);
    expect(next.ids).toEqual(all.slice(page * PER_PAGE, (page + 1) * PER_PAGE));
  });

  it('a cursor naming another region’s row, a row gone or another sort is ignored: the page number is used', async () => {
    const byNumber = await read(`page=${DEEP_PAGE + 3}`);
    const [foreign] = await IntegrationBudget.findAll({ where: { regionCode: '360700' }, limit: 1 });
    for (const cursor of [`createdAt.desc.${foreign!.id}`, 'createdAt.desc.999999999', `unitName.asc.${byNumber.ids[0]}`]) {
      expect((await read(`page=${DEEP_PAGE + 3}&after=${cursor}`)).ids).toEqual(byNumber.ids);
    }
    for (const bad of ['x', 'createdAt.sideways.1', 'createdAt.desc.1;drop', `createdAt.desc.${'9'.repeat(80)}`]) {
      const { status, body } = await county.get(`/admin/api/resources/IntegrationBudget/actions/list?after=${encodeURIComponent(bad)}`);
      expect(status).toBe(400);
      expect(body.message).toContain('after');
    }
    expect((await county.get('/admin/api/resources/IntegrationBudget/actions/list?page=2&fromEnd=1')).status).toBe(400);
  });
});

describe('export pages by keyset', () => {
  const resource = new JurisdictionResource(IntegrationBudget);
  const countyUser = async () => {
    const user = await SupervisorUser.findOne({ where: { username: 'nanchangxian' } });
    return { currentAdmin: await currentActor(user!.id) } as never;
  };
  const pages = (sort: { sortBy?: string; direction?: 'asc' | 'desc' }, context: never) =>
    resource.pagesAfter(new Filter({}, resource), { pageSize: 7, sort }, context);

  it('every row of the user’s list once, in the list’s order, through ties and NULLs, and only theirs', async () => {
    const context = await countyUser();
    for (const [sortBy, direction] of [
      ['createdAt', 'desc'],
      ['matchedProjectName', 'asc'],
      ['matchedProjectName', 'desc'],
    ] as const) {
      const ids: number[] = [];
      let count = 0;
      for await (const page of pages({ sortBy, direction }, context)) {
        count += 1;
        ids.push(...page.map((r) => Number(r.id)));
      }
      const sql = direction === 'asc' ? 'ASC' : 'DESC';
      const all = await expected([
        [sortBy, sql],
        ['id', sql],
      ]);
      expect(count).toBe(Math.ceil(all.length / 7));
      expect(ids).toEqual(all);
    }
  });

  it('a row deleted where a page ended repeats or loses no other row; rows arriving are read only past the place reached', async () => {
    const context = await countyUser();
    const order = (): Promise<number[]> =>
      expected([
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ]);
    const before = await order();
    const read: number[] = [];
    let deleted: number | undefined;
    for await (const page of pages({ sortBy: 'createdAt', direction: 'desc' }, context)) {
      read.push(...page.map((r) => Number(r.id)));
      if (deleted !== undefined) continue;
      // The page's last row is where the next page starts after; the first arrival sorts above it, the second below all.
      deleted = Number(page[page.length - 1]!.id);
      await IntegrationBudget.destroy({ where: { id: deleted } });
      await addBudgets(COUNTY, 1, new Date(Date.now() + 86_400_000));
      await addBudgets(COUNTY, 1, new Date('2020-01-01T08:00:00Z'));
    }
    const now = await order();
    expect(now.length).toBe(before.length + 1);
    expect(read).toEqual([...before, now[now.length - 1]!]);
    expect(read.indexOf(now[0]!)).toBe(-1);
  });
});
