import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { migrateMiddleToLatest, migrateToLatest } from '../../migrations/migrator.js';
import { createRedis } from '../../queue/redis-connection.js';
import { removeQueues } from '../../queue/remove-queues.js';
import { queuePrefixOf } from '../../queue/job-identity.js';
import { QUEUES } from '../../queue/queue-names.js';
import { databaseInstanceId } from '../../db/database-instance.js';
import { JobReceipt, initModels } from '../../db/models.js';
import { createSequelize } from '../../db/database.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { freshDatabaseUrl, freshMiddleDatabaseUrl } from '../support/test-app.js';
import { exited, hasExited, startWorker } from '../support/worker-process.js';
import { freePort } from '../support/until.js';

const METRICS_TOKEN = 'scrape-token-for-the-two-workers-test-000';

const drill = await needs('队列测试（两个 worker 进程共享一个队列）', 'redis');

drill.describe('BullMQ workers in their own processes on a real Redis', () => {
  let databaseUrl: string;
  let middleUrl: string;
  let prefix: string;
  let sequelize: ReturnType<typeof createSequelize>;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl();
    prefix = `test-${randomUUID().slice(0, 8)}`;
    sequelize = createSequelize(databaseUrl);
    initModels(sequelize);
    await migrateToLatest(sequelize);
    // A worker starts once both of its databases are migrated.
    middleUrl = (await freshMiddleDatabaseUrl()) ?? `${databaseUrl.replace(/test\.sqlite$/, '')}middle.sqlite`;
    const middle = createSequelize(middleUrl);
    await migrateMiddleToLatest(middle);
    await middle.close();
  });

  afterAll(async () => {
    for (const worker of workers) if (!hasExited(worker)) worker.kill('SIGKILL');
    await sequelize?.close();
  });

  it('two workers share one queue: every job runs exactly once, each reports the runs it made, and SIGTERM lets them finish', async () => {
    const env = { DATABASE_URL: databaseUrl, MIDDLE_DATABASE_URL: middleUrl, REDIS_URL, QUEUE_PREFIX: prefix, METRICS_TOKEN };
    const metricsPorts = [await freePort(), await freePort()];
    workers.push(...(await Promise.all(metricsPorts.map((port) => startWorker({ ...env, WORKER_METRICS_PORT: String(port) })))));
    const connection = createRedis(REDIS_URL);
    const databaseId = await databaseInstanceId(sequelize);
    const queue = new Queue(QUEUES.maintenance, { connection, prefix: queuePrefixOf(prefix, databaseId) });
    const ids = Array.from({ length: 200 }, (_, i) => `receipt-${i}`);
    await queue.addBulk(ids.map((jobId) => ({ name: 'recordReceipt', data: { databaseId }, opts: { jobId } })));
    // The same job ids again: BullMQ keeps one job per id, so nothing runs twice.
    await queue.addBulk(ids.map((jobId) => ({ name: 'recordReceipt', data: { databaseId }, opts: { jobId } })));
    const deadline = Date.now() + 30_000;
    while ((await JobReceipt.count()) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const receipts = await JobReceipt.findAll();
    expect(receipts.map((r) => r.jobId).sort()).toEqual([...ids].sort());
    const pids = new Set(receipts.map((r) => r.workerPid));
    expect([...pids].every((pid) => workers.some((w) => w.pid === pid))).toBe(true);
    expect(pids.size).toBe(2);
    const runs = await Promise.all(
      metricsPorts.map(async (port) => {
        const text = await (
          await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
        ).text();
        const line = text.split('\n').find((l) => l.startsWith('jxcg_job_seconds_count{') && l.includes('job="recordReceipt"'));
        return Number(line?.split(' ').pop());
      }),
    );
    expect(runs.every((n) => n > 0)).toBe(true);
    expect(runs[0]! + runs[1]!).toBe(ids.length);
    for (const worker of workers) worker.kill('SIGTERM');
    expect(await Promise.all(workers.map(exited))).toEqual([0, 0]);
    await queue.close();
    connection.disconnect();
    await removeQueues(REDIS_URL, prefix);
  });
});
