import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { hashPassword } from '../../services/password-hash.js';
import { simulatedUnits } from '../../tools/integration-fixtures.js';
import { signedHeaders } from '../../tools/integration-client.js';
import { scratchDir, seededDatabaseUrls } from '../support/databases.js';
import { login, type Client } from '../support/test-app.js';
import { productionEnv } from '../support/production-env.js';
import { freePort } from '../support/until.js';
import { startWebProcess, type WebProcess } from '../support/web-process.js';
import { exited, hasExited } from '../support/worker-process.js';

/**
 * What an attacker learns from our errors: a real web process in production mode (NODE_ENV=production, as Express and
 * AdminJS see it too), its tables taken away under it so that every kind of route fails inside, and the answers read
 * for what they must never say. The log, which only the operator reads, keeps the driver's words.
 */
jest.setTimeout(180_000);

const PASSWORD = 'Leak#Check-2026';
const platform = { appKey: 'leak-check-platform', secret: 'l'.repeat(40) };

let web: WebProcess;
let db: Sequelize;
let url: string;
let county: Client;
let announcementId: number;

beforeAll(async () => {
  const urls = await seededDatabaseUrls(scratchDir('leaks'));
  db = createSequelize(urls.DATABASE_URL);
  // Not the demo password: production may refuse it.
  await db.query('UPDATE supervisor_users SET password_hash = $1 WHERE username = $2', {
    bind: [await hashPassword(PASSWORD), 'nanchangxian'],
  });
  const [announcement] = await db.query<{ id: number }>(
    "SELECT id FROM announcements WHERE region_code = '360121' AND type = 'tender_document' ORDER BY id LIMIT 1",
    { type: QueryTypes.SELECT },
  );
  announcementId = announcement!.id;
  const port = await freePort();
  web = startWebProcess(
    productionEnv({
      PORT: String(port),
      DATABASE_URL: urls.DATABASE_URL,
      ...(urls.MIDDLE_DATABASE_URL && { MIDDLE_DATABASE_URL: urls.MIDDLE_DATABASE_URL }),
      DATA_DIR: scratchDir('leaks-data'),
      INTEGRATION_APP_KEY: platform.appKey,
      INTEGRATION_APP_SECRET: platform.secret,
    }),
  );
  await web.started;
  url = `http://127.0.0.1:${port}`;
  county = await login(url, 'nanchangxian', PASSWORD);
});

afterAll(async () => {
  if (web && !hasExited(web.child)) {
    web.child.kill('SIGTERM');
    await exited(web.child);
  }
  await db?.close();
});

/** Stack frames, source paths, SQL and the driver's words, in any answer. */
const LEAKS = [
  /\bat [\w.<>]+ \(|\bat (file:|\/)|:\d+:\d+\)/,
  /node_modules|\/work\/|\/tmp\/|\/home\/|\.tsx?\b|\.m?js:\d/,
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/i,
  /SQLITE_|no such table|relation "|does not exist|syntax error|Sequelize\w*Error|TypeError|URIError|Failed to decode/i,
  /procurement_units|data_exports|announcement_attachments|integration_inbox|_away\b/,
];

function expectNothingLeaked(what: string, text: string): void {
  const found = LEAKS.map((pattern) => pattern.exec(text)?.[0]).filter(Boolean);
  expect({ what, found }).toEqual({ what, found: [] });
}

async function read(
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  const answer = await fetch(`${url}${path}`, { redirect: 'manual', ...init, headers: { cookie: county.cookie, ...init.headers } });
  return { status: answer.status, text: await answer.text() };
}

/** One request with headers as large as wanted, which fetch would refuse to send. */
function rawRequest(path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: target.hostname, port: target.port, path, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    request.end();
  });
}

const BROWSER = { accept: 'text/html,application/xhtml+xml' };
const SCRIPT = { accept: 'application/json' };

