import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { maintenanceJob } from '../../jobs/processors/maintenance.processor.js';
import { SCHEDULES } from '../../queue/schedules.js';
import { DataExport, ExportFileChunk, IntegrationInbox, IntegrationInboxPayload, LoginAttempt } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { drainJobs, startTestApp } from '../support/test-app.js';

const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };

const DAY = 24 * 3600_000;
const job = { id: 'maintenance-test', name: 'maintenance', attemptsMade: 0, maxAttempts: 1, updateProgress: async () => undefined };

/** Issue #23 item 5: the minute's maintenance job re-queues what the database says is unfinished and prunes what only grows. */
describe('the maintenance job', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("is scheduled every minute, and daily for deadlines, the audit trail's check, the red-flag rules and its rows past their retention, each once per cluster", () => {
    expect(SCHEDULES.map((s) => s.repeat.key)).toEqual([
      'daily-deadlines',
      'daily-audit-verify',
      'nightly-risk',
      'daily-audit-prune',
      'maintenance',
    ]);
    // Every rule over everything, at night after the audit check, before the offices open.
    expect(SCHEDULES.find((s) => s.repeat.key === 'nightly-risk')).toMatchObject({
      queue: 'maintenance',
      name: 'evaluateRisk',
      repeat: { pattern: '0 0 4 * * *' },
    });
    // The nightly check of the chain runs before the pruning moves its start.
    expect(SCHEDULES.find((s) => s.repeat.key === 'daily-audit-verify')).toMatchObject({
      queue: 'maintenance',
      name: 'verifyAuditChain',
      repeat: { pattern: '0 45 2 * * *' },
    });
    expect(SCHEDULES.find((s) => s.repeat.key === 'maintenance')!.repeat).toMatchObject({ everyMs: 60_000 });
  });

  it('prunes login attempts past 180 days, bodies of batches done 90 days ago, ended sessions and the files of expired exports', async () => {
    const now = Date.now();
    const old = await LoginAttempt.create({ username: 'prune-old', ip: '127.0.0.1', succeeded: false, outcome: 'wrongPassword' });
    await LoginAttempt.update({ createdAt: new Date(now - 181 * DAY) }, { where: { id: old.id } });
    const recent = await LoginAttempt.create({ username: 'prune-recent', ip: '127.0.0.1', succeeded: false, outcome: 'wrongPassword' });
    await LoginAttempt.update({ createdAt: new Date(now - 179 * DAY) }, { where: { id: recent.id } });

    const ids: string[] = [];
    for (let b = 0; b < 3; b++) {
      const { status, body } = await postBatch(
        app.url,
        platform,
        'budgets',
        simulatedBudgets(2, { seed: 950 + b, offset: 950_000 + b * 10 }),
      );
      expect(status).toBe(202);
      ids.push(body.batchId as string);
    }
    await drainJobs(app);
    const batches = await IntegrationInbox.findAll({ where: { id: ids, state: 'done' }, order: [['receivedAt', 'ASC']] });
    expect(batches).toHaveLength(3);
    const [doneLongAgo, doneRecently, failedLongAgo] = batches;
    await doneLongAgo!.update({ finishedAt: new Date(now - 91 * DAY) });
    await doneRecently!.update({ finishedAt: new Date(now - 89 * DAY) });
    await failedLongAgo!.update({ state: 'failed', finishedAt: new Date(now - 200 * DAY) });

    const sequelize = LoginAttempt.sequelize!;
    const [ended, live] = [randomUUID(), randomUUID()];
    await sequelize.query(
      'INSERT INTO "Sessions" (sid, expires, data, "createdAt", "updatedAt") VALUES (:ended, :past, \'{}\', :now, :now), (:live, :future, \'{}\', :now, :now)',
      {
        replacements: { ended, live, past: new Date(now - 1000), future: new Date(now + 3600_000), now: new Date() },
      },
    );

    const [expired, current, failed, expiredRunning] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const base = {
      userId: 1,
      username: 'admin',
      userRole: 'admin',
      userRegion: '360000',
      resourceId: 'ProcurementUnit',
      filters: '{}',
      attempt: 1,
    };
    await DataExport.create({ ...base, id: expired, state: 'done', chunkCount: 2, expiresAt: new Date(now - 1000) });
    await DataExport.create({ ...base, id: current, state: 'done', chunkCount: 2, expiresAt: new Date(now + 3600_000) });
    // A run that died while writing, and a failed export with what a dying run left under it.
    await DataExport.create({ ...base, id: expiredRunning, state: 'running', expiresAt: new Date(now - 1000) });
    await DataExport.create({ ...base, id: failed, state: 'failed', expiresAt: new Date(now - 1000) });
    for (const id of [expired, current, failed, expiredRunning])
      for (const seq of [0, 1]) await ExportFileChunk.create({ exportId: id, attempt: 1, seq, bytes: Buffer.from(`${id}-${seq}`) });

    const result = (await maintenanceJob({}, job)) as Record<string, number>;
    expect(result).toMatchObject({ loginAttempts: 1, inboxPayloads: 1, sessions: 1, exportFiles: 3 });
    expect(await LoginAttempt.count({ where: { id: { [Op.in]: [old.id, recent.id] } } })).toBe(1);
    expect(await LoginAttempt.findByPk(recent.id)).not.toBeNull();
    expect(await IntegrationInboxPayload.findByPk(doneLongAgo!.id)).toBeNull();
    expect(await IntegrationInboxPayload.findByPk(doneRecently!.id)).not.toBeNull();
    expect(await IntegrationInboxPayload.findByPk(failedLongAgo!.id)).not.toBeNull();
    // The batch itself is kept, with its counts: only its body went.
    expect(await IntegrationInbox.findByPk(doneLongAgo!.id)).not.toBeNull();
    const [sessions] = await sequelize.query('SELECT sid FROM "Sessions" WHERE sid IN ($1, $2)', { bind: [ended, live] });
    expect((sessions as Array<{ sid: string }>).map((s) => s.sid)).toEqual([live]);
    const left = await ExportFileChunk.findAll({ where: { exportId: [expired, current, failed, expiredRunning] } });
    expect(new Set(left.map((c) => c.exportId))).toEqual(new Set([current]));
    const states = await DataExport.findAll({ where: { id: [expired, current, failed, expiredRunning] } });
    expect(Object.fromEntries(states.map((e) => [e.id, e.state]))).toEqual({
      [expired]: 'expired',
      [expiredRunning]: 'expired',
      [current]: 'done',
      [failed]: 'failed',
    });

    // Run again: nothing left to prune.
    expect(await maintenanceJob({}, job)).toMatchObject({ loginAttempts: 0, inboxPayloads: 0, sessions: 0, exportFiles: 0 });
  });

  it('queues an export that was asked for and never ran', async () => {
    const id = randomUUID();
    await DataExport.create({
      id,
      userId: 1,
      username: 'admin',
      userRole: 'admin',
      userRegion: '360000',
      resourceId: 'Region',
      filters: '{}',
      state: 'queued',
      expiresAt: new Date(Date.now() + 3600_000),
    });
    await DataExport.sequelize!.query('UPDATE data_exports SET updated_at = :at WHERE id = :id', {
      replacements: { at: new Date(Date.now() - 11 * 60_000), id },
    });
    const result = (await maintenanceJob({}, job)) as Record<string, number>;
    expect(result.exports).toBe(1);
    await drainJobs(app);
    expect((await DataExport.findByPk(id))!.state).toBe('done');
  });
});
