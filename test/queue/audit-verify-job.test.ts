import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { AuditLog, AuditVerification, initModels } from '../../db/models.js';
import { runAuditTrailCheck } from '../../jobs/maintenance/verify-audit-trail.js';
import { verifyAuditChainJob } from '../../jobs/processors/verify-audit-chain.processor.js';
import { migrateToLatest } from '../../migrations/migrator.js';
import { recordAudits, type AuditEntry } from '../../services/audit.js';
import { askForCheck, CHECK_FAILED } from '../../services/audit-verifications.js';
import { verifyAuditChain } from '../../services/audit-verify.js';
import { logger } from '../../settings/logger.js';
import { freshDatabaseUrl } from '../support/test-app.js';

/**
 * 校验完整性 as a job on a database of its own, on the run's engine: its progress is written to its row page by page
 * (at most about once a second) up to the rows the check reads, and a check that cannot finish says so in a fixed
 * sentence, the driver's words going to the log only.
 */
jest.setTimeout(120_000);

let sequelize: Sequelize;
beforeAll(async () => {
  sequelize = createSequelize(await freshDatabaseUrl());
  initModels(sequelize);
  await migrateToLatest(sequelize);
  const system = { id: null, username: 'system', role: 'system', regionCode: null };
  const rows = (from: number): AuditEntry[] =>
    Array.from({ length: 1000 }, (_, i) => ({ user: system, action: 'edit', resourceId: 'Region', recordId: `r${from + i}` }));
  // Two pages of the check and a part of a third.
  for (let from = 0; from < 11_500; from += 1000) await sequelize.transaction((t) => recordAudits(rows(from), t));
});
afterAll(async () => {
  await sequelize?.close();
});

const job = (attemptsMade = 0) => ({
  id: 'audit-verify-test',
  name: 'verifyAuditChain',
  attemptsMade,
  maxAttempts: 2,
  updateProgress: async () => undefined,
});

describe('the check reports its progress', () => {
  it('verifyAuditChain says, after each page, the rows checked so far out of every row of its snapshot', async () => {
    const calls: Array<[number, number]> = [];
    const result = await verifyAuditChain(sequelize, { onProgress: (checked, total) => void calls.push([checked, total]) });
    const total = await AuditLog.count();
    expect(total).toBeGreaterThan(11_000);
    expect(result.checkedRows).toBe(total);
    expect(calls).toEqual([
      [0, total],
      [5000, total],
      [10_000, total],
      [total, total],
    ]);
  });

  it("the job writes each page's progress to the check's row, and the row reaches the total with the result", async () => {
    const { check } = await askForCheck(null);
    const stored: Array<[number, number | null, string]> = [];
    const done = await runAuditTrailCheck(check.id, {
      progressEveryMs: 0,
      onProgress: async () => {
        const row = (await AuditVerification.findByPk(check.id))!;
        stored.push([row.checkedRows, row.totalRows, row.state]);
      },
    });
    const total = await AuditLog.count();
    // The audit row of the check itself is written after the check read the trail.
    expect(done).toEqual({ checkedRows: total - 1, breakCount: 0 });
    expect(stored).toEqual([
      [0, total - 1, 'running'],
      [5000, total - 1, 'running'],
      [10_000, total - 1, 'running'],
      [total - 1, total - 1, 'running'],
    ]);
    await check.reload();
    expect(check).toMatchObject({ state: 'done', checkedRows: total - 1, totalRows: total - 1 });
    expect(JSON.parse(check.result!)).toMatchObject({ intact: true, breakCount: 0, breaks: [], checkedRows: total - 1 });
    expect(check.startedAt).not.toBeNull();
    expect(check.finishedAt).not.toBeNull();
  });

  it('at most once per interval (a second unless told): a check quicker than that writes its progress once, then its result', async () => {
    const { check } = await askForCheck(null);
    const writes: number[] = [];
    await runAuditTrailCheck(check.id, { progressEveryMs: 60_000, onProgress: async (checked) => void writes.push(checked) });
    expect(writes).toEqual([0]);
    await check.reload();
    expect(check.state).toBe('done');
    expect(check.checkedRows).toBe(check.totalRows);
  });

  it('a check that has finished is not run again by a late copy of its job', async () => {
    const [finished] = await AuditVerification.findAll({ where: { state: 'done' }, limit: 1 });
    const before = await AuditLog.count({ where: { action: 'auditChainVerified' } });
    expect(await runAuditTrailCheck(finished!.id)).toBeNull();
    expect(await AuditLog.count({ where: { action: 'auditChainVerified' } })).toBe(before);
  });
});

describe('a check that cannot finish', () => {
  it('is failed with a fixed sentence after its last attempt; the error goes to the log', async () => {
    const { check } = await askForCheck(null);
    const logged = jest.spyOn(logger, 'error');
    // The head out of the way: the check's first statement fails as a database failure would.
    await sequelize.query('ALTER TABLE audit_chain_head RENAME TO audit_chain_head_away');
    try {
      await expect(verifyAuditChainJob({ verificationId: check.id }, job(0))).rejects.toThrow();
      await check.reload();
      // Not the last attempt: the check is still under way, for the next attempt to take over.
      expect(check.state).toBe('running');
      await expect(verifyAuditChainJob({ verificationId: check.id }, job(1))).rejects.toThrow(/audit_chain_head/);
    } finally {
      await sequelize.query('ALTER TABLE audit_chain_head_away RENAME TO audit_chain_head');
    }
    const failures = logged.mock.calls.filter(([fields]) => (fields as { verificationId?: string }).verificationId === check.id);
    logged.mockRestore();
    await check.reload();
    expect(check.state).toBe('failed');
    expect(JSON.parse(check.result!)).toEqual({ error: CHECK_FAILED });
    expect(check.result).not.toMatch(/audit_chain_head|relation|table/i);
    expect(check.finishedAt).not.toBeNull();
    expect(failures).toHaveLength(1);
    expect(String((failures[0]![0] as { err: Error }).err.message)).toMatch(/audit_chain_head/);
  });

  it('the nightly run that failed is taken over by its next attempt, which finishes it', async () => {
    const { check } = await askForCheck(null);
    await AuditVerification.update({ state: 'running' }, { where: { id: check.id } });
    // An attempt of the nightly schedule names no check: it takes the system's check still under way.
    await verifyAuditChainJob({}, job(1));
    await check.reload();
    expect(check.state).toBe('done');
    expect(await AuditVerification.count({ where: { askedById: null, state: ['queued', 'running'] } })).toBe(0);
  });

  it('a check lost for more than an hour no longer holds the next one back, and is said to have failed', async () => {
    const { check: lost } = await askForCheck(null);
    await sequelize.query('UPDATE audit_verifications SET created_at = :at WHERE id = :id', {
      replacements: { at: new Date(Date.now() - 2 * 3600_000), id: lost.id },
    });
    const { check: next, created } = await askForCheck(null);
    expect(created).toBe(true);
    expect(next.id).not.toBe(lost.id);
    await lost.reload();
    expect(lost.state).toBe('failed');
    expect(JSON.parse(lost.result!)).toEqual({ error: CHECK_FAILED });
    await AuditVerification.update({ state: 'failed' }, { where: { id: next.id } });
  });
});
