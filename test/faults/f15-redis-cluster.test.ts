import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Op } from 'sequelize';
import { ContractFiling, IntegrationBudget, PaymentMiddleRecord, PaymentVoucher } from '../../db/models.js';
import { databaseInstanceId } from '../../db/database-instance.js';
import { queuePrefixOf } from '../../queue/job-identity.js';
import { redisTargetOf } from '../../queue/redis-connection.js';
import { removeQueues } from '../../queue/remove-queues.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch, waitForBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { redisCall, startCluster, type OwnCluster } from '../support/own-redis-ha.js';
import { seedPushableFilings } from '../support/pushable-filings.js';
import { needs } from '../support/requires.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { until } from '../support/until.js';
import { exited, startWorker, stopProcesses } from '../support/worker-process.js';

/**
 * F15 (issue #27 item 1): a Redis Cluster of three masters of our own, web and worker given REDIS_CLUSTER_NODES. BullMQ's
 * scripts touch several keys of a queue at once, which a Cluster allows only within one hash slot: the queue prefix is
 * the hash tag `{prefix:database id}`, and ingest, push and export jobs run as on one server.
 */
const FILINGS = 50;
const LIKE = { [Op.like]: 'HT-F15-%' };
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
jest.setTimeout(120_000);
const drill = await needs('F15 Redis Cluster 演练', 'postgres', 'own-redis');

drill.describe('F15: the queues on a three-master Redis Cluster', () => {
  let cluster: OwnCluster | undefined;
  let worker: ChildProcess | undefined;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let exportDir: string;
  const prefix = `f15-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    cluster = await startCluster();
    exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'f15-exports-'));
    process.env.EXPORT_DIR = exportDir;
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', ...cluster.env, QUEUE_PREFIX: prefix });
    worker = await startWorker({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      ...cluster.env,
      QUEUE_PREFIX: prefix,
      EXPORT_DIR: exportDir,
      JOB_LOCK_MS: '5000',
    });
    await seedPushableFilings('HT-F15-', FILINGS, 'Redis 集群演练合同');
  });

  afterAll(async () => {
    await stopProcesses([worker]);
    await app?.stop().catch(() => undefined);
    await cluster?.stop();
    delete process.env.EXPORT_DIR;
    if (exportDir) fs.rmSync(exportDir, { recursive: true, force: true });
  });

  it('ingest, push and export jobs run; every key of the database is in one slot; removeQueues empties every master', async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);

    const items = simulatedBudgets(300, { seed: 1515, offset: 1_515_000 });
    const batch = await postBatch(app.url, platform, 'budgets', items);
    expect(batch.status).toBe(202);
    expect(await waitForBatch(app.url, platform, batch.body.batchId, 30_000)).toMatchObject({ state: 'done', applied: 300, failed: 0 });
    expect(await IntegrationBudget.count({ where: { budgetLineId: items.map((i) => i.budgetLineId) } })).toBe(300);

    const filings = await ContractFiling.findAll({ where: { contractNo: LIKE }, attributes: ['id'] });
    expect(filings).toHaveLength(FILINGS);
    const county = await login(app.url, 'nanchangxian');
    const push = await county.post(
      api.bulk(
        'ManualPushFiling',
        filings.map((f) => f.id),
        'pushToIntegrationBulk',
      ),
      {},
    );
    expect(push.body.done).toHaveLength(FILINGS);
    await until(
      async () => (await ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'pushed' } })) === FILINGS,
      30_000,
      '推送',
    );
    const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: LIKE } });
    expect(rows).toHaveLength(FILINGS);
    expect(new Set(rows.map((r) => r.sourceFilingId)).size).toBe(FILINGS);

    const city = await login(app.url, 'nanchang');
    const asked = await city.post(api.resourceAction('PaymentVoucher', 'exportXlsx'), { query: '?sortBy=paidAt&direction=desc' });
    let status: { state?: string; done?: number; total?: number } = {};
    await until(
      async () => {
        status = (await city.get(asked.body.statusUrl as string)).body;
        return status.state === 'done' || status.state === 'failed';
      },
      30_000,
      '导出',
    );
    const expected = await PaymentVoucher.count({ where: { regionCode: ['360100', '360102', '360121'] } });
    expect(status).toMatchObject({ state: 'done', done: expected, total: expected });

    // The queue board reads the same queues through the Cluster.
    const admin = await login(app.url, 'admin');
    const board = await admin.get('/admin/queues/api/queues?activeQueue=push&status=completed&page=1');
    expect({ status: board.status, ...(board.status !== 200 && { body: board.body as unknown }) }).toEqual({ status: 200 });
    const shown = board.body.queues as Array<{ name: string; counts: Record<string, number> }>;
    expect(shown.map((q) => q.name).sort()).toEqual(['export', 'integration', 'maintenance', 'push']);
    expect(shown.find((q) => q.name === 'push')!.counts.completed).toBeGreaterThan(0);

    // All of this database's keys carry its hash tag, so they live in one slot, on one master.
    const tag = queuePrefixOf(prefix, await databaseInstanceId(ContractFiling.sequelize!), { cluster: true });
    const keysOn = async (port: number) => {
      const found: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = (await redisCall(port, 'SCAN', cursor, 'MATCH', `{${prefix}:*`, 'COUNT', 1000)) as [string, string[]];
        found.push(...keys);
        cursor = next;
      } while (cursor !== '0');
      return found;
    };
    const perMaster = await Promise.all(cluster!.ports.map(keysOn));
    const keys = perMaster.flat();
    expect(keys.length).toBeGreaterThan(10);
    expect(perMaster.filter((k) => k.length)).toHaveLength(1);
    for (const key of keys) expect(key.startsWith(`${tag}:`)).toBe(true);
    expect(keys.some((k) => k.startsWith(`${tag}:integration:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${tag}:push:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${tag}:export:`))).toBe(true);

    worker!.kill('SIGTERM');
    await exited(worker!);
    await removeQueues(redisTargetOf(app.env), prefix);
    expect((await Promise.all(cluster!.ports.map(keysOn))).flat()).toEqual([]);
  });
});
