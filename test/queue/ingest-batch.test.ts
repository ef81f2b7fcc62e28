import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueryTypes } from 'sequelize';
import { InlineJobQueue } from '../../queue/inline-queue.js';
import { applyChunk } from '../../jobs/ingest/apply-items.js';
import { ingestBatch } from '../../jobs/processors/ingest-batch.processor.js';
import { migrateToLatest } from '../../migrations/migrator.js';
import { IntegrationBudget, IntegrationInbox, IntegrationInboxPayload, initModels } from '../../db/models.js';
import { seedReferenceData } from '../../seeds/demo.js';
import { createSequelize } from '../../db/database.js';
import { BATCH_AWAITING_QUEUE } from '../../db/models/integration/integration-inbox.model.js';
import { requeueStrandedBatches } from '../../jobs/maintenance/requeue-stranded.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { freshDatabaseUrl } from '../support/test-app.js';
import { processorFor } from '../../jobs/processors/index.js';

let sequelize: ReturnType<typeof createSequelize>;
const onSqlite = !process.env.DATABASE_URL?.startsWith('postgres');
let serial = 0;

async function storedBatch(body: string | null, receivedAt = new Date()): Promise<IntegrationInbox> {
  serial += 1;
  const id = `00000000-0000-0000-0000-${String(serial).padStart(12, '0')}`;
  const batch = await IntegrationInbox.create({
    id,
    kind: 'budgets',
    state: 'received',
    appKey: 'test',
    signature: id.replace(/-/g, '').padEnd(64, '0'),
    itemCount: 3,
    acceptedCount: 3,
    rejectedCount: 0,
    itemErrors: null,
    receivedAt,
  });
  if (body !== null) await IntegrationInboxPayload.create({ batchId: id, body });
  return batch;
}

const context = (attemptsMade: number, maxAttempts: number) => ({
  id: `job-${attemptsMade}`,
  name: 'ingestBatch',
  attemptsMade,
  maxAttempts,
  updateProgress: async () => undefined,
});

beforeAll(async () => {
  sequelize = createSequelize(await freshDatabaseUrl());
  initModels(sequelize);
  await migrateToLatest(sequelize);
  await seedReferenceData();
});
afterAll(async () => {
  await sequelize.close();
});

describe('ingestBatch', () => {
  it('a failing attempt puts the batch back to wait for its retry, and the last one marks it failed', async () => {
    const batch = await storedBatch(null);
    await expect(ingestBatch({ batchId: batch.id }, context(0, 3))).rejects.toThrow('原始报文缺失');
    await batch.reload();
    expect(batch).toMatchObject({ state: 'received', attempts: 1 });
    expect(batch.lastError).toContain('第 1/3 次处理失败');
    await expect(ingestBatch({ batchId: batch.id }, context(2, 3))).rejects.toThrow();
    await batch.reload();
    expect(batch.state).toBe('failed');
    expect(batch.lastError).toContain('第 3/3 次');
    expect(batch.finishedAt).not.toBeNull();
  });

  it('a retry after a failure applies the batch once', async () => {
    const items = simulatedBudgets(3, { seed: 31 });
    const batch = await storedBatch(JSON.stringify({ items }));
    await ingestBatch({ batchId: batch.id }, context(0, 3));
    await ingestBatch({ batchId: batch.id }, context(1, 3));
    await batch.reload();
    // The retry finds the batch done and leaves it, and its counts, as the run that applied it wrote them.
    expect(batch).toMatchObject({ state: 'done', appliedCount: 3, unchangedCount: 0, lastError: null });
    expect(await IntegrationBudget.count({ where: { budgetLineId: items.map((i) => i.budgetLineId) } })).toBe(3);
  });
});

