import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntegrationBudget, IntegrationInbox, IntegrationUnit, PaymentVoucher, ProcurementUnit } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { signRequest } from '../../domain/integration-signature.js';
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
afterAll(async () => {
  await app.stop();
});

describe('authentication and transport errors', () => {
  const body = JSON.stringify({ items: simulatedBudgets(1, { seed: 99 }) });

  it('401 for an unknown key, a wrong signature, missing headers and a timestamp off by more than 300 s', async () => {
    const wrongKey = await postRaw(app.url, 'budgets', body, signedHeaders({ ...platform, appKey: 'intruder' }, body));
    expect(wrongKey).toMatchObject({ status: 401, body: { code: 'unknown_app_key' } });
    const wrongSecret = await postRaw(
      app.url,
      'budgets',
      body,
      signedHeaders({ ...platform, secret: 'guessed-secret-guessed-secret-000' }, body),
    );
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
    for (const [raw, code] of [
      ['{"items": [', 'malformed_json'],
      ['[1,2]', 'malformed_body'],
      ['{"items": {}}', 'malformed_body'],
      ['{"items": []}', 'empty_batch'],
    ] as const) {
      const answer = await postRaw(app.url, 'units', raw, signedHeaders(platform, raw));
      expect(answer).toMatchObject({ status: 400, body: { code } });
      expect(answer.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('413 for a body over 10 MB and for more than 10,000 items', async () => {
    const big = JSON.stringify({ items: [{ pad: 'x'.repeat(10 * 1024 * 1024) }] });
    expect(await postRaw(app.url, 'units', big, signedHeaders(platform, big))).toMatchObject({
      status: 413,
      body: { code: 'payload_too_large' },
    });
    const many = JSON.stringify({ items: Array.from({ length: 10_001 }, () => ({})) });
    expect(await postRaw(app.url, 'units', many, signedHeaders(platform, many))).toMatchObject({
      status: 413,
      body: { code: 'too_many_items' },
    });
  });

  it('answers unknown paths and batches with JSON errors, and serves the OpenAPI document', async () => {
    const missing = await getBatch(app.url, platform, '00000000-0000-0000-0000-000000000000');
    expect(missing).toMatchObject({ status: 404, body: { code: 'batch_not_found' } });
    const unsigned = await fetch(`${app.url}/api/integration/v1/batches/00000000-0000-0000-0000-000000000000`);
    expect(unsigned.status).toBe(401);
    const doc = (await (await fetch(`${app.url}/api/integration/v1/openapi.json`)).json()) as any;
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
    expect(report.body.errors.map((e: any) => [e.index, e.errors[0].field])).toEqual([
      [1, 'amount'],
      [3, 'regionCode'],
    ]);
    expect(report.body.errors[1].errors[0].message).toContain('369999');
    expect(
      await IntegrationBudget.count({ where: { budgetLineId: [items[0].budgetLineId, items[2].budgetLineId, items[4].budgetLineId] } }),
    ).toBe(3);
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

  it("keeps a purchaser's project match when 一体化 updates the line", async () => {
    const [line] = simulatedBudgets(1, { seed: 5, offset: 600 });
    await postBatch(app.url, platform, 'budgets', [line]);
    await drain();
    await IntegrationBudget.update(
      { matchStatus: 'matched', matchedProjectCode: 'CG-1', matchedProjectName: '项目一' },
      { where: { budgetLineId: line!.budgetLineId } },
    );
    await postBatch(app.url, platform, 'budgets', [{ ...line, projectName: '改名后的项目', updatedAt: '2026-11-30T00:00:00Z' }]);
    await drain();
    const stored = (await IntegrationBudget.findOne({ where: { budgetLineId: line!.budgetLineId } }))!;
    expect(stored).toMatchObject({ projectName: '改名后的项目', matchStatus: 'matched', matchedProjectCode: 'CG-1' });
  });
});

// What a database driver or the JSON parser says, which the platform must never be shown.
const DRIVER_TEXT =
  /SQLITE|unrecognized token|invalid byte sequence|syntax error|relation|does not exist|no such table|violates|Unexpected|position|integration_budgets/i;

describe('inbound validation: one bad item never fails its batch', () => {
  it("a NUL, a lone surrogate or another control character is reported by index and field; the batch's other items are applied", async () => {
    const items: any[] = simulatedBudgets(6, { seed: 8, offset: 900 });
    items[1] = { ...items[1], projectName: '2026年办公\u0000设备购置' };
    items[3] = { ...items[3], unitName: '预算单位\ud800' };
    items[4] = { ...items[4], fundType: '一般公共\u0007预算' };
    const sent = await postBatch(app.url, platform, 'budgets', items);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ accepted: 3 });
    expect(sent.body.rejected).toEqual([
      { index: 1, errors: [{ field: 'projectName', message: expect.stringContaining('U+0000') }] },
      { index: 3, errors: [{ field: 'unitName', message: expect.stringContaining('代理项') }] },
      { index: 4, errors: [{ field: 'fundType', message: expect.stringContaining('U+0007') }] },
    ]);
    await drain();
    const report = await getBatch(app.url, platform, sent.body.batchId);
    expect(report.body).toMatchObject({ state: 'done', accepted: 3, rejected: 3, applied: 3, failed: 0, lastError: null, attempts: 1 });
    expect(report.body.errors.map((e: any) => [e.index, e.errors[0].field])).toEqual([
      [1, 'projectName'],
      [3, 'unitName'],
      [4, 'fundType'],
    ]);
    const ids = (indexes: number[]) => indexes.map((i) => items[i].budgetLineId);
    expect(await IntegrationBudget.count({ where: { budgetLineId: ids([0, 2, 5]) } })).toBe(3);
    expect(await IntegrationBudget.count({ where: { budgetLineId: ids([1, 3, 4]) } })).toBe(0);
    for (const answer of [sent.body, report.body]) expect(JSON.stringify(answer)).not.toMatch(DRIVER_TEXT);
  });

  it('an item dated more than the allowed clock skew past its receipt is refused, and cannot freeze its line', async () => {
    const [frozen, fine] = simulatedBudgets(2, { seed: 9, offset: 950 });
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    const sent = await postBatch(app.url, platform, 'budgets', [
      { ...frozen!, updatedAt: '9999-12-31T23:59:59Z' },
      { ...fine!, updatedAt: inAMinute },
    ]);
    expect(sent).toMatchObject({ status: 202, body: { accepted: 1 } });
    expect(sent.body.rejected).toEqual([
      { index: 0, errors: [{ field: 'updatedAt', message: expect.stringContaining('晚于本批次的接收时间') }] },
    ]);
    expect(sent.body.rejected[0].errors[0].message).toContain('5 分钟');
    await drain();
    expect((await getBatch(app.url, platform, sent.body.batchId)).body).toMatchObject({ state: 'done', applied: 1, rejected: 1 });
    expect(await IntegrationBudget.count({ where: { budgetLineId: frozen!.budgetLineId } })).toBe(0);
    // The line's next real update goes in as any other.
    await postBatch(app.url, platform, 'budgets', [{ ...frozen!, amount: '10.00' }]);
    await drain();
    expect(Number((await IntegrationBudget.findOne({ where: { budgetLineId: frozen!.budgetLineId } }))!.amount)).toBe(10);
  });

  it('a key repeated in one object anywhere in the body refuses the whole request: 400 duplicate_key', async () => {
    const [line] = simulatedBudgets(1, { seed: 10, offset: 980 });
    const one = JSON.stringify(line);
    const bodies: Array<[string, string]> = [
      [`{"items":[${one.replace('{', '{"amount":"1.00",')}]}`, 'items[0] 处的对象中键 "amount"'],
      [`{"items":[${one}],"items":[]}`, '顶层对象中键 "items"'],
      [`{"items":[${one.replace('"amount"', '"\\u0061mount":"1.00","amount"')}]}`, '键 "amount"'],
    ];
    const before = await IntegrationInbox.count();
    for (const [body, named] of bodies) {
      expect(() => JSON.parse(body)).not.toThrow();
      const answer = await postRaw(app.url, 'budgets', body, signedHeaders(platform, body));
      expect(answer).toMatchObject({ status: 400, body: { code: 'duplicate_key', message: expect.stringContaining(named) } });
      expect(answer.body.message).toContain('不能重复');
    }
    expect(await IntegrationInbox.count()).toBe(before);
    const doc = (await (await fetch(`${app.url}/api/integration/v1/openapi.json`)).json()) as any;
    expect(doc.components.schemas.Error.properties.code.enum).toEqual(expect.arrayContaining(['duplicate_key', 'malformed_json']));
  });

  it('a body that is not valid UTF-8 is refused whole: 400 malformed_utf8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"items":[{"projectName":"办公'), Buffer.from([0xe5, 0x8a]), Buffer.from('"}]}')]);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${app.url}/api/integration/v1/budgets`, {
      method: 'POST',
      body: bytes,
      headers: {
        'content-type': 'application/json',
        'x-app-key': platform.appKey,
        'x-timestamp': timestamp,
        'x-signature': signRequest(platform.secret, timestamp, bytes),
      },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'malformed_utf8', message: expect.stringContaining('UTF-8') });
  });

  it("a body that is no JSON is answered in our words, without the parser's", async () => {
    for (const raw of ['{"items": [', 'items=1', '{"items": [{"a": 1,}]}']) {
      const answer = await postRaw(app.url, 'budgets', raw, signedHeaders(platform, raw));
      expect(answer).toMatchObject({ status: 400, body: { code: 'malformed_json', message: expect.stringContaining('不是合法的 JSON') } });
      expect(answer.body.message).not.toMatch(DRIVER_TEXT);
    }
  });

  it("a database error while applying leaves our sentence with a log reference in lastError, never the driver's", async () => {
    const sequelize = IntegrationBudget.sequelize!;
    const items = simulatedBudgets(2, { seed: 12, offset: 990 });
    await sequelize.query('ALTER TABLE integration_budgets RENAME TO integration_budgets_away');
    let failed: any;
    try {
      const sent = await postBatch(app.url, platform, 'budgets', items);
      expect(sent.status).toBe(202);
      for (const deadline = Date.now() + 20_000; !failed?.lastError && Date.now() < deadline;) {
        failed = (await getBatch(app.url, platform, sent.body.batchId)).body;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await sequelize.query('ALTER TABLE integration_budgets_away RENAME TO integration_budgets');
    }
    expect(failed.lastError).toMatch(/^第 1\/5 次处理失败：处理时出错（日志编号 [0-9a-f]{8}），将自动重试$/);
    expect(JSON.stringify(failed)).not.toMatch(DRIVER_TEXT);
    await drain();
    // The retry, with the table back, applies the batch and clears the failure.
    expect((await getBatch(app.url, platform, failed.batchId)).body).toMatchObject({
      state: 'done',
      applied: 2,
      lastError: null,
      attempts: 2,
    });
  });
});

describe('unit linkage', () => {
  it("links budgets to procurement units by budget code and vouchers to their line's region, whatever the order", async () => {
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
    expect(await PaymentVoucher.findOne({ where: { voucherNo: voucher!.voucherNo } })).toMatchObject({
      regionCode: '360121',
      procurementUnitId: unit.id,
    });
  });

  it('refreshes 主体管理 budget-code verdicts when 一体化 pushes unit info', async () => {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted', budgetCodeVerdict: 'missing' } }))!;
    await postBatch(app.url, platform, 'units', [
      {
        unitBudgetCode: unit.unitBudgetCode,
        unitName: unit.name,
        creditCode: unit.creditCode,
        regionCode: '360121',
        updatedAt: '2026-11-24T08:00:00Z',
      },
    ]);
    await drain();
    await unit.reload();
    expect(unit).toMatchObject({ integrationBudgetCode: unit.unitBudgetCode, budgetCodeVerdict: 'match' });
  });

  it("re-links when a unit's budget code changes", async () => {
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
