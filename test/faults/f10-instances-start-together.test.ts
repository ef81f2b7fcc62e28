import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Sequelize } from 'sequelize';
import { dropDatabases, emptyDatabases } from '../support/own-databases.js';
import { productionEnv } from '../support/production-env.js';
import { needs } from '../support/requires.js';
import { exited, hasExited } from '../support/worker-process.js';
import { freePort, until } from '../support/until.js';
import { runEntry, startWebProcess, type WebProcess } from '../support/web-process.js';

/**
 * Several processes on one networked database: shown as skipped in the SQLite pass, never as a green that checked
 * nothing; the PostgreSQL pass runs them.
 */
const drill = await needs('F10 (instances starting together)', 'postgres');

const production = productionEnv();

/** F10: web instances started at the same moment on one empty database, as a rolling deployment or a reboot does. */
jest.setTimeout(180_000);

/** Within the test's timeout: past it, the failure says what each connection and each web was doing. */
const START_BOUND_MS = 150_000;

drill.describe('F10: instances starting together', () => {
  const names = ['f10_together', 'f10_together_middle', 'f10_waiting', 'f10_waiting_middle'];
  let urls: string[] = [];
  const webs: WebProcess[] = [];
  /** The ports of the three webs on the first database. */
  const together: number[] = [];

  beforeAll(async () => {
    urls = await emptyDatabases(names);
  });
  afterAll(async () => {
    for (const web of webs)
      if (!hasExited(web.child)) {
        web.child.kill('SIGTERM');
        await exited(web.child);
      }
    await dropDatabases(names);
  });

  /** Every connection to the drill's databases (what it runs, what it waits for) and the end of each web's output. */
  async function whatEachWaitsOn(url: string): Promise<string> {
    const db = new Sequelize(url, { logging: false });
    try {
      const [connections] = await db.query(
        `SELECT pid, datname, state, wait_event_type, wait_event, xact_start, left(query, 160) AS query
           FROM pg_stat_activity WHERE datname IN (:names) ORDER BY pid`,
        { replacements: { names } },
      );
      return [JSON.stringify(connections, null, 1), ...webs.map((web, i) => `web ${i}: …${web.output().slice(-1500)}`)].join('\n');
    } finally {
      await db.close();
    }
  }

  it('three webs told to migrate start at once on an empty database: all serve, each migration applied once', async () => {
    const [main, middle] = urls;
    const started: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) {
      together.push(await freePort());
      const web = startWebProcess({
        DATABASE_URL: main!,
        MIDDLE_DATABASE_URL: middle!,
        PORT: String(together.at(-1)),
        QUEUE_DRIVER: 'inline',
        NODE_ENV: 'development',
      });
      webs.push(web);
      started.push(web.started);
    }
    const outcomes = await Promise.race([
      Promise.allSettled(started),
      new Promise<never>((_, reject) => {
        const timer = setTimeout(() => {
          void whatEachWaitsOn(main!).then(
            (report) => reject(new Error(`三个实例 ${START_BOUND_MS} ms 内未全部启动：\n${report}`)),
            reject,
          );
        }, START_BOUND_MS);
        timer.unref();
        void Promise.allSettled(started).then(() => clearTimeout(timer));
      }),
    ]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason).slice(0, 300) : 'served'))).toEqual([
      'served',
      'served',
      'served',
    ]);
    const db = new Sequelize(main!, { logging: false });
    const [rows] = await db.query('SELECT name, COUNT(*) AS n FROM schema_migrations GROUP BY name');
    await db.close();
    expect((rows as unknown[]).length).toBeGreaterThan(5);
    for (const row of rows as Array<{ name: string; n: string }>)
      expect({ name: row.name, n: Number(row.n) }).toEqual({ name: row.name, n: 1 });
  });

  it('three webs writing the audit trail at once keep one unbroken chain: npm run audit:verify finds nothing', async () => {
    const [main, middle] = urls;
    const attempt = (port: number, username: string, password: string) =>
      fetch(`http://127.0.0.1:${port}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `http://127.0.0.1:${port}` },
        body: new URLSearchParams({ email: username, password }).toString(),
      });
    // Six failures per web stay under one address's slowing (four times the five failures of an account).
    const answers = await Promise.all(
      together.flatMap((port, w) => Array.from({ length: 6 }, (_, i) => attempt(port, `f10-nobody-${w}-${i}`, 'Wrong#2026x'))),
    );
    expect(answers).toHaveLength(18);
    expect(await Promise.all(answers.map(async (answer) => (await answer.text()).includes('invalidCredentials')))).toEqual(
      answers.map(() => true),
    );
    const db = new Sequelize(main!, { logging: false });
    const [[written]] = (await db.query(
      `SELECT COUNT(*) AS failed, COUNT(DISTINCT seq) AS places FROM audit_logs WHERE actor_username LIKE 'f10-nobody-%'`,
    )) as [Array<{ failed: string; places: string }>, unknown];
    await db.close();
    expect({ failed: Number(written!.failed), places: Number(written!.places) }).toEqual({ failed: 18, places: 18 });
    expect(await runEntry('tools/audit-verify.ts', { NODE_ENV: 'development', DATABASE_URL: main!, MIDDLE_DATABASE_URL: middle! })).toBe(0);
  });

  it('in production a web does not migrate: it waits for `npm run migrate`, then serves the new schema', async () => {
    const [, , main, middle] = urls;
    const port = await freePort();
    const web = startWebProcess({ ...production, DATABASE_URL: main!, MIDDLE_DATABASE_URL: middle!, PORT: String(port) });
    webs.push(web);
    await until(async () => web.output().includes('waiting for pending migrations'), 60_000, 'web 等待迁移');
    const served = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    );
    expect(served).toBe(false);
    expect(await runEntry('migrations/cli.ts', { ...production, DATABASE_URL: main!, MIDDLE_DATABASE_URL: middle! })).toBe(0);
    await web.started;
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });
});