describe('ingestBatch: what a batch says after a failure or a bad item', () => {
  const DRIVER_TEXT = /SQLITE|no such table|relation|does not exist|integration_budgets/i;

  it("a driver's error reaches neither lastError nor the error the queue keeps: our sentence and a log reference", async () => {
    const batch = await storedBatch(JSON.stringify({ items: simulatedBudgets(2, { seed: 33, offset: 60 }) }));
    await sequelize.query('ALTER TABLE integration_budgets RENAME TO integration_budgets_away');
    const thrown: Error[] = [];
    try {
      for (const attempt of [0, 2])
        thrown.push(
          await ingestBatch({ batchId: batch.id }, context(attempt, 3)).then(
            () => new Error('ran'),
            (e: Error) => e,
          ),
        );
    } finally {
      await sequelize.query('ALTER TABLE integration_budgets_away RENAME TO integration_budgets');
    }
    expect(thrown[0]!.message).toMatch(/^处理时出错（日志编号 [0-9a-f]{8}），将自动重试$/);
    expect(thrown[1]!.message).toMatch(/^处理时出错（日志编号 [0-9a-f]{8}），已停止重试，请联系系统管理员$/);
    for (const error of thrown) expect(`${error.message}\n${error.stack}`).not.toMatch(DRIVER_TEXT);
    await batch.reload();
    expect(batch.state).toBe('failed');
    expect(batch.lastError).toBe(`第 3/3 次处理失败：${thrown[1]!.message}`);
  });

  it("judges an item's time against the batch's receipt, not the worker's clock", async () => {
    const receivedAt = new Date(Date.now() - 3600_000);
    const [late, onTime] = simulatedBudgets(2, { seed: 35, offset: 80 });
    const items = [{ ...late!, updatedAt: new Date(receivedAt.getTime() + 30 * 60_000).toISOString() }, onTime];
    const batch = await storedBatch(JSON.stringify({ items }), receivedAt);
    await ingestBatch({ batchId: batch.id }, context(0, 3));
    await batch.reload();
    expect(batch).toMatchObject({ state: 'done', appliedCount: 1, lastError: null });
    expect(batch.errors()).toEqual([{ index: 0, errors: [{ field: 'updatedAt', message: expect.stringContaining('5 分钟') }] }]);
    expect(await IntegrationBudget.count({ where: { budgetLineId: late!.budgetLineId } })).toBe(0);
  });
});

describe('the inbox sweeper', () => {
  it('queues a batch that was stored but never queued, and leaves fresh or retried ones alone', async () => {
    const items = simulatedBudgets(2, { seed: 41, offset: 50 });
    const stranded = await storedBatch(JSON.stringify({ items }), new Date(Date.now() - 5 * 60_000));
    const fresh = await storedBatch(JSON.stringify({ items: simulatedBudgets(1, { seed: 42, offset: 90 }) }));
    const retrying = await storedBatch(null, new Date(Date.now() - 5 * 60_000));
    await retrying.update({ attempts: 1 });
    // Just received, but the web said it could not queue it: no add of the web's can still be on its way.
    const unqueued = await storedBatch(JSON.stringify({ items: simulatedBudgets(1, { seed: 43, offset: 95 }) }));
    await unqueued.update({ lastError: BATCH_AWAITING_QUEUE });
    const queue = new InlineJobQueue('test-database', processorFor);
    expect(await requeueStrandedBatches(queue)).toBe(2);
    await queue.drain();
    expect((await stranded.reload()).state).toBe('done');
    expect(await unqueued.reload()).toMatchObject({ state: 'done', lastError: null });
    expect((await fresh.reload()).state).toBe('received');
    expect((await retrying.reload()).state).toBe('received');
    expect(await IntegrationBudget.count({ where: { budgetLineId: items.map((i) => i.budgetLineId) } })).toBe(2);
  });
});

