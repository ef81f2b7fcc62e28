import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntegrationBudget, IntegrationInbox, IntegrationUnit, PaymentVoucher, ProcurementUnit } from '../../resources/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../server/env.js';
import { getBatch, postBatch, postRaw, signedHeaders } from '../../tools/integration-client.js';
import { simulatedBudgets, simulatedUnits, simulatedVouchers } from '../../tools/integration-fixtures.js';
import { startTestApp, drainJobs } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
const drain = () => drainJobs(app);

async function snapshot() {
  const budgets = await IntegrationBudget.findAll({ order: [['budgetLineId', 'ASC']], raw: true });
  const vouchers = await PaymentVoucher.findAll({ order: [['voucherNo', 'ASC']], raw: true });
  const units = await IntegrationUnit.findAll({ order: [['unitBudgetCode', 'ASC']], raw: true });
  return JSON.stringify({ budgets, vouchers, units });
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => { await app.stop(); });

describe('authentication and transport errors', () => {
  const body = JSON.stringify({ items: simulatedBudgets(1, { seed: 99 }) });

  it('401 for an unknown key, a wrong signature, missing headers and a timestamp off by more than 300 s', async () => {
    const wrongKey = await postRaw(app.url, 'budgets', body, signedHeaders({ ...platform, appKey: 'intruder' }, body));
    expect(wrongKey).toMatchObject({ status: 401, body: { code: 'unknown_app_key' } });
    const wrongSecret = await postRaw(app.url, 'budgets', body, signedHeaders({ ...platform, secret: 'guessed-secret-guessed-secret-000' }, body));
    expect(wrongSecret).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    const noHeaders = await postRaw(app.url, 'budgets', body, { 'content-type': 'application/json' });
    expect(noHeaders).toMatchObject({ status: 401, body: { code: 'missing_credentials' } });
    const old = await postRaw(app.url, 'budgets', body, signedHeaders(platform, body, Math.floor(Date.now() / 1000) - 301));
    expect(old).toMatchObject({ status: 401, body: { code: 'stale_timestamp' } });
    const tampered = signedHeaders(platform, body);
    const changed = await postRaw(app.url, 'budgets', body.replace('ZB', 'ZC'), tampered);
    expect(changed).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    expect(await IntegrationInbox.count()).toBe(0);
  });

  it('409 for a signature seen before, and the batch is stored once', async () => {
    const headers = signedHeaders(platform, body);
    const first = await postRaw(app.url, 'budgets', body, headers);
    expect(first.status).toBe(202);
    const again = await postRaw(app.url, 'budgets', body, headers);
    expect(again).toMatchObject({ status: 409, body: { code: 'duplicate_signature', batchId: first.body.batchId } });
    expect(await IntegrationInbox.count({ where: { signature: headers['x-signature']! } })).toBe(1);
    await drain();
  });

  it('400 for malformed JSON and for a body that is not {items: [...]}', async () => {
    for (const [raw, code] of [['{"items": [', 'malformed_json'], ['[1,2]', 'malformed_body'], ['{"items": {}}', 'malformed_body'], ['{"items": []}', 'empty_batch']] as const) {
      const answer = await postRaw(app.url, 'units', raw, signedHeaders(platform, raw));
      expect(answer).toMatchObject({ status: 400, body: { code } });
      expect(answer.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('413 for a body over 10 MB and for more than 10,000 items', async () => {
    const big = JSON.stringify({ items: [{ pad: 'x'.repeat(10 * 1024 * 1024) }] });
    expect(await postRaw(app.url, 'units', big, signedHeaders(platform, big))).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    const many = JSON.stringify({ items: Array.from({ length: 10_001 }, () => ({})) });
    expect(await postRaw(app.url, 'units', many, signedHeaders(platform, many))).toMatchObject({ status: 413, body: { code: 'too_many_items' } });
  });

  it('answers unknown paths and batches with JSON errors, and serves the OpenAPI document', async () => {
    const missing = await getBatch(app.url, platform, '00000000-0000-0000-0000-000000000000');
    expect(missing).toMatchObject({ status: 404, body: { code: 'batch_not_found' } });
    const unsigned = await fetch(`${app.url}/api/integration/v1/batches/00000000-0000-0000-0000-000000000000`);
    expect(unsigned.status).toBe(401);
    const doc = await (await fetch(`${app.url}/api/integration/v1/openapi.json`)).json() as any;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(['/budgets', '/units', '/payment-vouchers', '/batches/{batchId}']);
    for (const status of ['202', '400', '401', '409', '413']) expect(doc.paths['/budgets'].post.responses[status]).toBeDefined();
  });
});

describe('accepting a batch', () => {
  it('takes the valid items, reports the invalid ones by index and field, and reports the batch state', async () => {
    const items: any[] = simulatedBudgets(5, { seed: 2, offset: 100 });
    items[1] = { ...items[1], amount: 'abc' };
    items[3] = { ...items[3], regionCode: '369999' };
    const { status, body } = await postBatch(app.url, platform, 'budgets', items);
    expect(status).toBe(202);
    expect(body.accepted).toBe(4);
    expect(body.rejected).toEqual([{ index: 1, errors: [{ field: 'amount', message: expect.stringContaining('金额') }] }]);
    // Stored before the answer: the raw batch is in the inbox whatever happens next.
    expect(await IntegrationInbox.findByPk(body.batchId)).not.toBeNull();
    await drain();
    const report = await getBatch(app.url, platform, body.batchId);
    expect(report.body).toMatchObject({ state: 'done', items: 5, accepted: 4, rejected: 1, applied: 3, unchanged: 0, failed: 1 });
    expect(report.body.errors.map((e: any) => [e.index, e.errors[0].field])).toEqual([[1, 'amount'], [3, 'regionCode']]);
    expect(report.body.errors[1].errors[0].message).toContain('369999');
    expect(await IntegrationBudget.count({ where: { budgetLineId: [items[0].budgetLineId, items[2].budgetLineId, items[4].budgetLineId] } })).toBe(3);
    expect(await IntegrationBudget.count({ where: { budgetLineId: [items[1].budgetLineId, items[3].budgetLineId] } })).toBe(0);
  });

  it('re-sending the same items (a new signature) changes nothing', async () => {
    const units = simulatedUnits(20, { seed: 3 });
    const budgets = simulatedBudgets(30, { seed: 3 });
    const vouchers = simulatedVouchers(25, { seed: 3, budgetCount: 30 });
    await postBatch(app.url, platform, 'units', units);
    await postBatch(app.url, platform, 'budgets', budgets);
    await postBatch(app.url, platform, 'payment-vouchers', vouchers);
    await drain();
    const before = await snapshot();
    const resent = await postBatch(app.url, platform, 'budgets', budgets, Math.floor(Date.now() / 1000) + 1);
    const resentVouchers = await postBatch(app.url, platform, 'payment-vouchers', vouchers, Math.floor(Date.now() / 1000) + 1);
    await drain();
    expect(await snapshot()).toBe(before);
    expect((await getBatch(app.url, platform, resent.body.batchId)).body).toMatchObject({ state: 'done', applied: 0, unchanged: 30 });
    expect((await getBatch(app.url, platform, resentVouchers.body.batchId)).body).toMatchObject({ applied: 0, unchanged: 25 });
  });

  it('ignores an update older than what is stored and applies a newer one', async () => {
    const [line] = simulatedBudgets(1, { seed: 4, offset: 500 });
    await postBatch(app.url, platform, 'budgets', [{ ...line, amount: '1000.00', updatedAt: '2026-11-20T10:00:00+08:00' }]);
    await drain();
    const older = await postBatch(app.url, platform, 'budgets', [{ ...line, amount: '1.00', updatedAt: '2026-11-20T09:59:59+08:00' }]);
    await drain();
    expect((await getBatch(app.url, platform, older.body.batchId)).body).toMatchObject({ applied: 0, unchanged: 1 });
    expect(Number((await IntegrationBudget.findOne({ where: { budgetLineId: line!.budgetLineId } }))!.amount)).toBe(1000);
    await postBatch(app.url, platform, 'budgets', [{ ...line, amount: '2000.00', updatedAt: '2026-11-20T10:00:01+08:00' }]);
    await drain();
    expect(Number((await IntegrationBudget.findOne({ where: { budgetLineId: line!.budgetLineId } }))!.amount)).toBe(2000);
  });

  it('keeps a purchaser\'s project match when 一体化 updates the line', async () => {
    const [line] = simulatedBudgets(1, { seed: 5, offset: 600 });
    await postBatch(app.url, platform, 'budgets', [line]);
    await drain();
    await IntegrationBudget.update({ matchStatus: 'matched', matchedProjectCode: 'CG-1', matchedProjectName: '项目一' }, { where: { budgetLineId: line!.budgetLineId } });
    await postBatch(app.url, platform, 'budgets', [{ ...line, projectName: '改名后的项目', updatedAt: '2027-01-01T00:00:00Z' }]);
    await drain();
    const stored = (await IntegrationBudget.findOne({ where: { budgetLineId: line!.budgetLineId } }))!;
    expect(stored).toMatchObject({ projectName: '改名后的项目', matchStatus: 'matched', matchedProjectCode: 'CG-1' });
  });
});

describe('unit linkage', () => {
  it('links budgets to procurement units by budget code and vouchers to their line\'s region, whatever the order', async () => {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'approved' }, order: [['id', 'ASC']] }))!;
    const [line] = simulatedBudgets(1, { seed: 6, offset: 700 });
    const budget = { ...line!, regionCode: '360121', unitBudgetCode: unit.unitBudgetCode };
    const [voucher] = simulatedVouchers(1, { seed: 6, offset: 700 });
    // The voucher arrives first: stored, region unknown until its budget line arrives.
    await postBatch(app.url, platform, 'payment-vouchers', [{ ...voucher!, budgetLineId: budget.budgetLineId }]);
    await drain();
    expect(await PaymentVoucher.findOne({ where: { voucherNo: voucher!.voucherNo } })).toMatchObject({ regionCode: null });
    await postBatch(app.url, platform, 'budgets', [budget]);
    await drain();
    expect(await IntegrationBudget.findOne({ where: { budgetLineId: budget.budgetLineId } })).toMatchObject({ procurementUnitId: unit.id });
    expect(await PaymentVoucher.findOne({ where: { voucherNo: voucher!.voucherNo } })).toMatchObject({ regionCode: '360121', procurementUnitId: unit.id });
  });

  it('refreshes 主体管理 budget-code verdicts when 一体化 pushes unit info', async () => {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'missing' } }))!;
    await postBatch(app.url, platform, 'units', [{
      unitBudgetCode: unit.unitBudgetCode, unitName: unit.name, creditCode: unit.creditCode, regionCode: '360121', updatedAt: '2026-11-24T08:00:00Z',
    }]);
    await drain();
    await unit.reload();
    expect(unit).toMatchObject({ integrationBudgetCode: unit.unitBudgetCode, budgetCodeVerdict: 'match' });
  });

  it('re-links when a unit\'s budget code changes', async () => {
    const [line] = simulatedBudgets(1, { seed: 7, offset: 800 });
    const budget = { ...line!, regionCode: '360121', unitBudgetCode: 'NEW-CODE-1' };
    await postBatch(app.url, platform, 'budgets', [budget]);
    await drain();
    expect(await IntegrationBudget.findOne({ where: { budgetLineId: budget.budgetLineId } })).toMatchObject({ procurementUnitId: null });
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'draft' } }))!;
    await unit.update({ unitBudgetCode: 'NEW-CODE-1' });
    await drain();
    expect(await IntegrationBudget.findOne({ where: { budgetLineId: budget.budgetLineId } })).toMatchObject({ procurementUnitId: unit.id });
  });
});
