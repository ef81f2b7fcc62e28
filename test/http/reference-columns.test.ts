import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Affiliation, IntegrationBudget, ProcurementUnit, Region } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { api, drainJobs, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;

beforeAll(async () => {
  app = await startTestApp();
  county = await login(app.url, 'nanchangxian');
  await postBatch(
    app.url,
    { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET },
    'budgets',
    simulatedBudgets(30, { seed: 5 }),
  );
  await drainJobs(app);
});
afterAll(async () => {
  await app.stop();
});

describe('reference columns of a list', () => {
  it("show the referenced record's title with a link to it, and nothing else of it", async () => {
    const { body } = await county.get(api.list('IntegrationBudget'));
    expect(body.records.length).toBeGreaterThan(0);
    for (const record of body.records) {
      const region = record.populated.regionCode;
      expect(region).toMatchObject({ id: '360121', title: '南昌县', params: { code: '360121', name: '南昌县' }, bulkActions: [] });
      expect(Object.keys(region.params).sort()).toEqual(['code', 'name']);
      expect(region.recordActions.map((a: { name: string }) => a.name)).toEqual(['show']);
      expect(region.recordActions[0]).toMatchObject({ resourceId: 'Region', actionType: 'record' });
    }
  });

  it('read the region tree from memory: it is written only by the seeds at start, which load it, so the column needs no query', async () => {
    await Region.update({ name: '南昌县（改名）' }, { where: { code: '360121' } });
    try {
      const { body } = await county.get(api.list('IntegrationBudget'));
      expect(body.records.length).toBeGreaterThan(0);
      for (const record of body.records) expect(record.populated.regionCode.title).toBe('南昌县');
      // A region's own page still reads the table.
      expect((await county.get(api.show('Region', '360121'))).body.record.params.name).toBe('南昌县（改名）');
    } finally {
      await Region.update({ name: '南昌县' }, { where: { code: '360121' } });
    }
  });

  it('leave out references that are not columns; the show page still has them whole', async () => {
    const budget = (await IntegrationBudget.findOne({ where: { regionCode: '360121' }, order: [['id', 'ASC']] }))!;
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121' } }))!;
    await budget.update({ procurementUnitId: unit.id });
    const listed = await county.get(api.list('IntegrationBudget', `&filters.budgetLineId=${budget.budgetLineId}`));
    expect(listed.body.records[0].params.procurementUnitId).toBe(unit.id);
    expect(listed.body.records[0].populated.procurementUnitId).toBeUndefined();
    const shown = await county.get(api.show('IntegrationBudget', budget.id));
    expect(shown.body.record.populated.procurementUnitId.params).toMatchObject({ name: unit.name, creditCode: unit.creditCode });
  });

  it("give nothing of a referenced record outside the user's jurisdiction: the column keeps the bare key", async () => {
    const own = (await ProcurementUnit.findOne({ where: { regionCode: '360121' } }))!;
    const foreign = (await ProcurementUnit.findOne({ where: { regionCode: '360700' } }))!;
    const affiliation = await Affiliation.create({
      subordinateUnitId: own.id,
      supervisingUnitId: foreign.id,
      regionCode: '360121',
      status: 'pending',
      requestedAt: new Date('2026-11-30T01:00:00Z'),
    } as never);
    const { body } = await county.get(api.list('Affiliation', `&filters.supervisingUnitId=${foreign.id}`));
    const record = body.records.find((r: { id: number }) => r.id === affiliation.id);
    expect(record.params.supervisingUnitId).toBe(foreign.id);
    expect(record.populated.supervisingUnitId).toBeUndefined();
    expect(record.populated.subordinateUnitId).toMatchObject({ id: String(own.id), title: own.name });
    expect(JSON.stringify(body)).not.toContain(foreign.name);
  });

  it("in a show page's related records are filled as on the list: its columns only, title and link", async () => {
    const affiliation = (await Affiliation.findOne({ where: { regionCode: '360121' } }))!;
    const shown = await county.get(api.show('ProcurementUnit', affiliation.subordinateUnitId));
    const blocks = JSON.parse(shown.body.record.params.related) as Array<{
      resourceId: string;
      records: Array<{ populated: Record<string, any> }>;
    }>;
    const affiliations = blocks.find((b) => b.resourceId === 'Affiliation')!;
    expect(affiliations.records.length).toBeGreaterThan(0);
    for (const record of affiliations.records) {
      expect(Object.keys(record.populated).every((path) => ['subordinateUnitId', 'supervisingUnitId', 'regionCode'].includes(path))).toBe(
        true,
      );
      expect(record.populated.subordinateUnitId).toMatchObject({ id: String(affiliation.subordinateUnitId), bulkActions: [] });
      for (const reference of Object.values(record.populated)) {
        expect(reference.recordActions.map((a: { name: string }) => a.name)).toEqual(['show']);
        expect(Object.keys(reference.params).length).toBeLessThanOrEqual(2);
      }
    }
  });
});