describe('production: what the answers never say', () => {
  it('a mistyped address: our 404 page or JSON, nothing else', async () => {
    const paths = ['/no-such-page', '/admin/no-such-page', '/admin/exports/no/such/thing', '/api/integration/v1/no-such-endpoint'];
    expect(paths.length).toBe(4);
    for (const path of paths)
      for (const headers of [BROWSER, SCRIPT]) {
        const answer = await read(path, { headers });
        expect({ path, status: answer.status }).toEqual({ path, status: 404 });
        expectNothingLeaked(path, answer.text);
      }
  });

  it('an address with broken percent-encoding (%E0%A4%A): 400 in our words, on every kind of route', async () => {
    const paths = [
      '/admin/api/resources/ProcurementUnit/records/%E0%A4%A/show',
      '/admin/attachments/%E0%A4%A',
      '/admin/exports/%E0%A4%A',
      '/admin/exports/%E0%A4%A/download',
      '/api/integration/v1/batches/%E0%A4%A',
    ];
    expect(paths.length).toBe(5);
    for (const path of paths)
      for (const headers of [BROWSER, SCRIPT]) {
        const answer = await read(path, { headers });
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
        expectNothingLeaked(path, answer.text);
        if (path.startsWith('/admin/')) expect(answer.text).toContain('请求的地址或内容格式有误');
      }
    // Not signed in, the panel sends the browser to its login page before reading the address.
    const anonymous = await fetch(`${url}/admin/%E0%A4%A`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
  });

  it('a huge header: refused by the server before any of our code, with nothing in the answer', async () => {
    // The server answers 431 and closes while the client may still be sending the header: the client then sees the
    // connection reset before the answer. Either way nothing of ours reaches it.
    const answer = await rawRequest('/admin', { cookie: county.cookie, 'x-filler': 'a'.repeat(300 * 1024) }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
        return { status: 'reset', text: '' };
      },
    );
    expect([431, 'reset']).toContain(answer.status);
    expect(answer.text).toBe('');
    // Large but within the limit (a bulk action names thousands of ids): served as usual.
    const large = await rawRequest('/healthz', { 'x-filler': 'a'.repeat(100 * 1024) });
    expect(large.status).toBe(200);
  });

  it('a failure inside each kind of route (its table gone): 500 with the request id, the cause in the log only', async () => {
    for (const table of ['procurement_units', 'data_exports', 'announcement_attachments', 'integration_inbox'])
      await db.query(`ALTER TABLE ${table} RENAME TO ${table}_away`);
    const body = JSON.stringify({ items: simulatedUnits(1, { seed: 7 }) });
    const requests: Array<[string, () => Promise<{ status: number; text: string }>]> = [
      ['list', () => read('/admin/api/resources/ProcurementUnit/actions/list', { headers: SCRIPT })],
      ['list page', () => read('/admin/api/resources/ProcurementUnit/actions/list', { headers: BROWSER })],
      ['show', () => read('/admin/api/resources/ProcurementUnit/records/1/show', { headers: SCRIPT })],
      ['dashboard', () => read('/admin/api/dashboard', { headers: SCRIPT })],
      ['export status', () => read('/admin/exports/00000000-0000-0000-0000-000000000000', { headers: SCRIPT })],
      ['export download', () => read('/admin/exports/00000000-0000-0000-0000-000000000000/download', { headers: BROWSER })],
      ['attachment', () => read(`/admin/attachments/${announcementId}`, { headers: BROWSER })],
      [
        'export start',
        () =>
          read('/admin/api/resources/ProcurementUnit/actions/exportXlsx', {
            method: 'POST',
            headers: { ...SCRIPT, 'content-type': 'application/json', origin: url },
            body: JSON.stringify({ query: '' }),
          }),
      ],
      ['一体化 batch', () => read('/api/integration/v1/units', { method: 'POST', headers: signedHeaders(platform, body), body })],
    ];
    expect(requests.length).toBe(9);
    for (const [what, request] of requests) {
      const answer = await request();
      expect({ what, status: answer.status }).toEqual({ what, status: 500 });
      expectNothingLeaked(what, answer.text);
      if (what !== '一体化 batch') expect(answer.text).toMatch(/请求编号|"requestId":"[0-9a-f-]{36}"/);
    }
    // The failures were real, and the operator has their causes.
    expect(web.output()).toMatch(/procurement_units|data_exports/);
    for (const table of ['procurement_units', 'data_exports', 'announcement_attachments', 'integration_inbox'])
      await db.query(`ALTER TABLE ${table}_away RENAME TO ${table}`);
  });
});
