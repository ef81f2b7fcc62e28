import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Op, QueryTypes, Sequelize } from 'sequelize';
import { removeQueues } from '../../queue/remove-queues.js';
import { ContractFiling, initMiddleModels, initModels, PaymentMiddleRecord } from '../../db/models.js';
import { createSequelize } from '../../db/database.js';
import { REDIS_URL } from '../support/services.js';
import { sessionCookieOf, loginResponse } from '../support/test-app.js';
import { freePort, until } from '../support/until.js';
import { startWebProcess, type WebProcess } from '../support/web-process.js';
import { exited, startWorker, stopProcesses } from '../support/worker-process.js';
import { seededDatabaseUrls } from '../support/databases.js';
import { seedPushableFilings } from '../support/pushable-filings.js';
import { needs } from '../support/requires.js';

/**
 * A web and a worker process on one networked database: shown as skipped in the SQLite pass, never as a green that
 * checked nothing; the PostgreSQL pass runs it.
 */
const drill = await needs('F9 滚动重启演练（真实 web 与 worker 进程）', 'postgres', 'redis');

/**
 * F9 (issue #23 item 3): a rolling restart SIGTERMs a web instance while a supervisor's bulk push of 3,000 filings
 * is in flight. The web used to let go of its job queue first: the request still answered 已处理 3000 条, but its
 * jobs were never added and the filings waited 10 minutes for the stranded-work sweep. Now the web stops accepting,
 * lets the request finish with its queue, and only then closes it.
 */
const COUNT = 3000;
const PREFIX = 'HT-F9-';
const LIKE = { [Op.like]: `${PREFIX}%` };
jest.setTimeout(300_000);

/**
 * The bulk request is being decided (its transaction holds the filings' row locks) or has committed (filings are
 * 推送中): either way the web has accepted it.
 */
async function requestAccepted(main: Sequelize): Promise<'deciding' | 'queued' | null> {
  const [state] = await main.query<{ locking: string; queued: string }>(
    `SELECT
       (SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE c.relname = 'contract_filings' AND l.mode = 'RowShareLock' AND l.pid <> pg_backend_pid()) AS locking,
       (SELECT count(*) FROM contract_filings WHERE contract_no LIKE :like AND push_status = 'queued') AS queued`,
    { type: QueryTypes.SELECT, replacements: { like: `${PREFIX}%` } },
  );
  if (Number(state!.queued) > 0) return 'queued';
  return Number(state!.locking) > 0 ? 'deciding' : null;
}

drill.describe('F9: a web SIGTERMed during a bulk push (rolling restart)', () => {
  const id = randomUUID().slice(0, 8);
  const prefix = `f9-${id}`;
  let urls: { DATABASE_URL: string; MIDDLE_DATABASE_URL: string };
  let main: Sequelize | undefined;
  let middle: Sequelize | undefined;
  let web: WebProcess | undefined;
  let worker: ChildProcess | undefined;
  let ids: number[] = [];

  beforeAll(async () => {
    // Databases of its own: a copy of the run's migrated and seeded template (dropped at the run's end).
    const own = await seededDatabaseUrls();
    urls = { DATABASE_URL: own.DATABASE_URL, MIDDLE_DATABASE_URL: own.MIDDLE_DATABASE_URL! };
    main = createSequelize(urls.DATABASE_URL);
    initModels(main);
    middle = createSequelize(urls.MIDDLE_DATABASE_URL);
    initMiddleModels(middle);
    ids = await seedPushableFilings(PREFIX, COUNT, '滚动重启演练合同');
  });

  afterAll(async () => {
    await stopProcesses([web?.child, worker]);
    await removeQueues(REDIS_URL, prefix);
    await main?.close();
    await middle?.close();
  });

  it('the bulk push still answers, the web exits 0, and every filing is pushed once within a minute', async () => {
    worker = await startWorker({ ...urls, REDIS_URL, QUEUE_PREFIX: prefix, JOB_LOCK_MS: '2000' });
    const port = await freePort();
    web = startWebProcess({
      ...urls,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      QUEUE_DRIVER: 'bullmq',
      PORT: String(port),
      SHUTDOWN_GRACE_MS: '25000',
    });
    await web.started;
    const base = `http://127.0.0.1:${port}`;
    const signedIn = await loginResponse(base, 'nanchangxian');
    expect(signedIn.status).toBe(302);
    const cookie = sessionCookieOf(signedIn);

    let answered = false;
    const push = fetch(`${base}/admin/api/resources/ManualPushFiling/bulk/pushToIntegrationBulk?recordIds=${ids.join(',')}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: base },
      body: '{}',
    }).then(async (response) => {
      answered = true;
      return {
        status: response.status,
        connection: response.headers.get('connection'),
        body: (await response.json()) as Record<string, any>,
      };
    });
    push.catch(() => undefined);

    // SIGTERM once the web has accepted the request, while it is still working on it.
    let accepted: 'deciding' | 'queued' | null = null;
    const deadline = Date.now() + 60_000;
    while (!answered && !(accepted = await requestAccepted(main!))) {
      if (Date.now() > deadline) throw new Error('批量推送请求 60 s 内未开始处理');
      await new Promise((r) => setTimeout(r, 10));
    }
    if (answered) throw new Error('批量推送在发出 SIGTERM 之前已经答复：演练没有覆盖进行中的请求');
    web.child.kill('SIGTERM');
    const signalled = Date.now();
    console.info(`F9: SIGTERM sent while the request was ${accepted}`);
    // An impatient orchestrator signals again: that starts no second stop.
    await new Promise((r) => setTimeout(r, 100));
    web.child.kill('SIGTERM');

    // A lost answer says why only in the web's own output.
    const answer = await push.catch((error: Error) => {
      throw new Error(`批量推送未得到答复（${error.message}）；web 输出：\n${web!.output().slice(-4000)}`);
    });
    expect(answer.status).toBe(200);
    expect(answer.body.notice).toMatchObject({ type: 'success' });
    expect(answer.body.notice.message).toContain(`已处理 ${COUNT} 条`);
    expect(answer.body.done).toHaveLength(COUNT);
    expect(await exited(web.child)).toBe(0);

    const pushed = () => ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'pushed' } });
    await until(
      async () => (await pushed()) === COUNT,
      Math.max(0, 60_000 - (Date.now() - signalled)),
      '3000 条备案在 SIGTERM 后一分钟内全部已推送',
    ).catch(async (error: Error) => {
      const queued = await ContractFiling.count({ where: { contractNo: LIKE, pushStatus: 'queued' } });
      throw new Error(`${error.message}：已推送 ${await pushed()} 条，推送中 ${queued} 条`);
    });
    console.info(`F9: all ${COUNT} pushed ${((Date.now() - signalled) / 1000).toFixed(1)} s after the SIGTERM`);
    const rows = await PaymentMiddleRecord.findAll({ where: { contractNo: LIKE }, attributes: ['sourceFilingId'] });
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((r) => r.sourceFilingId))).toEqual(new Set(ids));
    // The last answer of a stopping web ends its connection, so the client does not send it another request.
    expect(answer.connection).toBe('close');
    expect(web.output()).toContain('letting the requests in flight finish');
    expect(web.output()).not.toContain('no job queue in this process');
    expect(web.output()).toContain('already shutting down');
  });
});
