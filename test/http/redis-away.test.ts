import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntegrationInbox } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { freePort } from '../support/until.js';

const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };

/** The web with BullMQ while Redis is not there at all (nothing listens on its port): it serves, and says so. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp({ QUEUE_DRIVER: 'bullmq', REDIS_URL: `redis://127.0.0.1:${await freePort()}`, QUEUE_PREFIX: 'redis-away' });
});
afterAll(async () => {
  await app?.stop();
});

const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
};

describe('the web while Redis is away', () => {
  it('/readyz answers within a second: 503 naming Redis, in our words only', async () => {
    const { result, ms } = await timed(() => fetch(`${app.url}/readyz`));
    expect(result.status).toBe(503);
    expect(ms).toBeLessThan(1000);
    const body = (await result.json()) as { checks: { queue: { ok: boolean; detail: string }; database: { ok: boolean } } };
    expect(body.checks.queue).toEqual({ ok: false, detail: 'Redis 不可用' });
    expect(body.checks.database.ok).toBe(true);
  });

  it('lists and the dashboard answer as usual', async () => {
    const county = await login(app.url, 'nanchangxian');
    const list = await timed(() => county.get(api.list('ProcurementUnit')));
    expect(list.result.status).toBe(200);
    expect(list.result.body.records.length).toBeGreaterThan(0);
    const dashboard = await timed(() => county.get('/admin/api/dashboard'));
    expect(dashboard.result.status).toBe(200);
    expect(dashboard.ms).toBeLessThan(3000);
  });

  it("the 一体化 API answers 202 as soon as the batch is stored, within the queue call's bound", async () => {
    const { result, ms } = await timed(() => postBatch(app.url, platform, 'budgets', simulatedBudgets(5, { seed: 801, offset: 801_000 })));
    expect(result.status).toBe(202);
    expect(ms).toBeLessThan(4000);
    expect((await IntegrationInbox.findByPk(result.body.batchId as string))!.state).toBe('received');
  });
});
