import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import type { InlineJobQueue } from '../../queue/inline-queue.js';
import { JOBS, QUEUES } from '../../queue/queue-names.js';
import { api, login, loginResponse, startTestApp } from '../support/test-app.js';
import { serveWorkerMetrics } from '../../main/worker-metrics-server.js';

const TOKEN = 'scrape-token-for-the-metrics-test-0123456789';
const POOL_MAX = 7;
const onPostgres = !!process.env.DATABASE_URL;

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp({ METRICS_TOKEN: TOKEN, DATABASE_POOL_MAX: String(POOL_MAX) });
});
afterAll(async () => {
  await app.stop();
});

const scrape = async (headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};
const withToken = () => scrape({ authorization: `Bearer ${TOKEN}` });

/** The value of one series (`name{labels}`), or undefined when the exposition has no such line. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const lines = text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = lines.find((l) => wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('who reads /metrics', () => {
  it('nobody without the scrape token or an administrator session: 401 or 403, and not one figure', async () => {
    const anonymous = await scrape();
    const wrongToken = await scrape({ authorization: `Bearer ${TOKEN.slice(0, -1)}x` });
    const basic = await scrape({ authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` });
    const city = await login(app.url, 'nanchang');
    const province = await login(app.url, 'province');
    const asCity = await scrape({ cookie: city.cookie });
    const asProvince = await scrape({ cookie: province.cookie });
    expect([anonymous.status, wrongToken.status, basic.status, asCity.status, asProvince.status]).toEqual([401, 401, 401, 403, 403]);
    for (const refused of [anonymous, wrongToken, basic, asCity, asProvince]) expect(refused.text).not.toContain('jxcg_');
    expect(asCity.text).toContain('只有系统管理员');
  });

  it('a scraper with the token and a signed-in administrator get the Prometheus text format', async () => {
    const admin = await login(app.url, 'admin');
    const answers = [await withToken(), await scrape({ cookie: admin.cookie })];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.type).toContain('text/plain');
      expect(answer.text).toContain('# TYPE jxcg_http_request_seconds histogram');
    }
  });
});

describe('what /metrics tells', () => {
  it('requests by route template and status class, never by the ids or paths asked for', async () => {
    const county = await login(app.url, 'nanchangxian');
    const before = (await withToken()).text;
    const listRoute = { method: 'GET', route: '/admin/api/resources/:resourceId/actions/:action', status: '2xx' };
    const listed = sample(before, 'jxcg_http_request_seconds_count', listRoute) ?? 0;
    for (let i = 0; i < 3; i++) expect((await county.get(api.list('ProcurementUnit'))).status).toBe(200);
    await fetch(`${app.url}/admin/no-such-page/4711-probe`);
    await fetch(`${app.url}/probe-98765?x=1`);
    const after = (await withToken()).text;
    expect(sample(after, 'jxcg_http_request_seconds_count', listRoute)).toBe(listed + 3);
    expect(after).not.toMatch(/route="[^"]*(4711|98765|no-such-page|probe)/);
    expect(sample(after, 'jxcg_http_request_seconds_count', { route: 'unmatched', status: '4xx' })).toBeGreaterThanOrEqual(1);
  });

  it('refused logins by reason', async () => {
    const before = sample((await withToken()).text, 'jxcg_login_failures_total', { reason: 'credentials' });
    expect(before).toBeDefined();
    const refused = await loginResponse(app.url, 'nanchangxian', 'not-the-password');
    expect(refused.status).not.toBe(302);
    expect(sample((await withToken()).text, 'jxcg_login_failures_total', { reason: 'credentials' })).toBe(before! + 1);
  });

  it('the databases: statements sent and in flight, the pool size, and on PostgreSQL the wait for a connection', async () => {
    const text = (await withToken()).text;
    for (const database of ['main', 'middle']) {
      expect(sample(text, 'jxcg_db_statements_in_flight', { database })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'jxcg_db_pool_max', { database })).toBe(onPostgres ? POOL_MAX : 1);
    }
    expect(sample(text, 'jxcg_db_statement_seconds_count', { database: 'main' })).toBeGreaterThan(0);
    if (onPostgres) expect(sample(text, 'jxcg_db_pool_acquire_seconds_count', { database: 'main' })).toBeGreaterThan(0);
  });

  it('queue depths for every queue and the time each job ran, by outcome', async () => {
    const queue = app.queue as InlineJobQueue;
    await queue.add(QUEUES.maintenance, JOBS.maintenance, {}, { attempts: 1 });
    const waiting = (await withToken()).text;
    const queues = Object.values(QUEUES);
    expect(queues.length).toBe(4);
    for (const name of queues) expect(sample(waiting, 'jxcg_queue_jobs', { queue: name, state: 'waiting' })).toBeDefined();
    await queue.drain();
    const text = (await withToken()).text;
    expect(sample(text, 'jxcg_job_seconds_count', { queue: QUEUES.maintenance, job: JOBS.maintenance, outcome: 'completed' })).toBe(1);
    expect(sample(text, 'jxcg_queue_jobs', { queue: QUEUES.maintenance, state: 'waiting' })).toBe(0);
    expect(sample(text, 'jxcg_queue_jobs', { queue: QUEUES.maintenance, state: 'active' })).toBe(0);
  });
});

describe("a worker's /metrics", () => {
  it('answers the scrape token only, on its own port', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ process: 'worker' });
    const server = await serveWorkerMetrics(registry, TOKEN, '127.0.0.1', 0);
    try {
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const statuses = await Promise.all([
        fetch(`${base}/metrics`).then((r) => r.status),
        fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } }).then((r) => r.status),
        fetch(`${base}/other`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.status),
        fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.status),
      ]);
      expect(statuses).toEqual([401, 401, 404, 200]);
    } finally {
      server.close();
    }
  });
});
