import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { Op, QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { databaseInstanceId } from '../../db/database-instance.js';
import { AuditLog, ContractFiling, IntegrationInbox, initMiddleModels, initModels, PaymentMiddleRecord } from '../../db/models.js';
import { requeueStrandedPushes } from '../../jobs/maintenance/requeue-stranded.js';
import { BullmqJobQueue } from '../../queue/bullmq-queue.js';
import { attemptIdOf, jobIdFor } from '../../queue/job-identity.js';
import { pushJobsFor } from '../../queue/push-jobs.js';
import { QUEUES } from '../../queue/queue-names.js';
import { createRedis } from '../../queue/redis-connection.js';
import { removeQueues } from '../../queue/remove-queues.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { emptyPostgresDatabases, pgUrl, scratchDir, seededDatabaseUrls } from '../support/databases.js';
import { seedPushableFilings } from '../support/pushable-filings.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { api, login, loginResponse, type Client } from '../support/test-app.js';
import { freePort, until } from '../support/until.js';
import { runEntry, startWebProcess, type WebProcess } from '../support/web-process.js';
import { exited, hasExited, startWorker, stopProcesses } from '../support/worker-process.js';

/**
 * F17 (issue #27 item 5): the runbook's restore, run. A backup is taken as the runbook says (`pg_dump -Fc`) while half
 * the pushes wait in Redis; the pushes then go out, and the main database is lost. It is restored with `pg_restore
 * --no-owner` into a new database and web and worker are started on it, with the same Redis, queue prefix and
 * intermediate database (which did not go back). F7 imitates a restore with updates; here it is pg_dump's own copy,
 * so whatever the dump leaves out (the instance id, a sequence, a table) would show.
 */
const COUNT = 40;
const HALF = COUNT / 2;
const LIKE = { [Op.like]: 'HT-F17-%' };
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
jest.setTimeout(180_000);
const drill = await needs('F17 备份恢复演练（pg_dump / pg_restore 到新库）', 'postgres', 'redis');

/** Rows per table of the app's schema; the sessions table is left out, its rows come and go with every request. */
async function tableCounts(sequelize: Sequelize): Promise<Record<string, number>> {
  const tables = await sequelize.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'Sessions' ORDER BY table_name`,
    { type: QueryTypes.SELECT },
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`, { type: QueryTypes.SELECT });
    counts[name] = Number(row!.n);
  }
  return counts;
}

/** The disaster: the database the backup was taken from is gone, so nothing can quietly keep reading it. */
async function dropDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

