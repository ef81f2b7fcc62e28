import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { readChainHead } from '../../db/audit-chain-head.js';
import { AuditLog, initModels } from '../../db/models.js';
import { GENESIS_HASH } from '../../domain/audit-chain.js';
import { pruneAuditLog } from '../../jobs/maintenance/prune-audit-log.js';
import { pruneAuditLogJob } from '../../jobs/processors/prune-audit-log.processor.js';
import { createMigrator, migrateToLatest } from '../../migrations/migrator.js';
import { recordAudits, type AuditEntry } from '../../services/audit.js';
import { verifyAuditChain } from '../../services/audit-verify.js';
import { withoutAuditGuards } from '../support/audit-guards.js';
import { freshDatabaseUrl } from '../support/test-app.js';

/**
 * The chain on a database of its own, on the run's engine: the rows a database had before migration 0017 are chained
 * in the order they were written, and the daily pruning removes only rows past their retention, keeps the chain
 * checkable from the first kept row, records itself in it, and stops before a row that does not verify.
 */
jest.setTimeout(120_000);

let sequelize: Sequelize;
beforeAll(async () => {
  sequelize = createSequelize(await freshDatabaseUrl());
  initModels(sequelize);
});
afterAll(async () => {
  await sequelize?.close();
});

const DAY = 24 * 3600_000;
const system = { id: null, username: 'system', role: 'system', regionCode: null };
const entry = (recordId: string, at: Date): AuditEntry => ({ user: system, action: 'edit', resourceId: 'Region', recordId, at });
const count = async () =>
  Number((await sequelize.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_logs', { type: QueryTypes.SELECT }))[0]!.n);

describe('migration 0017 chains the trail a database already has', () => {
  it('in the order the rows were written, and the chain then verifies', async () => {
    await createMigrator(sequelize).up({ to: '0014-text-filter-indexes' });
    // Written by the previous release: out of time order on purpose (a demo's history is written at its own dates).
    for (const [i, day] of [3, 1, 2].entries())
      await sequelize.query(
        `INSERT INTO audit_logs (actor_username, actor_role, action, resource_id, record_id, changes, reason, created_at)
         VALUES ('admin', 'admin', 'edit', 'Region', :recordId, :changes, :reason, :at)`,
        {
          replacements: {
            recordId: `old-${i}`,
            changes: i === 1 ? JSON.stringify({ name: { before: '甲', after: '乙' } }) : null,
            reason: i === 2 ? '旧版本写的原因' : null,
            at: new Date(Date.now() - day * DAY),
          },
        },
      );
    await migrateToLatest(sequelize);
    const rows = await AuditLog.findAll({ order: [['id', 'ASC']] });
    expect(rows.map((r) => [r.recordId, r.seq])).toEqual([
      ['old-0', 1],
      ['old-1', 2],
      ['old-2', 3],
    ]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    const result = await verifyAuditChain(sequelize);
    expect(result).toMatchObject({ intact: true, checkedRows: 3, firstSeq: 1, lastSeq: 3 });
    // The product's rows follow them.
    await recordAudits([entry('new-0', new Date())]);
    expect(await AuditLog.count({ where: { seq: 4, prevHash: rows[2]!.hash } })).toBe(1);
    expect((await verifyAuditChain(sequelize)).intact).toBe(true);
  });
});

describe('pruning past the retention', () => {
  it('removes only a start of the chain: behind young rows, rows past the retention wait their turn', async () => {
    const now = new Date();
    const before = await count();
    await recordAudits(Array.from({ length: 30 }, (_, i) => entry(`aged-${i}`, new Date(now.getTime() - (300 - i) * DAY))));
    await recordAudits([entry('young-0', new Date(now.getTime() - 170 * DAY))]);
    // Older than the retention but after a young row in the chain: kept, so what is removed is always a start of the chain.
    await recordAudits([entry('aged-after-young', new Date(now.getTime() - 250 * DAY))]);
    const head = (await readChainHead(sequelize))!;

    // The job as the scheduler runs it (its clock fixed to the test's).
    const job = { id: 'prune', name: 'pruneAuditLog', attemptsMade: 0, maxAttempts: 1, updateProgress: async () => undefined };
    const result = await pruneAuditLogJob({ now: now.toISOString() }, job);
    // The four rows of the migration's test are young (days old) and come first: nothing after them may go before them.
    expect(result).toEqual({ auditRowsPruned: 0, auditPruneHeldAt: null });
    expect(await count()).toBe(before + 32);
    expect(head.lastSeq).toBe(before + 32);
  });

  it('on a trail whose start is old: the start goes, the chain verifies from the first kept row', async () => {
    const fresh = createSequelize(await freshDatabaseUrl());
    initModels(fresh);
    try {
      await migrateToLatest(fresh);
      const now = new Date();
      await recordAudits(Array.from({ length: 30 }, (_, i) => entry(`aged-${i}`, new Date(now.getTime() - (300 - i) * DAY))));
      await recordAudits([entry('young-0', new Date(now.getTime() - 100 * DAY))]);
      await recordAudits([entry('aged-after-young', new Date(now.getTime() - 250 * DAY))]);
      const lastAged = (await AuditLog.findOne({ where: { recordId: 'aged-29' } }))!;

      expect(await pruneAuditLog(now)).toEqual({ auditRowsPruned: 30, auditPruneHeldAt: null });
      expect(await AuditLog.count({ where: { recordId: 'aged-0' } })).toBe(0);
      expect(await AuditLog.count({ where: { recordId: ['young-0', 'aged-after-young'] } })).toBe(2);
      const [pruned] = await AuditLog.findAll({ where: { action: 'auditPruned' } });
      expect(pruned).toMatchObject({ actorUsername: 'system', resourceId: 'AuditLog', seq: 33 });
      expect(JSON.parse(pruned!.changes!)).toMatchObject({
        prunedFrom: { after: 1 },
        prunedThrough: { after: 30 },
        prunedRows: { after: 30 },
        lastPrunedHash: { after: lastAged.hash },
      });
      expect(pruned!.reason).toMatch(/保存期限 184 天（网络安全法第二十一条/);
      expect(await readChainHead(fresh)).toMatchObject({ prunedThrough: 30, prunedLastHash: lastAged.hash, lastSeq: 33 });
      const verified = await verifyAuditChain(fresh);
      expect(verified).toMatchObject({ intact: true, firstSeq: 31, lastSeq: 33, prunedThrough: 30, checkedRows: 3 });
      // A second run finds nothing more to remove and records nothing.
      expect(await pruneAuditLog(now)).toEqual({ auditRowsPruned: 0, auditPruneHeldAt: null });
      expect(await AuditLog.count({ where: { action: 'auditPruned' } })).toBe(1);
      // Deleting the first kept row now shows, though older rows were pruned before it.
      await withoutAuditGuards(fresh, () => fresh.query(`DELETE FROM audit_logs WHERE seq = 31`));
      expect((await verifyAuditChain(fresh)).breaks).toEqual([expect.objectContaining({ kind: 'deleted', fromSeq: 31, toSeq: 31 })]);
    } finally {
      await fresh.close();
      initModels(sequelize);
    }
  });

  it('never removes a row that does not verify, nor what follows it: the evidence stays', async () => {
    const fresh = createSequelize(await freshDatabaseUrl());
    initModels(fresh);
    try {
      await migrateToLatest(fresh);
      const now = new Date();
      await recordAudits(Array.from({ length: 10 }, (_, i) => entry(`aged-${i}`, new Date(now.getTime() - (300 - i) * DAY))));
      await withoutAuditGuards(fresh, () => fresh.query(`UPDATE audit_logs SET reason = '事后改的' WHERE seq = 6`));
      expect(await pruneAuditLog(now)).toEqual({ auditRowsPruned: 5, auditPruneHeldAt: 6 });
      expect((await AuditLog.findAll({ order: [['seq', 'ASC']] })).map((r) => r.seq)).toEqual([6, 7, 8, 9, 10, 11]);
      const verified = await verifyAuditChain(fresh);
      expect(verified.breaks).toEqual([expect.objectContaining({ kind: 'changed', seq: 6 })]);
    } finally {
      await fresh.close();
      initModels(sequelize);
    }
  });

  it('the database itself refuses to delete a row younger than 180 days, whoever asks', async () => {
    const young = (await AuditLog.findOne({ where: { recordId: 'young-0' } }))!;
    const refused = await sequelize.query('DELETE FROM audit_logs WHERE id = :id', { replacements: { id: young.id } }).then(
      () => 'deleted',
      (error: { original?: Error; message: string }) => error.original?.message ?? error.message,
    );
    expect(refused).toMatch(/未满 180 天/);
    expect(await AuditLog.count({ where: { id: young.id } })).toBe(1);
  });
});

describe('migration 0017 undone and done again', () => {
  it('drops the chain, its head and the guards, and chains the trail again from the start', async () => {
    const fresh = createSequelize(await freshDatabaseUrl());
    initModels(fresh);
    try {
      await migrateToLatest(fresh);
      await recordAudits([entry('before-undo', new Date())]);
      await createMigrator(fresh).down({ to: '0017-audit-chain' });
      expect(await fresh.getQueryInterface().tableExists('audit_chain_head')).toBe(false);
      // Without the guards the old release may change its rows again.
      await fresh.query(`UPDATE audit_logs SET reason = '旧版本改的' WHERE record_id = 'before-undo'`);
      await migrateToLatest(fresh);
      const result = await verifyAuditChain(fresh);
      expect(result).toMatchObject({ intact: true, checkedRows: 1, firstSeq: 1, lastSeq: 1 });
    } finally {
      await fresh.close();
      initModels(sequelize);
    }
  });
});
