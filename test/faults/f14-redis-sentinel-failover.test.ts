import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Op } from 'sequelize';
import { ContractFiling, IntegrationBudget, IntegrationInbox, PaymentMiddleRecord } from '../../db/models.js';
import { requeueStrandedBatches, requeueStrandedPushes } from '../../jobs/maintenance/requeue-stranded.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch, type ApiAnswer } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { killRedis } from '../support/own-redis.js';
import { startSentinelGroup, type SentinelGroup } from '../support/own-redis-ha.js';
import { seedPushableFilings } from '../support/pushable-filings.js';
import { needs } from '../support/requires.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';
import { until } from '../support/until.js';
import { hasExited, startWorker, stopProcesses } from '../support/worker-process.js';

/**
 * F14 (issue #27 item 1): Redis behind Sentinel — a master, a replica and three Sentinels of the test's own; web and
 * worker are given REDIS_SENTINELS, not an address. The master is SIGKILLed while batches are being applied and a bulk
 * push is going out, and more of both arrive during the failover. The Sentinels promote the replica; the same web and
 * worker carry on against it, and the maintenance job's re-queue (run here at once instead of after its delays) sends
 * again what the failover lost: writes the master acknowledged but had not yet passed to the replica.
 */
const BATCHES = 6;
const BATCH_SIZE = 1000;
const FILINGS = 1000;
const LIKE = { [Op.like]: 'HT-F14-%' };
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
const itemsOf = (b: number) => simulatedBudgets(BATCH_SIZE, { seed: 1400 + b, offset: 1_400_000 + b * BATCH_SIZE });
jest.setTimeout(180_000);
const drill = await needs('F14 Redis Sentinel 主从切换演练', 'postgres', 'own-redis');

drill.describe('F14: the Redis master killed, Sentinel promotes its replica', () => {
  let group: SentinelGroup | undefined;
  let worker: ChildProcess | undefined;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const prefix = `f14-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    group = await startSentinelGroup(`f14-${randomUUID().slice(0, 4)}`);
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', ...group.env, QUEUE_PREFIX: prefix });
    worker = await startWorker({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      ...group.env,
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: '2000',
    });
    await seedPushableFilings('HT-F14-', FILINGS, 'Sentinel 切换演练合同');
  });

  afterAll(async () => {
    await stopProcesses([worker]);
    await app?.stop().catch(() => undefined);
    await group?.stop();
  });

  /**
   * As the platform does: a batch refused (5xx) is sent again as it was, signature and all; one that had been stored
   * after all is answered 409 with its id, so a batch is never taken twice.
   */
  const send = async (b: number): Promise<string> => {
    const timestamp = Math.floor(Date.now() / 1000);
    let answer: ApiAnswer | undefined;
    for (let attempt = 0; attempt < 10; attempt++) {
      answer = await postBatch(app.url, platform, 'budgets', itemsOf(b), timestamp);
      if (answer.status === 202 || answer.body?.code === 'duplicate_signature') return answer.body.batchId as string;
      if (answer.status < 500) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error(`batch ${b} refused: ${answer?.status} ${JSON.stringify(answer?.body)}`);
  };
  const pushAll = async (client: Client, ids: number[]) => {
    const { body } = await client.post(api.bulk('ManualPushFiling', ids, 'pushToIntegrationBulk'), {});
    expect(body.done).toHaveLength(ids.length);
  };

  it('every accepted batch is applied once and every filing pushed once, by the same web and worker', async () => {
    const filings = (await ContractFiling.findAll({ where: { contractNo: LIKE }, attributes: ['id'], order: [['id', 'ASC']] })).map(
      (f) => f.id,
    );
    expect(filings).toHaveLength(FILINGS);
    const county = await login(app.url, 'nanchangxian');
    await pushAll(county, filings.slice(0, FILINGS / 2));
    const batches: string[] = [];
    for (let b = 0; b < BATCHES / 2; b++) batches.push(await send(b));

    await killRedis(group!.master);
    const inFlight = {
      batches: await IntegrationInbox.count({ where: { id: batches, state: { [Op.ne]: 'done' } } }),
      pushes: await ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'queued' } }),
    };
    const killedAt = Date.now();
    // Work that arrives while there is no master: stored, answered, queued once a master is there.
    for (let b = BATCHES / 2; b < BATCHES; b++) batches.push(await send(b));
    await pushAll(county, filings.slice(FILINGS / 2));

    await until(async () => (await group!.currentMasterPort()) === group!.replicaPort, 30_000, 'Sentinel 提升副本');
    const failoverMs = Date.now() - killedAt;
    let rounds = 0;
    await until(
      async () => {
        rounds++;
        await requeueStrandedBatches(app.queue, { strandedMs: 0, staleMs: 0 }).catch(() => 0);
        await requeueStrandedPushes(app.queue, 0).catch(() => 0);
        const done = await IntegrationInbox.count({ where: { id: batches, state: 'done' } });
        const pushed = await ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'pushed' } });
        return done === BATCHES && pushed === FILINGS;
      },
      60_000,
      '切换后批次处理完、合同推送完',
    );
    console.log(
      `F14: in flight at the kill ${JSON.stringify(inFlight)}; replica promoted after ${failoverMs} ms; ` +
        `all done after ${rounds} re-queue rounds, ${Date.now() - killedAt} ms`,
    );
    expect(inFlight.batches).toBeGreaterThan(0);
    expect(inFlight.pushes).toBeGreaterThan(0);

    const ids = Array.from({ length: BATCHES }, (_, b) => itemsOf(b).map((i) => i.budgetLineId)).flat();
    expect(await IntegrationBudget.count({ where: { budgetLineId: ids } })).toBe(BATCHES * BATCH_SIZE);
    const inbox = await IntegrationInbox.findAll({ where: { id: batches } });
    expect(inbox).toHaveLength(BATCHES);
    for (const batch of inbox) {
      expect(batch.state).toBe('done');
      expect(batch.appliedCount + batch.unchangedCount).toBe(BATCH_SIZE);
      expect(batch.failedCount).toBe(0);
    }

    const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: LIKE } });
    expect(rows).toHaveLength(FILINGS);
    expect(new Set(rows.map((r) => r.sourceFilingId)).size).toBe(FILINGS);
    const written = new Map(rows.map((r) => [r.sourceFilingId, r.sourceVersion]));
    for (const filing of await ContractFiling.findAll({ where: { contractNo: LIKE } })) {
      expect(filing.lastPushError).toBeNull();
      expect(written.get(filing.id)).toBe(filing.version);
    }

    // No restart: the web answers ready against the new master, the worker never stopped.
    await until(async () => (await fetch(`${app.url}/readyz`)).status === 200, 10_000, 'readyz');
    expect(hasExited(worker!)).toBe(false);
  });
});
