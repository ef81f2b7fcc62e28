import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Queue } from 'bullmq';
import { Op, Sequelize } from 'sequelize';
import { queuePrefixOf } from '../../queue/job-identity.js';
import { JOBS, QUEUES } from '../../queue/queue-names.js';
import { createRedis } from '../../queue/redis-connection.js';
import { removeQueues } from '../../queue/remove-queues.js';
import { refreshPushVerdicts } from '../../services/filings/filing-eligibility.js';
import { ContractFiling, PaymentMiddleRecord } from '../../db/models.js';
import { databaseInstanceId } from '../../db/database-instance.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { until } from '../support/until.js';
import { hasExited, startWorker, stopProcesses } from '../support/worker-process.js';
import { seedPushableFilings } from '../support/pushable-filings.js';

/**
 * F7 (issue #23 item 1): the database is restored from a backup taken before the pushes, then reset outright, with
 * Redis kept all along. Job ids used to be per filing version only: Redis still held them as completed, the adds
 * were no-ops and the filings stayed 推送中 for ever. A job of another database is never applied to this one.
 */
const COUNT = 30;
const LIKE = { [Op.like]: 'HT-F7-%' };
jest.setTimeout(300_000);
const drill = await needs('F7 数据库恢复/重置后的推送演练', 'redis');

type App = Awaited<ReturnType<typeof startTestApp>>;

const seedFilings = () => seedPushableFilings('HT-F7-', COUNT, '恢复演练合同');

/** What a reset leaves: an empty database at the same address (the intermediate database is kept). */
async function resetDatabase(url: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    fs.rmSync(url.slice('sqlite:'.length), { force: true });
    return;
  }
  const sequelize = new Sequelize(url, { logging: false });
  await sequelize.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await sequelize.close();
}

async function pushAll(app: App, ids: number[]): Promise<void> {
  const county = await login(app.url, 'nanchangxian');
  const { body } = await county.post(api.bulk('ManualPushFiling', ids, 'pushToIntegrationBulk'), {});
  expect(body.done).toHaveLength(COUNT);
}

const pushedCount = () => ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'pushed' } });

async function expectOneMiddleRowEach(ids: number[]): Promise<void> {
  const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: LIKE } });
  expect(rows).toHaveLength(COUNT);
  expect(new Set(rows.map((r) => r.sourceFilingId))).toEqual(new Set(ids));
}

drill.describe("F7: a restored or reset database pushes again, and never takes another database's jobs", () => {
  let app: App | undefined;
  let worker: ChildProcess | undefined;
  const prefix = `f7-${randomUUID().slice(0, 8)}`;
  let urls: { DATABASE_URL: string; MIDDLE_DATABASE_URL: string };
  const workerLog: string[] = [];

  async function startAll(): Promise<void> {
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', REDIS_URL, QUEUE_PREFIX: prefix, ...urls });
    worker = await startWorker({ ...urls, REDIS_URL, QUEUE_PREFIX: prefix, JOB_LOCK_MS: '2000' });
    worker.stdout!.on('data', (chunk: Buffer) => workerLog.push(chunk.toString()));
  }

  async function stopAll(): Promise<void> {
    await stopProcesses([worker], 'SIGTERM');
    await app?.stop();
    app = undefined;
  }

  beforeAll(async () => {
    const first = await startTestApp();
    urls = { DATABASE_URL: first.env.DATABASE_URL, MIDDLE_DATABASE_URL: first.env.MIDDLE_DATABASE_URL };
    await first.stop();
  });

  afterAll(async () => {
    if (worker && !hasExited(worker)) worker.kill('SIGKILL');
    await app?.stop().catch(() => undefined);
    await removeQueues(REDIS_URL, prefix);
  });

  it('pushes, is restored to before the pushes, is reset: each time every filing is 已推送 with one intermediate row', async () => {
    await startAll();
    const ids = await seedFilings();
    const before = await ContractFiling.findAll({ where: { contractNo: LIKE }, attributes: ['id', 'version'] });
    await pushAll(app!, ids);
    await until(async () => (await pushedCount()) === COUNT, 60_000);
    await expectOneMiddleRowEach(ids);
    const firstDatabase = await databaseInstanceId(ContractFiling.sequelize!);

    // Restored from the backup taken before the pushes: the same database id, the same filing versions again.
    for (const filing of before) {
      await ContractFiling.update({ pushStatus: 'not_pushed', pushedAt: null, version: filing.version }, { where: { id: filing.id } });
    }
    await refreshPushVerdicts({ contractNo: LIKE });
    expect(await pushedCount()).toBe(0);
    await pushAll(app!, ids);
    await until(async () => (await pushedCount()) === COUNT, 60_000);
    await expectOneMiddleRowEach(ids);

    // Reset: an empty database at the same address, migrated and seeded again; Redis keeps every job of the old one.
    await stopAll();
    await resetDatabase(urls.DATABASE_URL);
    await startAll();
    const secondDatabase = await databaseInstanceId(ContractFiling.sequelize!);
    expect(secondDatabase).not.toBe(firstDatabase);
    expect(await seedFilings()).toEqual(ids);
    await pushAll(app!, ids);
    await until(async () => (await pushedCount()) === COUNT, 60_000);
    await expectOneMiddleRowEach(ids);
    const settled = await ContractFiling.findAll({ where: { contractNo: LIKE } });
    expect(settled).toHaveLength(COUNT);
    for (const filing of settled) expect(filing.lastPushError).toBeNull();

    // The old database's queue is someone else's now: a job left there is never taken by this database's workers.
    const connection = createRedis(REDIS_URL);
    const formerQueue = new Queue(QUEUES.push, { connection, prefix: queuePrefixOf(prefix, firstDatabase) });
    const ownQueue = new Queue(QUEUES.push, { connection, prefix: queuePrefixOf(prefix, secondDatabase) });
    try {
      const target = settled[0]!;
      await ContractFiling.update({ pushStatus: 'queued' }, { where: { id: target.id } });
      const work = { filings: [{ filingId: target.id, version: target.version }], userId: 1 };
      const left = await formerQueue.add(JOBS.pushFilings, { ...work, databaseId: firstDatabase }, { jobId: 'f7-former' });
      // And one stamped for another database that reached this database's own queue is refused, not applied.
      const stray = await ownQueue.add(JOBS.pushFilings, { ...work, databaseId: 'another-deployment' }, { jobId: 'f7-stray', attempts: 5 });
      await until(async () => (await ownQueue.getJobState(stray.id!)) === 'failed', 30_000);
      const refused = await ownQueue.getJob(stray.id!);
      expect(refused!.failedReason).toContain('另一个数据库实例');
      expect(refused!.attemptsMade).toBe(1);
      await until(async () => workerLog.join('').includes('job of another database refused'), 10_000);
      expect(await formerQueue.getJobState(left.id!)).toBe('waiting');
      const untouched = await ContractFiling.findByPk(target.id);
      expect(untouched!.pushStatus).toBe('queued');
      expect(await PaymentMiddleRecord.count({ where: { sourceFilingId: target.id } })).toBe(1);
    } finally {
      await formerQueue.close();
      await ownQueue.close();
      connection.disconnect();
    }
  });
});
