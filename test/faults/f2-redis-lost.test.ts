import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Op } from 'sequelize';
import { ContractFiling, IntegrationBudget, IntegrationInbox, PaymentMiddleRecord } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { requeueStrandedBatches, requeueStrandedPushes } from '../../jobs/maintenance/requeue-stranded.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { exited, startWorker, stopProcesses } from '../support/worker-process.js';
import { until } from '../support/until.js';
import { killRedis, redisPort, startRedis } from '../support/own-redis.js';
import { seedPushableFilings } from '../support/pushable-filings.js';
import { needs } from '../support/requires.js';

jest.setTimeout(300_000);
const drill = await needs('F2 Redis 断线演练', 'own-redis');
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
drill.describe('F2: Redis lost and started again empty', () => {
  let port: number;
  let redis: ChildProcess;
  let worker: ChildProcess | undefined;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let prefix: string;

  const restartRedisEmpty = async () => {
    await killRedis(redis);
    redis = await startRedis(port);
  };

  beforeAll(async () => {
    port = await redisPort();
    redis = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    prefix = `f2-${randomUUID().slice(0, 8)}`;
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', REDIS_URL: url, QUEUE_PREFIX: prefix });
    worker = await startWorker({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      REDIS_URL: url,
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: '2000',
    });
  });

  afterAll(async () => {
    await stopProcesses([worker]);
    await app.stop().catch(() => undefined);
    await killRedis(redis);
  });

  it('every accepted batch still ends processed, none applied twice', async () => {
    const batches: string[] = [];
    for (let b = 0; b < 6; b++) {
      const { status, body } = await postBatch(
        app.url,
        platform,
        'budgets',
        simulatedBudgets(400, { seed: 70 + b, offset: 100_000 + b * 400 }),
      );
      expect(status).toBe(202);
      batches.push(body.batchId as string);
    }
    await restartRedisEmpty();
    await until(
      async () => {
        await requeueStrandedBatches(app.queue, { strandedMs: 0, staleMs: 0 }).catch(() => 0);
        return (await IntegrationInbox.count({ where: { id: batches, state: 'done' } })) === batches.length;
      },
      120_000,
      '批次处理',
    );
    const ids = Array.from({ length: 6 }, (_, b) =>
      simulatedBudgets(400, { seed: 70 + b, offset: 100_000 + b * 400 }).map((i) => i.budgetLineId),
    ).flat();
    expect(await IntegrationBudget.count({ where: { budgetLineId: ids } })).toBe(2400);
    const inbox = await IntegrationInbox.findAll({ where: { id: batches } });
    expect(inbox).toHaveLength(batches.length);
    for (const batch of inbox) {
      expect(batch.appliedCount + batch.unchangedCount).toBe(400);
      expect(batch.failedCount).toBe(0);
    }
  });

  it('queued pushes are queued again and written once', async () => {
    await seedPushableFilings('HT-F2-', 100, 'Redis 故障演练合同');
    const filings = await ContractFiling.findAll({ where: { contractNo: { [Op.like]: 'HT-F2-%' } } });
    worker!.kill('SIGKILL');
    await exited(worker!);
    const county = await login(app.url, 'nanchangxian');
    const { body } = await county.post(
      api.bulk(
        'ManualPushFiling',
        filings.map((f) => f.id),
        'pushToIntegrationBulk',
      ),
      {},
    );
    expect(body.done).toHaveLength(100);
    await restartRedisEmpty();
    worker = await startWorker({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: '2000',
    });
    await until(
      async () => {
        await requeueStrandedPushes(app.queue, 0).catch(() => 0);
        return (await ContractFiling.count({ where: { contractNo: { [Op.like]: 'HT-F2-%' }, pushStatus: 'pushed' } })) === 100;
      },
      120_000,
      '推送',
    );
    const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: { [Op.like]: 'HT-F2-%' } } });
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.sourceFilingId)).size).toBe(100);
  });
});
