import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ProcurementUnit } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;
beforeAll(async () => {
  app = await startTestApp();
  county = await login(app.url, 'nanchangxian');
});
afterAll(async () => {
  await app.stop();
});

const submittedUnit = () =>
  ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted' }, order: [['id', 'ASC']] }).then((u) => u!);

async function returnUnit(id: number, headers: Record<string, string>, body: BodyInit = JSON.stringify({ reason: '伪造的退回' })) {
  const response = await fetch(`${app.url}${api.record('ProcurementUnit', id, 'reject')}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: county.cookie, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('state changes only from our own pages (CSRF)', () => {
  it('a request from another origin of the same host is refused, and the unit stays as it was', async () => {
    const unit = await submittedUnit();
    const other = new URL(app.url);
    other.port = String(Number(other.port) + 1);
    for (const origin of [other.origin, 'http://evil.example', 'null']) {
      const answer = await returnUnit(unit.id, { origin });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.text).message).toContain('不是从本系统页面发出');
    }
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });

  it('a request that names no origin at all (no Origin, no Sec-Fetch-Site) is refused', async () => {
    const unit = await submittedUnit();
    expect((await returnUnit(unit.id, {})).status).toBe(403);
    expect((await returnUnit(unit.id, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await returnUnit(unit.id, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });

  it('the panel itself keeps working: our own Origin, or Sec-Fetch-Site same-origin where a browser sends no Origin', async () => {
    const first = await submittedUnit();
    const ours = await returnUnit(first.id, { origin: app.url });
    expect(ours.status).toBe(200);
    expect(JSON.parse(ours.text).notice.type).toBe('success');
    const second = await submittedUnit();
    const fetched = await returnUnit(second.id, { 'sec-fetch-site': 'same-origin' });
    expect(JSON.parse(fetched.text).notice.type).toBe('success');
  });

  it('login from a foreign page is refused too (login CSRF)', async () => {
    const response = await fetch(`${app.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      body: new URLSearchParams({ email: 'nanchangxian', password: 'Demo@2026' }).toString(),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('the signed 一体化 API is exempt: its signature proves the sender (an unsigned call is refused for that, not for its origin)', async () => {
    const response = await fetch(`${app.url}/api/integration/v1/budgets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });
});

function uploadsInTemp(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => /^upload_/.test(name));
}

function multipartWithFile(size: number): { body: Buffer<ArrayBuffer>; type: string } {
  const boundary = '----jxcgboundary';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\nnanchangxian\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.from(`${head}${'a'.repeat(size)}\r\n--${boundary}--\r\n`),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('request bodies: nothing written to disk, sizes capped, file parts refused', () => {
  it('file parts posted without logging in leave nothing in the temp directory', async () => {
    const before = uploadsInTemp();
    const { body, type } = multipartWithFile(3 * 1024 * 1024);
    for (const path of ['/admin/login', '/admin/api/resources/ProcurementUnit/actions/list', '/admin/anything']) {
      const response = await fetch(`${app.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': type, origin: app.url },
        body,
      });
      expect([302, 413]).toContain(response.status);
      await response.arrayBuffer().catch(() => undefined);
    }
    const small = multipartWithFile(10);
    const login = await fetch(`${app.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': small.type, origin: app.url },
      body: small.body,
    });
    expect(login.status).toBe(413);
    expect(((await login.json()) as { message: string }).message).toBe('本系统不接受文件上传');
    expect(uploadsInTemp()).toEqual(before);
  });

  it("a signed-in user's file part is refused and changes nothing; a multipart form without files still works", async () => {
    const before = uploadsInTemp();
    const unit = await submittedUnit();
    const { body, type } = multipartWithFile(2048);
    const refused = await returnUnit(unit.id, { origin: app.url, 'content-type': type }, body);
    expect(refused.status).toBe(413);
    await unit.reload();
    expect(unit.status).toBe('submitted');
    expect(uploadsInTemp()).toEqual(before);
    const form = new FormData();
    form.set('reason', '多部分表单的退回理由');
    const response = await fetch(`${app.url}${api.record('ProcurementUnit', unit.id, 'reject')}`, {
      method: 'POST',
      headers: { cookie: county.cookie, origin: app.url },
      body: form,
    });
    expect(((await response.json()) as { notice: { type: string } }).notice.type).toBe('success');
    await unit.reload();
    expect(unit.reviewComment).toBe('多部分表单的退回理由');
  });

  it('a body over the cap is refused with 413 before it is read; an unsupported content type is 415 in Chinese', async () => {
    const unit = await submittedUnit();
    const big = await returnUnit(
      unit.id,
      { origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
      `reason=${'x'.repeat(2 * 1024 * 1024)}`,
    );
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).message).toContain('超过');
    const plain = await returnUnit(unit.id, { origin: app.url, 'content-type': 'text/plain' }, 'reason=x');
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.text).message).toContain('不支持的内容类型');
    expect(plain.text).not.toMatch(/at \w+ \(|Error:/);
    const broken = await returnUnit(unit.id, { origin: app.url }, '{"reason": ');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text).message).toBe('提交的 JSON 格式有误');
    await unit.reload();
    expect(unit.status).toBe('submitted');
  });
});

describe('caching of personal data', () => {
  it("API answers and panel pages are no-store; the panel's scripts may be cached", async () => {
    const list = await fetch(`${app.url}${api.list('ProcurementUnit')}`, { headers: { cookie: county.cookie } });
    expect(list.headers.get('cache-control')).toBe('no-store');
    const page = await fetch(`${app.url}/admin`, { headers: { cookie: county.cookie } });
    expect(page.headers.get('cache-control')).toBe('no-store');
    const script = await fetch(`${app.url}/admin/frontend/assets/components.bundle.js`);
    expect(script.headers.get('cache-control')).not.toBe('no-store');
  });
});