drill.describe('F17: a pg_dump backup restored into a new database', () => {
  const prefix = `f17-${randomUUID().slice(0, 8)}`;
  let dumpFile = '';
  let lost: { DATABASE_URL: string; MIDDLE_DATABASE_URL: string };
  let main: Sequelize | undefined;
  let restoredMain: Sequelize | undefined;
  let middle: Sequelize | undefined;
  let web: WebProcess | undefined;
  let worker: ChildProcess | undefined;
  let base = '';

  const env = (databaseUrl: string) => ({
    DATABASE_URL: databaseUrl,
    MIDDLE_DATABASE_URL: lost.MIDDLE_DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    QUEUE_DRIVER: 'bullmq',
  });

  /** A web and a worker on `databaseUrl`, started side by side as the machines would be. */
  async function startOn(databaseUrl: string): Promise<void> {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    web = startWebProcess({ ...env(databaseUrl), PORT: String(port) });
    worker = await startWorker(env(databaseUrl));
    await web.started;
  }

  async function stop(child: ChildProcess | undefined): Promise<void> {
    if (!child || hasExited(child)) return;
    child.kill('SIGTERM');
    await exited(child);
  }

  beforeAll(async () => {
    dumpFile = path.join(scratchDir('f17'), 'jxcg.dump');
    const own = await seededDatabaseUrls();
    lost = { DATABASE_URL: own.DATABASE_URL, MIDDLE_DATABASE_URL: own.MIDDLE_DATABASE_URL! };
    main = createSequelize(lost.DATABASE_URL);
    initModels(main);
    middle = createSequelize(lost.MIDDLE_DATABASE_URL);
    initMiddleModels(middle);
  });

  afterAll(async () => {
    await stopProcesses([web?.child, worker]);
    await removeQueues(REDIS_URL, prefix);
    await main?.close().catch(() => undefined);
    await restoredMain?.close();
    await middle?.close();
  });

  const pushedCount = () => ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'pushed' } });

  async function push(county: Client, ids: number[]): Promise<void> {
    const { body } = await county.post(api.bulk('ManualPushFiling', ids, 'pushToIntegrationBulk'), {});
    expect(body.done).toHaveLength(ids.length);
  }

  it('restored from the dump: nothing lost, the same instance id, the pushes waiting at backup time go out once', async () => {
    const ids = await seedPushableFilings('HT-F17-', COUNT, '备份恢复演练合同');
    await startOn(lost.DATABASE_URL);
    const county = await login(base, 'nanchangxian');
    await push(county, ids.slice(0, HALF));
    // A batch from the platform too, so the backup holds applied inbound work as well as pushes.
    const sent = await postBatch(base, platform, 'budgets', simulatedBudgets(50, { seed: 1700, offset: 1_700_000 }));
    expect(sent.status).toBe(202);
    const batchId = sent.body.batchId as string;
    await until(async () => (await pushedCount()) === HALF, 30_000, '前 20 份推送完成');
    await until(async () => (await IntegrationInbox.findByPk(batchId))?.state === 'done', 30_000, '批次处理完成');

    // No worker: the second half is 推送中 with its job waiting in Redis when the backup is taken.
    await stop(worker);
    await push(county, ids.slice(HALF));
    expect(await ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'queued' } })).toBe(HALF);
    const atBackup = await tableCounts(main!);
    const instanceId = await databaseInstanceId(main!);
    const startedAt = Date.now();
    execFileSync('pg_dump', ['-Fc', '-f', dumpFile, '-d', lost.DATABASE_URL], { stdio: 'pipe' });
    const dumpedMs = Date.now() - startedAt;

    // After the backup the pushes go out: the intermediate database gets their rows, and keeps them through the loss.
    worker = await startWorker(env(lost.DATABASE_URL));
    await until(async () => (await pushedCount()) === COUNT, 30_000, '后 20 份推送完成');
    expect(await PaymentMiddleRecord.count({ where: { contractNo: LIKE } })).toBe(COUNT);
    await stop(worker);
    await stop(web?.child);
    await main!.close();
    main = undefined;
    await dropDatabase(lost.DATABASE_URL);

    const lostAt = Date.now();
    const [restoredUrl] = (await emptyPostgresDatabases([`f17_${randomUUID().slice(0, 8)}_restored`])) as [string];
    execFileSync('pg_restore', ['--no-owner', '-d', restoredUrl, dumpFile], { stdio: 'pipe' });
    const restoredMs = Date.now() - lostAt;
    restoredMain = createSequelize(restoredUrl);
    // Compared before anything starts on it: a start refreshes verdicts and deadlines, a login writes its attempt.
    expect(await tableCounts(restoredMain)).toEqual(atBackup);
    // The same id, so processes on the copy work the queues its pushes were queued in, and know those jobs' ids.
    expect(await databaseInstanceId(restoredMain)).toBe(instanceId);
    initModels(restoredMain);
    expect(await pushedCount()).toBe(HALF);
    const waiting = await ContractFiling.findAll({
      where: { contractNo: LIKE, pushStatus: 'queued' },
      attributes: ['id', 'version'],
      order: [['id', 'ASC']],
    });
    expect(waiting.map((f) => f.id)).toEqual(ids.slice(HALF));

    // The audit trail came back whole: its chain checks out on the copy, with the key it was written with.
    const auditVerified = () =>
      runEntry('tools/audit-verify.ts', { DATABASE_URL: restoredUrl, MIDDLE_DATABASE_URL: lost.MIDDLE_DATABASE_URL });
    expect(await AuditLog.count()).toBeGreaterThan(0);
    expect(await auditVerified()).toBe(0);

    await startOn(restoredUrl);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await loginResponse(base, 'nanchangxian')).status).toBe(302);
    expect((await IntegrationInbox.findByPk(batchId))?.state).toBe('done');

    // What the maintenance round does after ten minutes without a move, done now: the database says 推送中, so the
    // pushes go out again, under the next attempt id since Redis holds their first job as completed.
    const queue = new BullmqJobQueue(createRedis(REDIS_URL), prefix, instanceId);
    try {
      expect(await requeueStrandedPushes(queue, 0)).toBe(HALF);
      const [job] = pushJobsFor(
        waiting.map((f) => ({ filingId: f.id, version: f.version })),
        { id: 0 },
      );
      const firstId = jobIdFor(instanceId, job!.jobId);
      expect(await queue.queue(QUEUES.push).getJobState(firstId)).toBe('completed');
      expect(await queue.queue(QUEUES.push).getJob(attemptIdOf(firstId, 1))).toBeDefined();
      await until(async () => (await pushedCount()) === COUNT, 30_000, '恢复后重新推送完成');
    } finally {
      await queue.close();
    }

    // Once: each filing has one intermediate row, at the version the restored database holds.
    const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: LIKE } });
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((r) => r.sourceFilingId))).toEqual(new Set(ids));
    const written = new Map(rows.map((r) => [r.sourceFilingId, r.sourceVersion]));
    for (const filing of await ContractFiling.findAll({ where: { contractNo: LIKE } })) {
      expect(filing.lastPushError).toBeNull();
      expect(written.get(filing.id)).toBe(filing.version);
    }
    // And goes on whole from there.
    expect(await auditVerified()).toBe(0);
    console.info(
      `F17: dumped in ${dumpedMs} ms, restored into a new database in ${restoredMs} ms; ` +
        `${HALF} pushes waiting at backup time went out again once, ${((Date.now() - lostAt) / 1000).toFixed(1)} s from the loss`,
    );
  });
});
