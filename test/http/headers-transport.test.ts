import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startWeb, type Running } from '../../main/bootstrap.js';
import { Announcement } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { simulatedUnits } from '../../tools/integration-fixtures.js';
import { signedHeaders } from '../../tools/integration-client.js';
import { api, drainJobs, login, startTestApp, testEnv, type Client } from '../support/test-app.js';

/**
 * 等保 "transport and caching": HSTS whenever cookies are HTTPS-only, and no answer that carries personal data may be
 * kept by a browser or a proxy (the back button of a shared office PC, a caching proxy between offices).
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
/** A second instance on the same database with COOKIE_SECURE on, as production runs behind HTTPS. */
let secure: Running;
let county: Client;
const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };

beforeAll(async () => {
  app = await startTestApp();
  secure = await startWeb(
    await testEnv({ DATABASE_URL: app.env.DATABASE_URL, MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL, COOKIE_SECURE: 'true' }),
    { seedDemo: false },
  );
  county = await login(app.url, 'nanchangxian');
});
afterAll(async () => {
  await secure?.stop();
  await app.stop();
});

const HSTS = 'strict-transport-security';

describe('HSTS', () => {
  it('with COOKIE_SECURE every answer tells the browser to use HTTPS only, for a year, subdomains included', async () => {
    const paths = ['/admin/login', '/healthz', '/no-such-page', '/api/integration/v1/openapi.json', '/static/panel.css'];
    expect(paths.length).toBe(5);
    for (const path of paths) {
      const answer = await fetch(`${secure.url}${path}`, { redirect: 'manual' });
      expect({ path, hsts: answer.headers.get(HSTS) }).toEqual({ path, hsts: 'max-age=31536000; includeSubDomains' });
    }
  });

  it('without it (development over plain HTTP) there is none, which would lock a browser out of the HTTP site', async () => {
    const answer = await fetch(`${app.url}/admin/login`);
    expect(answer.headers.get(HSTS)).toBeNull();
  });

  it('with COOKIE_SECURE a login over plain HTTP gets no session cookie at all (only over HTTPS or through a trusted balancer)', async () => {
    const answer = await fetch(`${secure.url}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: secure.url },
      body: new URLSearchParams({ email: 'nanchangxian', password: 'Demo@2026' }).toString(),
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.getSetCookie().filter((c) => c.startsWith('jxcg.sid='))).toEqual([]);
  });
});

describe('Cache-Control: no-store on every answer with personal data', () => {
  const noStore = async (path: string, init: RequestInit = {}) => {
    const answer = await fetch(`${app.url}${path}`, { redirect: 'manual', ...init, headers: { cookie: county.cookie, ...init.headers } });
    return { path, status: answer.status, cacheControl: answer.headers.get('cache-control') };
  };

  it('panel pages, the panel API, the login page and the panel error pages', async () => {
    const unit = (await county.get(api.list('ProcurementUnit'))).body.records[0].id;
    const paths = [
      '/admin',
      '/admin/login',
      '/admin/resources/ProcurementUnit',
      `/admin/resources/ProcurementUnit/records/${unit}/show`,
      api.list('ProcurementUnit'),
      api.show('ProcurementUnit', unit),
      api.search('ProcurementUnit', '医院'),
      '/admin/api/dashboard',
      '/admin/no-such-page',
    ];
    const answers = [];
    for (const path of paths) answers.push(await noStore(path, { headers: { accept: 'text/html' } }));
    expect(answers.length).toBe(paths.length);
    for (const answer of answers) expect(answer).toEqual({ path: answer.path, status: expect.any(Number), cacheControl: 'no-store' });
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(paths.length - 1);
  });

  it('an export: its status and the downloaded file', async () => {
    const started = await county.post(api.resourceAction('ProcurementUnit', 'exportXlsx'), { query: '' });
    // The job queue the panel adds to is the process's last started one: the second instance's.
    await drainJobs(secure);
    const status = await noStore(started.body.statusUrl);
    expect(status).toEqual({ path: started.body.statusUrl, status: 200, cacheControl: 'no-store' });
    const { downloadUrl } = (await county.get(started.body.statusUrl)).body;
    expect(downloadUrl).toMatch(/\/download$/);
    expect(await noStore(downloadUrl)).toEqual({ path: downloadUrl, status: 200, cacheControl: 'no-store' });
  });

  it("an announcement's attachment", async () => {
    const announcement = (await Announcement.findOne({ where: { regionCode: '360121', type: 'tender_document' } }))!;
    const path = `/admin/attachments/${announcement.id}`;
    expect(await noStore(path)).toEqual({ path, status: 200, cacheControl: 'no-store' });
  });

  it('the 一体化 API: a batch accepted, its report, and its refusals', async () => {
    const body = JSON.stringify({ items: simulatedUnits(1, { seed: 29 }) });
    const sent = await fetch(`${app.url}/api/integration/v1/units`, { method: 'POST', headers: signedHeaders(platform, body), body });
    expect(sent.status).toBe(202);
    expect(sent.headers.get('cache-control')).toBe('no-store');
    const { batchId } = (await sent.json()) as { batchId: string };
    const report = await fetch(`${app.url}/api/integration/v1/batches/${batchId}`, { headers: signedHeaders(platform, '') });
    expect(report.status).toBe(200);
    expect(report.headers.get('cache-control')).toBe('no-store');
    const unsigned = await fetch(`${app.url}/api/integration/v1/batches/${batchId}`);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('cache-control')).toBe('no-store');
    expect(await noStore('/api/integration/v1/no-such-endpoint')).toMatchObject({ status: 404, cacheControl: 'no-store' });
    await drainJobs(app);
  });

  it("the panel's scripts, which hold nothing personal and are the same for everyone, stay cacheable", async () => {
    const answer = await fetch(`${app.url}/admin/frontend/assets/components.bundle.js`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).not.toContain('no-store');
  });
});
