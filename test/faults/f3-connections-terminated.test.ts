import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { needs } from '../support/requires.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';
import { until } from '../support/until.js';

jest.setTimeout(120_000);
// SQLite has no server to end a session: the PostgreSQL pass of npm test runs it.
const drill = await needs('F3 (connections terminated)', 'postgres');

/** Ends every session of the app on its own database (a failover or a restart does this), not the caller's own. */
const TERMINATE = `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
  WHERE datname = current_database() AND pid <> pg_backend_pid()`;

type Answer = { status: number; body: any; retryAfter: string | null };

/**
 * Issue #23 item 7: PostgreSQL ends the app's connections (57P01 "terminating connection due to administrator
 * command", then the socket closes). A request caught by it answers 503 with Retry-After, never 500, and the next one
 * is served by a fresh connection: no restart. PostgreSQL only: SQLite has no server to end a session.
 */
drill.describe("F3: PostgreSQL terminates the app's connections", () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let admin: pg.Client;
  let nanchang: Client;

  beforeAll(async () => {
    app = await startTestApp();
    // On the app's own database (a copy of the run's template), where its sessions are.
    admin = new pg.Client(app.env.DATABASE_URL);
    await admin.connect();
    nanchang = await login(app.url, 'nanchang');
  });

  afterAll(async () => {
    await admin?.end().catch(() => undefined);
    await app?.stop().catch(() => undefined);
  });

  async function list(): Promise<Answer> {
    const response = await fetch(`${app.url}${api.list('ContractFiling')}`, { headers: { cookie: nanchang.cookie }, redirect: 'manual' });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* a page */
    }
    return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
  }

  function expectRetryLater(answer: Answer): void {
    expect(answer.status).toBe(503);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.body).toMatchObject({ code: 'database_unavailable' });
    expect(answer.body.message).toContain('数据库暂时无法连接');
    // Our words only: the server's sentence and the driver's go to the log.
    expect(JSON.stringify(answer.body)).not.toMatch(/terminat|administrator|57P01|Connection/i);
  }

  function expectServedOrRetryLater(answer: Answer): void {
    if (answer.status === 200) return;
    expectRetryLater(answer);
  }

  async function expectServed(): Promise<void> {
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(answer.body.meta.total).toBeGreaterThan(0);
  }

  it('idle connections ended: the pool drops them, the request is served or told to retry, the next is served', async () => {
    await expectServed();
    const ended = await admin.query(TERMINATE);
    expect(ended.rowCount).toBeGreaterThan(0);
    expectServedOrRetryLater(await list());
    await expectServed();
  });

  it('a connection ended under a running read: the read is sent again on a fresh connection and served (never 500)', async () => {
    await expectServed();
    // The list's query waits on a lock this test holds, so PostgreSQL ends its session in the middle of it.
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE contract_filings IN ACCESS EXCLUSIVE MODE');
    const pending = list();
    await until(
      async () => {
        const waiting = await admin.query(`SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`);
        return (waiting.rowCount ?? 0) > 0;
      },
      10_000,
      'the list waits on the lock',
    );
    await admin.query(TERMINATE);
    await admin.query('COMMIT');
    // The server ended the session under the SELECT (57P01): it never completed, so Sequelize sends it again on a
    // fresh connection (db/database-errors.ts mayRunAgain) and the user gets the list, not an error.
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.body.meta.total).toBeGreaterThan(0);
    // A pooled connection is dropped once the app has read its 57P01 or its socket's end (db/database.ts).
    await until(async () => (await list()).status === 200, 10_000, 'served again without a restart');
    await expectServed();
  });

  // The races of issue #23 item 7 (db/database.ts): a session ended just after it connected emits 'error' on a pg
  // client before Sequelize listens (without our listener, an uncaught exception: the process dies), and Sequelize's
  // connect-time setup statements then fail with a bare, code-less pg error (now a ConnectionError); a read gets pg's
  // bare "Connection terminated unexpectedly" inside Sequelize's DatabaseError, read as unavailable; and a connection
  // that answered 57P01 is marked `_invalid` at once, so the pool does not hand it out again before its socket closes.
  it('ended while requests arrive, again and again: never a 500, and each time the next request is served', async () => {
    for (let round = 0; round < 5; round += 1) {
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE contract_filings IN ACCESS EXCLUSIVE MODE');
      const pending = list();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await admin.query(TERMINATE);
      await admin.query('COMMIT');
      expectServedOrRetryLater(await pending);
      await expectServed();
    }
    for (let round = 0; round < 5; round += 1) {
      const [, ...answers] = await Promise.all([admin.query(TERMINATE), list(), list(), list()]);
      for (const answer of answers) expectServedOrRetryLater(answer);
      await expectServed();
    }
  });

  it('the panel page and login after the sessions ended', async () => {
    await admin.query(TERMINATE);
    const page = await fetch(`${app.url}/admin/resources/ContractFiling`, {
      headers: { cookie: nanchang.cookie, accept: 'text/html' },
      redirect: 'manual',
    });
    expect([200, 503]).toContain(page.status);
    if (page.status === 503) expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    await page.text();
    await admin.query(TERMINATE);
    const ganzhou = await login(app.url, 'ganzhou');
    expect((await ganzhou.get(api.list('ContractFiling'))).status).toBe(200);
  });
});
