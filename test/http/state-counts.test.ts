import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { ProcurementUnit } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
let city: Client;
let province: Client;
beforeAll(async () => {
  app = await startTestApp();
  [county, city, province] = await Promise.all(['nanchangxian', 'nanchang', 'province'].map((name) => login(app.url, name)));
});
afterAll(async () => {
  await app.stop();
});

const counts = (client: Client, resource: string, query = '') => client.get(`${api.resourceAction(resource, 'stateCounts')}?${query}`);
const listTotal = async (client: Client, resource: string, query = '') =>
  (await client.get(`/admin/api/resources/${resource}/actions/list?${query}`)).body.meta.total as number;

/** The units of the regions under `prefix` (360121 南昌县, 3601 南昌市 and its counties), by status, from the database. */
async function unitsByStatus(regions: string): Promise<Record<string, number>> {
  const rows = await ProcurementUnit.findAll({ where: { regionCode: { [Op.like]: `${regions}%` } }, attributes: ['status'] });
  const byStatus: Record<string, number> = {};
  for (const { status } of rows) byStatus[status] = (byStatus[status] ?? 0) + 1;
  return byStatus;
}

describe('quick state filters: counts from the server, within the jurisdiction', () => {
  it('counts each state of the units a county sees, and no unit of another region', async () => {
    const { status, body } = await counts(county, 'ProcurementUnit');
    expect(status).toBe(200);
    expect(body.field).toBe('status');
    expect(body.counts).toEqual(await unitsByStatus('360121'));
    expect(body.total).toBe(Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0));
  });

  it('a county counts fewer than its city, the city fewer than the province, each what its own list shows', async () => {
    const totals: number[] = [];
    for (const client of [county, city, province]) {
      const { body } = await counts(client, 'ProcurementUnit');
      expect(body.total).toBe(await listTotal(client, 'ProcurementUnit'));
      for (const [value, n] of Object.entries(body.counts as Record<string, number>))
        expect(n).toBe(await listTotal(client, 'ProcurementUnit', `filters.status=${value}`));
      totals.push(body.total);
    }
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[0]).toBeLessThan(totals[1]!);
    expect(totals[1]).toBeLessThan(totals[2]!);
    expect((await counts(city, 'ProcurementUnit')).body.counts).toEqual(await unitsByStatus('3601'));
  });

  it.each(['ContractFiling', 'ManualPushFiling', 'Expert', 'ExpertSpecialtyReview', 'PaymentApplication', 'FailedTenderHandling'])(
    '%s: each state’s count is what the list shows filtered by it (a column named apart from its field too)',
    async (resource) => {
      const { body } = await counts(city, resource);
      expect(body.total).toBe(await listTotal(city, resource));
      for (const [value, n] of Object.entries(body.counts as Record<string, number>))
        expect(n).toBe(await listTotal(city, resource, `filters.${body.field}=${value}`));
    },
  );

  it('counts under the list’s other filters, whatever state is chosen, and through a view’s own condition', async () => {
    const { body: all } = await counts(province, 'ProcurementUnit', 'filters.regionCode=360121');
    expect(all.counts).toEqual(await unitsByStatus('360121'));
    const { body: chosen } = await counts(province, 'ProcurementUnit', 'filters.regionCode=360121&filters.status=approved');
    expect(chosen).toEqual(all);
    // 单位预算编码核对 shows only the units whose codes do not match: its counts do too.
    const { body: view } = await counts(province, 'BudgetCodeCheck');
    expect(view.total).toBe(await listTotal(province, 'BudgetCodeCheck'));
    expect(view.total).toBe(await ProcurementUnit.count({ where: { budgetCodeVerdict: { [Op.ne]: 'match' } } }));
  });

  it('a forged filter on another region counts nothing: the jurisdiction is added, not replaced', async () => {
    for (const forged of ['filters.regionCode=360700', 'filters.regionCode=360100', 'filters.regionCode=360000']) {
      const { status, body } = await counts(county, 'ProcurementUnit', forged);
      expect(status).toBe(200);
      expect(body).toEqual({ field: 'status', counts: {}, total: 0, totalIs: 'exact' });
    }
    expect((await counts(city, 'ProcurementUnit', 'filters.regionCode=360700')).body.total).toBe(0);
  });

  it('refuses what the list would refuse: a filter the list does not offer, a list the user may not read', async () => {
    const hidden = await counts(county, 'ProcurementUnit', 'filters.reviewComment=x');
    expect(hidden.status).toBe(400);
    expect(hidden.body.message).toContain('筛选');
    // 登录安全事件 has states (its outcomes) but is listed to administrators only.
    const refused = await counts(county, 'LoginAttempt');
    // AdminJS answers a refused action as it answers the refused list itself: a ForbiddenError notice, no data.
    expect(refused.body.record.baseError.type).toBe('ForbiddenError');
    expect(refused.body.counts).toBeUndefined();
    expect(refused.body.total).toBeUndefined();
    const anonymous = await fetch(`${app.url}${api.resourceAction('ProcurementUnit', 'stateCounts')}`, { redirect: 'manual' });
    expect(anonymous.status).not.toBe(200);
  });

  it('a list without a state has no counts to ask for', async () => {
    const { status } = await counts(province, 'FormalMemberUnit');
    expect(status).not.toBe(200);
  });
});
