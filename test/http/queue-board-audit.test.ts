import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { AuditLog } from '../../db/models.js';
import { QUEUE_ACTION, QUEUE_RECORD_TYPE } from '../../http/queue-board.js';
import { killRedis, redisPort, startRedis } from '../support/own-redis.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';
import { hasExited } from '../support/worker-process.js';
import { needs } from '../support/requires.js';

/**
 * 三员分立: what the system administrator does on the queue board (bull-board, a page of its own outside the panel's
 * resources) is in the audit trail, where the audit administrator reads it; nobody else may do it.
 */
jest.setTimeout(120_000);
const board = await needs('任务队列操作的审计', 'own-redis');

board.describe('the queue board, run by the system administrator, audited', () => {
  let redis: ChildProcess | undefined;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const clients: Record<string, Client> = {};
  const put = (client: Client, path: string) =>
    fetch(`${app.url}/admin/queues/api/queues${path}`, { method: 'PUT', headers: { cookie: client.cookie, origin: app.url } });

  beforeAll(async () => {
    const port = await redisPort();
    redis = await startRedis(port);
    app = await startTestApp({
      QUEUE_DRIVER: 'bullmq',
      REDIS_URL: `redis://127.0.0.1:${port}`,
      QUEUE_PREFIX: `board-${randomUUID().slice(0, 8)}`,
    });
    for (const name of ['admin', 'security', 'auditor', 'province']) clients[name] = await login(app.url, name);
  });
  afterAll(async () => {
    await app?.stop().catch(() => undefined);
    if (redis && !hasExited(redis)) await killRedis(redis);
  });

  it('the others are refused the board’s operations, and nothing of theirs is recorded as done', async () => {
    const before = await AuditLog.count({ where: { action: QUEUE_ACTION } });
    for (const name of ['security', 'auditor', 'province'])
      expect({ name, status: (await put(clients[name]!, '/export/pause')).status }).toEqual({ name, status: 403 });
    expect(await AuditLog.count({ where: { action: QUEUE_ACTION } })).toBe(before);
  });

  it('pausing one queue, then resuming all, are each written down with the request, for the audit administrator to read', async () => {
    expect((await put(clients.admin!, '/export/pause')).status).toBe(200);
    expect((await put(clients.admin!, '/resume')).status).toBe(200);
    const rows = await AuditLog.findAll({ where: { action: QUEUE_ACTION }, order: [['id', 'ASC']] });
    expect(rows.map((r) => [r.actorUsername, r.actorRole, r.resourceId, r.recordId, r.reason])).toEqual([
      ['admin', 'admin', QUEUE_RECORD_TYPE, 'export', 'PUT /admin/queues/api/queues/export/pause'],
      ['admin', 'admin', QUEUE_RECORD_TYPE, null, 'PUT /admin/queues/api/queues/resume'],
    ]);
    const { body } = await clients.auditor!.get(api.list('AuditLog', `&filters.action=${QUEUE_ACTION}`));
    expect(body.records).toHaveLength(2);
    // Looking at the board is not an action.
    expect((await fetch(`${app.url}/admin/queues/api/queues`, { headers: { cookie: clients.admin!.cookie } })).status).toBe(200);
    expect(await AuditLog.count({ where: { action: QUEUE_ACTION } })).toBe(2);
  });
});
