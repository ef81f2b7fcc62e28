import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import pino from 'pino';
import { errorHandler, notFound } from '../../http/error-handler.js';
import { requestLog } from '../../http/request-log.js';
import { login, startTestApp } from '../support/test-app.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const HTML = { accept: 'text/html,application/xhtml+xml' };

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

/** The page's request id must be the one in X-Request-Id, which the log line carries too. */
async function page(response: Response): Promise<{ status: number; text: string; id: string }> {
  return { status: response.status, text: await response.text(), id: response.headers.get('x-request-id') ?? '' };
}

describe('a mistyped address answers our 404 page', () => {
  it('under /admin, signed in: 404, Chinese, a way back to 工作台, the request id, no English', async () => {
    const county = await login(app.url, 'nanchangxian');
    const answer = await page(await fetch(`${app.url}/admin/no-such-page`, { headers: { ...HTML, cookie: county.cookie } }));
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('页面不存在');
    expect(answer.text).toContain('<a href="/admin">返回工作台</a>');
    expect(answer.id).toMatch(UUID);
    expect(answer.text).toContain(`请求编号 ${answer.id}`);
    expect(answer.text).not.toMatch(/Cannot GET|Not Found/);
  });

  it('outside /admin: the same page, and JSON with the request id to a script', async () => {
    const html = await page(await fetch(`${app.url}/no-such-page`, { headers: HTML }));
    expect(html.status).toBe(404);
    expect(html.text).toContain('页面不存在');
    expect(html.text).toContain(`请求编号 ${html.id}`);
    expect(html.text).not.toContain('Cannot GET');
    const json = await fetch(`${app.url}/no-such-page`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({
      code: 'not_found',
      message: expect.stringContaining('地址不存在'),
      requestId: json.headers.get('x-request-id'),
    });
  });

  it('the 一体化 API keeps its own JSON answer for an unknown path', async () => {
    const answer = await fetch(`${app.url}/api/integration/v1/no-such-endpoint`, { headers: HTML });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('json');
    expect(await answer.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('a failure answers our 500 page', () => {
  // The app's own error handler on a route that fails: no route of the real app fails on purpose.
  async function failing(accept: string): Promise<Response> {
    const server = express()
      .use(requestLog(pino({ level: 'silent' })))
      .get('/boom', () => {
        throw new Error('relation "secret_table" does not exist');
      })
      .use(notFound)
      .use(errorHandler)
      .listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      return await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`, { headers: { accept } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('500, Chinese, the request id, none of the error text', async () => {
    const html = await failing(HTML.accept);
    const id = html.headers.get('x-request-id') ?? '';
    const text = await html.text();
    expect(html.status).toBe(500);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(text).toContain('服务器内部错误');
    expect(text).toContain(`请求编号 ${id}`);
    expect(text).toContain('返回工作台');
    expect(text).not.toMatch(/secret_table|relation|Internal Server Error/);
    const json = await failing('application/json');
    const body = (await json.json()) as Record<string, unknown>;
    expect(json.status).toBe(500);
    expect(body).toMatchObject({ code: 'internal_error', requestId: json.headers.get('x-request-id') });
    expect(JSON.stringify(body)).not.toContain('secret_table');
  });
});
