import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Op } from 'sequelize';
import { ContractFiling, PaymentMiddleRecord } from '../../db/models.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { until } from '../support/until.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { exited, startWorker, stopProcesses } from '../support/worker-process.js';
import { removeQueues } from '../../queue/remove-queues.js';
import { seedPushableFilings } from '../support/pushable-filings.js';

/** F1: a bulk push of 2,000 filings, the worker SIGKILLed in the middle and started again. */
const COUNT = 2000;
jest.setTimeout(600_000);
const drill = await needs('合同备案推送测试（真实 worker 进程，中途被杀）', 'redis');

drill.describe('pushing filings through real worker processes into the intermediate database', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const workers: ChildProcess[] = [];
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', REDIS_URL, QUEUE_PREFIX: prefix });
    workerEnv = {
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      JOB_LOCK_MS: '2000',
    };
    await seedPushableFilings('HT-LOAD-', COUNT, '压力测试合同');
  });

  afterAll(async () => {
    await stopProcesses(workers);
    await removeQueues(REDIS_URL, prefix);
    await app.stop();
  });

  it("a worker killed mid-run loses nothing and duplicates nothing; a second supervisor's push adds nothing", async () => {
    const filings = await ContractFiling.findAll({ where: { contractNo: { [Op.like]: 'HT-LOAD-%' } }, order: [['id', 'ASC']] });
    expect(filings).toHaveLength(COUNT);
    expect(filings.every((f) => f.pushVerdict === 'pushable')).toBe(true);
    const county = await login(app.url, 'nanchangxian');
    const { body } = await county.post(
      api.bulk(
        'ManualPushFiling',
        filings.map((f) => f.id),
        'pushToIntegrationBulk',
      ),
      {},
    );
    expect(body.done).toHaveLength(COUNT);
    const again = await county.post(
      api.bulk(
        'ManualPushFiling',
        filings.slice(0, 10).map((f) => f.id),
        'pushToIntegrationBulk',
      ),
      {},
    );
    expect(again.body.done).toHaveLength(0);
    expect(again.body.refused[0]).toContain('推送中');

    const first = await startWorker(workerEnv);
    workers.push(first);
    await until(
      async () => (await ContractFiling.count({ where: { contractNo: { [Op.like]: 'HT-LOAD-%' }, pushStatus: 'pushed' } })) > 0,
      30_000,
    );
    first.kill('SIGKILL');
    await exited(first);
    const pushedBeforeKill = await ContractFiling.count({ where: { contractNo: { [Op.like]: 'HT-LOAD-%' }, pushStatus: 'pushed' } });
    expect(pushedBeforeKill).toBeLessThan(COUNT);

    workers.push(await startWorker(workerEnv));
    await until(
      async () => (await ContractFiling.count({ where: { contractNo: { [Op.like]: 'HT-LOAD-%' }, pushStatus: 'pushed' } })) === COUNT,
      300_000,
    );
    const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: { [Op.like]: 'HT-LOAD-%' } } });
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((r) => r.sourceFilingId)).size).toBe(COUNT);
    const settled = await ContractFiling.findAll({ where: { contractNo: { [Op.like]: 'HT-LOAD-%' } } });
    expect(settled).toHaveLength(COUNT);
    expect(settled.filter((f) => f.pushStatus === 'queued')).toHaveLength(0);
    const written = new Map(rows.map((r) => [r.sourceFilingId, r.sourceVersion]));
    for (const f of settled) {
      // Each filing's state agrees with the intermediate database: pushed, once, at the version that was queued.
      expect(f.lastPushError).toBeNull();
      expect(f.pushedAt).not.toBeNull();
      expect(written.get(f.id)).toBe(f.version);
    }
  });
});
