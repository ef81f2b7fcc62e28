import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { removeQueues } from '../../queue/remove-queues.js';
import { IntegrationInbox } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch, signedHeaders, waitForBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { api, login, loginResponse, startTestApp } from '../support/test-app.js';
import { seededDatabaseUrls } from '../support/databases.js';
import { PG_URL } from '../support/own-databases.js';
import { until } from '../support/until.js';
import { hasExited, startWorker, stopProcesses } from '../support/worker-process.js';

jest.setTimeout(180_000);
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };
// A networked database, cut through a proxy: the PostgreSQL pass of npm test runs it.
const drill = await needs('F3 (database cut)', 'postgres', 'redis');
const PROMPT_MS = 10_000;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

/**
 * F3: the web server and a worker reach PostgreSQL only through a proxy the test cuts. The database server itself
 * keeps running; only the network between us and it goes away, as when a link or a failover drops.
 */
drill.describe('F3: the database cut for a few seconds', () => {
  let proxy: TcpProxy;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let worker: ChildProcess | undefined;
  let prefix: string;

  beforeAll(async () => {
    const target = new URL(PG_URL!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = (url: string) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(proxy.port);
      return u.toString();
    };
    const own = await seededDatabaseUrls();
    const main = viaProxy(own.DATABASE_URL);
    const middle = viaProxy(own.MIDDLE_DATABASE_URL!);
    prefix = `f3-${randomUUID().slice(0, 8)}`;
    const queue = { QUEUE_DRIVER: 'bullmq', REDIS_URL, QUEUE_PREFIX: prefix };
    app = await startTestApp({ DATABASE_URL: main, MIDDLE_DATABASE_URL: middle, ...queue });
    worker = await startWorker({ DATABASE_URL: main, MIDDLE_DATABASE_URL: middle, ...queue });
  });

  afterAll(async () => {
    proxy.restore();
    await stopProcesses([worker], 'SIGTERM');
    await app?.stop().catch(() => undefined);
    await proxy.close();
    await removeQueues(REDIS_URL, prefix);
  });

  it('answers promptly with clear errors while cut, stores nothing it refused, and recovers without a restart', async () => {
    const nanchang = await login(app.url, 'nanchang');
    expect((await nanchang.get(api.list('ContractFiling'))).status).toBe(200);
    const first = await postBatch(app.url, platform, 'budgets', simulatedBudgets(30, { seed: 301, offset: 300_000 }));
    expect(first.status).toBe(202);
    expect((await waitForBatch(app.url, platform, first.body.batchId, 30_000)).state).toBe('done');

    proxy.cut();

    const ready = await timed(() => fetch(`${app.url}/readyz`));
    expect(ready.result.status).toBe(503);
    expect(ready.ms).toBeLessThan(PROMPT_MS);
    const readiness = (await ready.result.json()) as { checks: { database: { ok: boolean; detail: string } } };
    expect(readiness.checks.database.ok).toBe(false);
    // Our words only: the driver's (ECONNRESET, host and port) go to the log.
    expect(readiness.checks.database.detail).toBe('数据库不可用');

    const list = await timed(() => nanchang.get(api.list('ContractFiling')));
    expect(list.ms).toBeLessThan(PROMPT_MS);
    expect(list.result.status).toBe(503);
    expect(list.result.body).toMatchObject({ code: 'database_unavailable' });
    expect(list.result.body.message).toContain('数据库暂时无法连接');

    const page = await timed(() =>
      fetch(`${app.url}/admin/resources/ContractFiling`, {
        headers: { cookie: nanchang.cookie, accept: 'text/html' },
        redirect: 'manual',
      }),
    );
    expect(page.ms).toBeLessThan(PROMPT_MS);
    expect(page.result.status).toBe(503);
    expect(page.result.headers.get('content-type')).toContain('text/html');
    expect(await page.result.text()).toContain('数据库暂时无法连接');

    const loginAttempt = await timed(() => loginResponse(app.url, 'ganzhou'));
    expect(loginAttempt.ms).toBeLessThan(PROMPT_MS);
    // The login page names the message key it shows; a wrong-password message here would send users astray.
    expect(await loginAttempt.result.text()).toContain('"errorMessage":"databaseUnavailable"');

    const refusedItems = simulatedBudgets(20, { seed: 302, offset: 301_000 });
    const refusedBody = JSON.stringify({ items: refusedItems });
    const refusedHeaders = signedHeaders(platform, refusedBody);
    const inbound = await timed(() =>
      fetch(`${app.url}/api/integration/v1/budgets`, { method: 'POST', headers: refusedHeaders, body: refusedBody }),
    );
    expect(inbound.ms).toBeLessThan(PROMPT_MS);
    expect(inbound.result.status).toBe(503);
    expect(Number(inbound.result.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await inbound.result.json()).toMatchObject({ code: 'database_unavailable' });

    await new Promise((r) => setTimeout(r, 2000));
    proxy.restore();

    await until(async () => (await fetch(`${app.url}/readyz`)).status === 200, 30_000, '恢复后 /readyz 回到 200');
    const after = await nanchang.get(api.list('ContractFiling'));
    expect(after.status).toBe(200);
    expect(after.body.meta.total).toBeGreaterThan(0);
    expect((await loginResponse(app.url, 'ganzhou')).status).toBe(302);
    expect(await IntegrationInbox.count({ where: { signature: refusedHeaders['x-signature']! } })).toBe(0);

    // The platform sends the refused batch again; the same worker process, never restarted, applies it.
    const resent = await postBatch(app.url, platform, 'budgets', refusedItems);
    expect(resent.status).toBe(202);
    const report = await waitForBatch(app.url, platform, resent.body.batchId, 60_000);
    expect(report).toMatchObject({ state: 'done', applied: 20 });
    expect(hasExited(worker!)).toBe(false);
  });
});