describe('applyChunk: one upsert that compares versions itself', () => {
  it('inserts a new key, overwrites only with a strictly newer item, and leaves what the upsert may not touch', async () => {
    const [line] = simulatedBudgets(1, { seed: 47, offset: 700_000 });
    const at = (time: string, amount: string) => [{ index: 0, item: { ...line!, updatedAt: time, amount } }];
    expect(await applyChunk('budgets', at('2026-11-20T10:00:00.250+08:00', '100.00'))).toMatchObject({ applied: 1, unchanged: 0 });
    const stored = (await IntegrationBudget.findOne({ where: { budgetLineId: line!.budgetLineId } }))!;
    expect(Number(stored.amount)).toBe(100);
    expect(stored).toMatchObject({ matchStatus: 'unmatched', version: 0 });
    expect(stored.createdAt).toBeInstanceOf(Date);
    await stored.update({ matchStatus: 'matched' });
    const cases: Array<[string, string, string, number]> = [
      ['the same time (a re-send)', '2026-11-20T10:00:00.250+08:00', '200.00', 0],
      ['a millisecond older', '2026-11-20T10:00:00.249+08:00', '300.00', 0],
      ['an hour older, written in another zone', '2026-11-20T01:00:00.250Z', '400.00', 0],
      ['a millisecond newer', '2026-11-20T10:00:00.251+08:00', '500.00', 1],
    ];
    for (const [, time, amount, applied] of cases) {
      expect(await applyChunk('budgets', at(time, amount))).toMatchObject({ applied, unchanged: 1 - applied });
    }
    await stored.reload();
    expect(Number(stored.amount)).toBe(500);
    expect(stored.sourceUpdatedAt.toISOString()).toBe('2026-11-20T02:00:00.251Z');
    expect(stored.matchStatus).toBe('matched');
  });

  it('two chunks on the same keys, in opposite orders and at once, both finish and the newer item of each key wins', async () => {
    const lines = simulatedBudgets(2000, { seed: 53, offset: 710_000 });
    const older = lines.map((line, index) => ({ index, item: { ...line, updatedAt: '2026-11-21T10:00:00.000+08:00', amount: '1.00' } }));
    const newer = lines
      .map((line, index) => ({ index, item: { ...line, updatedAt: '2026-11-21T10:00:00.001+08:00', amount: '2.00' } }))
      .reverse();
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.all([applyChunk('budgets', older), applyChunk('budgets', newer)]);
      // Whichever ran first inserted; the newer one overwrote or inserted; the older one never overwrote.
      expect(outcomes.map((o) => o.errors)).toEqual([[], []]);
      if (round === 0) expect(outcomes[0]!.applied + outcomes[1]!.applied).toBeGreaterThanOrEqual(2000);
      else expect(outcomes.map((o) => o.applied)).toEqual([0, 0]);
    }
    const stored = await IntegrationBudget.findAll({ where: { budgetLineId: lines.map((l) => l.budgetLineId) } });
    expect(stored).toHaveLength(2000);
    expect(new Set(stored.map((b) => Number(b.amount)))).toEqual(new Set([2]));
  });

  it('a chunk larger than one statement may bind (SQLite 32,766 values, PostgreSQL 65,535) is written whole', async () => {
    const lines = simulatedBudgets(5000, { seed: 59, offset: 720_000 }).map((item, index) => ({ index, item }));
    expect(await applyChunk('budgets', lines)).toMatchObject({ applied: 5000, unchanged: 0, errors: [] });
    expect(await applyChunk('budgets', lines)).toMatchObject({ applied: 0, unchanged: 5000 });
    expect(await IntegrationBudget.count({ where: { budgetLineId: lines.map((l) => l.item.budgetLineId) } })).toBe(5000);
  });

  it('values are bound, never written into the statement: quotes, backslashes and placeholders arrive as sent', async () => {
    const [line] = simulatedBudgets(1, { seed: 61, offset: 730_000 });
    // PostgreSQL cannot store a NUL in text at all (validation refuses it before); SQLite can once it is bound,
    // where written into the statement it ended the SQL text ("unrecognized token").
    const nul = sequelize.getDialect() === 'sqlite' ? '\u0000' : '';
    const projectName = `O'Brien "项目" \\' $1 ? :name ${nul}-- ;`;
    expect(
      await applyChunk('budgets', [{ index: 0, item: { ...line!, projectName, unitName: "单位'); DELETE FROM integration_budgets; --" } }]),
    ).toMatchObject({ applied: 1, errors: [] });
    expect(await IntegrationBudget.findOne({ where: { budgetLineId: line!.budgetLineId }, raw: true })).toMatchObject({
      projectName,
      unitName: "单位'); DELETE FROM integration_budgets; --",
    });
  });

  (onSqlite ? it : it.skip)('on SQLite every column is stored in the form `create` stores it (a date as its UTC text)', async () => {
    const [bound, created] = simulatedBudgets(2, { seed: 67, offset: 740_000 });
    await applyChunk('budgets', [{ index: 0, item: bound! }]);
    await IntegrationBudget.create({ ...created!, sourceUpdatedAt: new Date(created!.updatedAt) } as never);
    const columns = Object.values(IntegrationBudget.getAttributes()).map((a) => a.field!);
    const stored = (await sequelize.query(
      `SELECT ${columns.map((c) => `typeof(${c}) AS ${c}`).join(', ')}, source_updated_at AS version FROM integration_budgets WHERE budget_line_id IN (:ids) ORDER BY budget_line_id`,
      { replacements: { ids: [bound!.budgetLineId, created!.budgetLineId] }, type: QueryTypes.SELECT },
    )) as Array<Record<string, string>>;
    const [a, b] = stored.map(({ version, ...types }) => ({ types, version }));
    expect(a!.types).toEqual(b!.types);
    expect(a!.version).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \+00:00$/);
    expect(b!.version).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \+00:00$/);
  });
});
