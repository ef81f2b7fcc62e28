import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Queue } from 'bullmq';
import { Op } from 'sequelize';
import { queuePrefixOf } from '../../queue/job-identity.js';
import { QUEUES } from '../../queue/queue-names.js';
import { SCHEDULE_ASSERT_MS } from '../../queue/schedules.js';
import { createRedis } from '../../queue/redis-connection.js';
import { BATCH_AWAITING_QUEUE } from '../../db/models/integration/integration-inbox.model.js';
import { AWAITING_QUEUE } from '../../resources/filings/contract-filing.resource.js';
import { ContractFiling, IntegrationInbox, PaymentMiddleRecord } from '../../db/models.js';
import { databaseInstanceId } from '../../db/database-instance.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { killRedis, redisPort, startRedis } from '../support/own-redis.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { until } from '../support/until.js';
import { hasExited, startWorker, stopProcesses } from '../support/worker-process.js';
import { seedPushableFilings } from '../support/pushable-filings.js';
import { needs } from '../support/requires.js';

/**
 * F8 (issue #23 items 2 and 5): our own Redis goes away while supervisors work, then comes back empty. Nothing waits
 * on it: /readyz, the dashboard, lists and the 一体化 API answer at once; a push that cannot be queued says so and goes
 * out by itself once Redis is back, as does the batch; the workers put the job schedules back.
 */
const COUNT = 20;
const LIKE = { [Op.like]: 'HT-F8-%' };
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
jest.setTimeout(300_000);
// Redis's outage, not the database's: run where production runs, on PostgreSQL (the SQLite pass shows it skipped).
const drill = await needs('F8 Redis 中断演练', 'postgres', 'own-redis');

const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
};

drill.describe('F8: Redis away, then back empty', () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const prefix = `f8-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    port = await redisPort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', REDIS_URL: url, QUEUE_PREFIX: prefix });
    worker = await startWorker({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      REDIS_URL: url,
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: '2000',
    });
    await seedPushableFilings('HT-F8-', COUNT, 'Redis 中断演练合同');
  });

  afterAll(async () => {
    await stopProcesses([worker]);
    await app?.stop().catch(() => undefined);
    if (redis && !hasExited(redis)) await killRedis(redis);
  });

  it('serves without Redis, keeps what it accepted, and sends it once Redis is back without anyone clicking again', async () => {
    await killRedis(redis!);

    const ready = await timed(() => fetch(`${app.url}/readyz`));
    expect(ready.result.status).toBe(503);
    expect(ready.ms).toBeLessThan(1000);
    expect(((await ready.result.json()) as { checks: { queue: unknown } }).checks.queue).toEqual({ ok: false, detail: 'Redis 不可用' });

    const county = await login(app.url, 'nanchangxian');
    const dashboard = await timed(() => county.get('/admin/api/dashboard'));
    expect(dashboard.result.status).toBe(200);
    expect(dashboard.ms).toBeLessThan(3000);
    expect(dashboard.result.body.queue).toMatchObject({ ok: false, detail: 'Redis 不可用' });
    const list = await timed(() => county.get(api.list('ContractFiling')));
    expect(list.result.status).toBe(200);
    expect(list.result.body.records.length).toBeGreaterThan(0);

    const batch = await timed(() => postBatch(app.url, platform, 'budgets', simulatedBudgets(5, { seed: 808, offset: 808_000 })));
    expect(batch.result.status).toBe(202);
    expect(batch.ms).toBeLessThan(4000);
    const batchId = batch.result.body.batchId as string;
    // Stored, and marked so that the first maintenance round after Redis' return queues it, not one a minute later.
    expect((await IntegrationInbox.findByPk(batchId))!.lastError).toBe(BATCH_AWAITING_QUEUE);

    const filings = await ContractFiling.findAll({ where: { contractNo: LIKE }, attributes: ['id'] });
    expect(filings).toHaveLength(COUNT);
    const push = await timed(() =>
      county.post(
        api.bulk(
          'ManualPushFiling',
          filings.map((f) => f.id),
          'pushToIntegrationBulk',
        ),
        {},
      ),
    );
    expect(push.ms).toBeLessThan(10_000);
    expect(push.result.body.done).toHaveLength(COUNT);
    expect(push.result.body.notice.message).toContain('队列恢复后自动推送');
    const waiting = await ContractFiling.findAll({ where: { contractNo: LIKE } });
    expect(waiting).toHaveLength(COUNT);
    for (const filing of waiting) {
      expect(filing.pushStatus).toBe('queued');
      expect(filing.lastPushError).toBe(AWAITING_QUEUE);
    }
    // The show page says why it waits.
    const shown = await county.get(api.show('ManualPushFiling', waiting[0]!.id));
    expect(JSON.stringify(shown.body)).toContain('队列恢复后自动推送');

    // Back, and empty: the workers reconnect, put the schedules back, and the maintenance run sends what waited.
    redis = await startRedis(port);
    await until(
      async () => (await ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'pushed' } })) === COUNT,
      200_000,
      '恢复后自动推送',
    );
    const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: LIKE } });
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((r) => r.sourceFilingId)).size).toBe(COUNT);
    const settled = await ContractFiling.findAll({ where: { contractNo: LIKE } });
    expect(settled).toHaveLength(COUNT);
    for (const filing of settled) expect(filing.lastPushError).toBeNull();
    await until(async () => (await IntegrationInbox.findByPk(batchId))!.state === 'done', 120_000, '批次处理');

    const connection = createRedis(`redis://127.0.0.1:${port}`);
    const maintenance = new Queue(QUEUES.maintenance, {
      connection,
      prefix: queuePrefixOf(prefix, await databaseInstanceId(ContractFiling.sequelize!)),
    });
    try {
      // Asserted the moment Redis is back, again within seconds when that fails, and in any case every minute.
      const back = Date.now();
      const registered = async () => (await maintenance.getJobSchedulers()).map((s) => s.key);
      await until(async () => (await registered()).length >= 2, SCHEDULE_ASSERT_MS + 10_000, '任务计划恢复');
      const waited = Date.now() - back;
      if (waited > 1000) console.info(`F8: the schedules were back ${waited} ms after the batch was done`);
      const keys = await registered();
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(keys.some((k) => k.startsWith('daily-deadlines@'))).toBe(true);
      expect(keys.some((k) => k.startsWith('maintenance@'))).toBe(true);
    } finally {
      await maintenance.close();
      connection.disconnect();
    }
    const again = await timed(() => fetch(`${app.url}/readyz`));
    expect(again.result.status).toBe(200);
  });
});
