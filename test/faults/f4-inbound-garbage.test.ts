import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { IntegrationBudget } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postRaw, signedHeaders } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { createRandom } from '../../seeds/random.js';
import { drainJobs, startTestApp } from '../support/test-app.js';

const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };

/** One way of spoiling a budget item; `field` is where the API must say the fault is (null: the item must pass). */
type Mutation = { name: string; field: string | null; spoil: (item: Record<string, unknown>) => unknown };

const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });
const MUTATIONS: Mutation[] = [
  { name: 'amount as a number with three decimals', field: 'amount', spoil: (i) => ({ ...i, amount: '12.345' }) },
  { name: 'negative amount', field: 'amount', spoil: (i) => ({ ...i, amount: '-1.00' }) },
  { name: 'NaN amount', field: 'amount', spoil: (i) => ({ ...i, amount: 'NaN' }) },
  { name: 'amount in Chinese', field: 'amount', spoil: (i) => ({ ...i, amount: '十万元' }) },
  { name: 'amount as an object', field: 'amount', spoil: (i) => ({ ...i, amount: { value: 1 } }) },
  { name: 'missing budget line id', field: 'budgetLineId', spoil: ({ budgetLineId: _b, ...rest }) => rest },
  { name: 'budget line id of 100,000 characters', field: 'budgetLineId', spoil: (i) => ({ ...i, budgetLineId: 'Z'.repeat(100_000) }) },
  { name: 'fiscal year as text', field: 'fiscalYear', spoil: (i) => ({ ...i, fiscalYear: '二〇二六' }) },
  { name: 'fiscal year 99999', field: 'fiscalYear', spoil: (i) => ({ ...i, fiscalYear: 99_999 }) },
  { name: 'bad date', field: 'updatedAt', spoil: (i) => ({ ...i, updatedAt: '2026-02-30T25:61:00+08:00' }) },
  { name: 'date without zone', field: 'updatedAt', spoil: (i) => ({ ...i, updatedAt: '2026-02-01 10:00' }) },
  { name: 'region that is no code', field: 'regionCode', spoil: (i) => ({ ...i, regionCode: "36'; DROP TABLE regions; --" }) },
  { name: 'HTML in the project name', field: null, spoil: (i) => ({ ...i, projectName: '<script>alert(1)</script>采购项目' }) },
  { name: 'SQL in the unit name', field: null, spoil: (i) => ({ ...i, unitName: "单位'); DELETE FROM integration_budgets; --" }) },
  { name: 'deeply nested project name', field: 'projectName', spoil: (i) => ({ ...i, projectName: deep(200) }) },
  { name: 'NUL in the project name', field: 'projectName', spoil: (i) => ({ ...i, projectName: '办公\u0000设备' }) },
  { name: 'lone surrogate in the unit name', field: 'unitName', spoil: (i) => ({ ...i, unitName: '单位\udc00' }) },
  { name: 'escape sequence in the fund type', field: 'fundType', spoil: (i) => ({ ...i, fundType: '\u001b[2J一般公共预算' }) },
  { name: 'updated at the end of time', field: 'updatedAt', spoil: (i) => ({ ...i, updatedAt: '9999-12-31T23:59:59Z' }) },
  { name: 'null item', field: '', spoil: () => null },
  { name: 'an array instead of an item', field: '', spoil: (i) => [i] },
];

describe('F4: garbage into the 一体化 API', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('1,000 malformed requests: never a 5xx, every bad item named by index and field, no row from a rejected item', async () => {
    const random = createRandom(404);
    const statuses = new Map<number, number>();
    const rejectedIds = new Set<string>();
    for (let n = 0; n < 1000; n++) {
      const kind = n % 10;
      let status: number;
      if (kind === 0) {
        // Broken envelopes: not JSON, wrong content type, invalid UTF-8, a bare array, huge nesting, a repeated key.
        const nested = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
        const bodies = [
          '{"items": [',
          'items=1',
          '[]',
          `{"items": [${nested}]}`,
          '{"items": "many"}',
          `{"items": [${'['.repeat(50_000)}`,
          '{"items": [{"a": 1, "a": 2}]}',
        ];
        const body = bodies[n % bodies.length]!;
        const headers = signedHeaders(platform, body);
        if (n % 20 === 0) headers['content-type'] = 'text/plain';
        status = (await postRaw(app.url, 'budgets', body, headers)).status;
      } else if (kind === 1) {
        const bytes = Buffer.concat([Buffer.from('{"items":[{"budgetLineId":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]}')]);
        const response = await fetch(`${app.url}/api/integration/v1/budgets`, {
          method: 'POST',
          headers: signedHeaders(platform, bytes.toString('latin1')),
          body: bytes,
        });
        status = response.status;
      } else {
        const items = simulatedBudgets(4, { seed: n, offset: n * 10 }).map((item) => ({
          ...item,
          budgetLineId: `GB-${n}-${item.budgetLineId}`,
        }));
        const mutation = MUTATIONS[random.int(0, MUTATIONS.length - 1)]!;
        const spoiled = mutation.spoil(items[1] as unknown as Record<string, unknown>);
        const extra = n % 7 === 0 ? [{ ...items[2], unexpected: 'field' }] : [];
        const duplicate = n % 11 === 0 ? [items[0]] : [];
        const sent = [items[0], spoiled, items[2], items[3], ...extra, ...duplicate];
        const { status: code, body } = await postRaw(
          app.url,
          'budgets',
          JSON.stringify({ items: sent }),
          signedHeaders(platform, JSON.stringify({ items: sent })),
        );
        status = code;
        if (code === 202) {
          const rejected = body.rejected as Array<{ index: number; errors: Array<{ field: string; message: string }> }>;
          if (mutation.field !== null) {
            const fault = rejected.find((r) => r.index === 1);
            expect({ mutation: mutation.name, fault: !!fault }).toEqual({ mutation: mutation.name, fault: true });
            const fields = fault!.errors.map((e) => e.field.split('.')[0]);
            if (mutation.field)
              expect({ mutation: mutation.name, fields }).toEqual({
                mutation: mutation.name,
                fields: expect.arrayContaining([mutation.field]),
              });
            expect(fault!.errors.length).toBeGreaterThan(0);
            for (const error of fault!.errors) expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
            rejectedIds.add(items[1]!.budgetLineId);
          }
          if (duplicate.length) expect(rejected.some((r) => r.index === sent.length - 1)).toBe(true);
        }
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect({ n, status: status < 500 }).toEqual({ n, status: true });
    }
    await drainJobs(app);
    expect(await IntegrationBudget.count({ where: { budgetLineId: { [Op.in]: [...rejectedIds] } } })).toBe(0);
    expect(await IntegrationBudget.count({ where: { budgetLineId: { [Op.like]: 'GB-%' } } })).toBeGreaterThan(0);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  }, 180_000);
});
