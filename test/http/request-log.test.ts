import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import pino from 'pino';
import { answerDatabaseUnavailable } from '../../http/database-unavailable.js';
import { requestLog } from '../../http/request-log.js';
import { api, login, startTestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe('every answer names its request', () => {
  it('pages, API answers and refusals carry an X-Request-Id of their own', async () => {
    const county = await login(app.url, 'nanchangxian');
    const answers = await Promise.all([
      fetch(`${app.url}/admin/login`),
      fetch(`${app.url}${api.list('ProcurementUnit')}`, { headers: { cookie: county.cookie } }),
      fetch(`${app.url}${api.list('ProcurementUnit', '&perPage=-1')}`, { headers: { cookie: county.cookie } }),
      fetch(`${app.url}/readyz`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 400, 200]);
    const ids = answers.map((a) => a.headers.get('x-request-id') ?? '');
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a balancer's request id is kept; anything else a client sends is replaced", async () => {
    const kept = await fetch(`${app.url}/readyz`, { headers: { 'x-request-id': 'a1b2c3d4e5f6a7b8c9d0' } });
    expect(kept.headers.get('x-request-id')).toBe('a1b2c3d4e5f6a7b8c9d0');
    const forged = await fetch(`${app.url}/readyz`, { headers: { 'x-request-id': 'x"; DROP TABLE logs; --' } });
    expect(forged.headers.get('x-request-id')).toMatch(UUID);
  });
});

describe('the request log', () => {
  const lines: Array<Record<string, unknown>> = [];
  let base = '';
  let server: ReturnType<express.Express['listen']>;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const web = express();
    web.use(requestLog(pino({ level: 'info' }, sink)));
    web.get('/ok', (_req, res) => {
      res.json({ ok: true });
    });
    web.get('/away', (req, res) => answerDatabaseUnavailable(req, res));
    await new Promise<void>((resolve) => {
      server = web.listen(0, '127.0.0.1', () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('is one JSON line per request with its id, path and status, and never a cookie or the query', async () => {
    const ok = await fetch(`${base}/ok?name=%E5%8D%97%E6%98%8C`, { headers: { cookie: 'jxcg.sid=secret-session' } });
    const away = await fetch(`${base}/away`, { headers: { accept: 'application/json' } });
    const body = (await away.json()) as { requestId: string };
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines.length).toBe(2);
    const [first, second] = lines as Array<{ req: { id: string; path: string }; res: { statusCode: number }; level: number }>;
    expect(first!).toMatchObject({ req: { id: ok.headers.get('x-request-id'), path: '/ok' }, res: { statusCode: 200 } });
    expect(second!).toMatchObject({ req: { id: away.headers.get('x-request-id'), path: '/away' }, res: { statusCode: 503 } });
    expect(second!.level).toBe(50);
    expect(body.requestId).toBe(away.headers.get('x-request-id'));
    expect(JSON.stringify(lines)).not.toMatch(/secret-session|cookie|name=/);
  });
});
