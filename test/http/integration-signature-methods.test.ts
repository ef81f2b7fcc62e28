import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IntegrationBudget, IntegrationInbox } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { signRequest } from '../../domain/integration-signature.js';
import { getBatch, postBatch, postRaw, signedHeaders } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import { drainJobs, startTestApp } from '../support/test-app.js';

/**
 * HMAC-SM3 besides HMAC-SHA256 on the inbound 一体化 API, chosen per request by `X-Signature-Method` among the methods
 * the app key is configured for (INTEGRATION_APP_SIGNATURE_METHODS), tried as a forger would: the other method's
 * signature under a method's name, a body changed after signing, a method the key does not allow, one that does not exist.
 */
const sha256 = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET, method: 'HMAC-SHA256' as const };
const sm3 = { ...sha256, method: 'HMAC-SM3' as const };
/** Distinct seeds per request: the same body and second twice would be a replay (409). */
let seed = 700;
const body = () => JSON.stringify({ items: simulatedBudgets(2, { seed: seed++, offset: seed * 10 }) });

describe('a key that accepts both methods (the default)', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('takes a batch signed with HMAC-SM3 and applies it, and answers its status query signed with HMAC-SM3', async () => {
    const items = simulatedBudgets(3, { seed: 1, offset: 9000 });
    const posted = await postBatch(app.url, sm3, 'budgets', items);
    expect(posted).toMatchObject({ status: 202, body: { accepted: 3, rejected: [] } });
    await drainJobs(app);
    expect((await getBatch(app.url, sm3, posted.body.batchId)).body).toMatchObject({ state: 'done', applied: 3 });
    expect(await IntegrationBudget.count({ where: { budgetLineId: items.map((i) => i.budgetLineId) } })).toBe(3);
  });

  it('takes HMAC-SHA256 with the method named and without it (the platforms written before HMAC-SM3)', async () => {
    expect((await postBatch(app.url, sha256, 'budgets', simulatedBudgets(1, { seed: 2, offset: 9100 }))).status).toBe(202);
    const { method: _none, ...unnamed } = sha256;
    expect((await postBatch(app.url, unnamed, 'budgets', simulatedBudgets(1, { seed: 3, offset: 9200 }))).status).toBe(202);
    await drainJobs(app);
  });

  it('refuses the other method under a method name, a changed body, and an unknown method, and stores none of them', async () => {
    const before = await IntegrationInbox.count();
    const sent = body();
    const asSm3 = signedHeaders(sm3, sent);
    const wrongName = await postRaw(app.url, 'budgets', sent, { ...asSm3, 'x-signature-method': 'HMAC-SHA256' });
    expect(wrongName).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    const unnamed = { ...asSm3 };
    delete unnamed['x-signature-method'];
    expect(await postRaw(app.url, 'budgets', sent, unnamed)).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    const asSha = signedHeaders(sha256, sent);
    expect(await postRaw(app.url, 'budgets', sent, { ...asSha, 'x-signature-method': 'HMAC-SM3' })).toMatchObject({
      status: 401,
      body: { code: 'bad_signature' },
    });
    const tampered = await postRaw(app.url, 'budgets', sent.replace(/"amount":"?\d/, '"amount":"9'), asSm3);
    expect(tampered).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    expect(tampered.body.message).toContain('HMAC-SM3');
    const md5 = await postRaw(app.url, 'budgets', sent, { ...asSha, 'x-signature-method': 'HMAC-MD5' });
    expect(md5).toMatchObject({ status: 401, body: { code: 'unsupported_signature_method' } });
    expect(md5.body.message).toMatch(/HMAC-SHA256 或 HMAC-SM3/);
    expect(await IntegrationInbox.count()).toBe(before);
    // The same body, rightly signed, still goes in: nothing above spent it.
    expect((await postRaw(app.url, 'budgets', sent, asSm3)).status).toBe(202);
    await drainJobs(app);
  });

  it('the OpenAPI document names the header, both methods and the refusals', async () => {
    const doc = (await (await fetch(`${app.url}/api/integration/v1/openapi.json`)).json()) as any;
    const header = doc.paths['/budgets'].post.parameters.find((p: any) => p.name === 'X-Signature-Method');
    expect(header).toMatchObject({ in: 'header', required: false, schema: { enum: ['HMAC-SHA256', 'HMAC-SM3'], default: 'HMAC-SHA256' } });
    expect(doc.paths['/batches/{batchId}'].get.parameters.map((p: any) => p.name)).toContain('X-Signature-Method');
    expect(doc.info.description).toContain('HMAC-SM3');
    expect(doc.components.schemas.Error.properties.code.enum).toEqual(
      expect.arrayContaining(['unsupported_signature_method', 'signature_method_not_allowed']),
    );
  });
});

describe('a key configured for HMAC-SM3 alone', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ INTEGRATION_APP_SIGNATURE_METHODS: 'HMAC-SM3' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('takes HMAC-SM3 and refuses a correct HMAC-SHA256 signature, named or not, in Chinese', async () => {
    const before = await IntegrationInbox.count();
    const sent = body();
    const named = await postRaw(app.url, 'budgets', sent, signedHeaders(sha256, sent));
    expect(named).toMatchObject({ status: 401, body: { code: 'signature_method_not_allowed' } });
    expect(named.body.message).toBe('该 X-App-Key 不接受 HMAC-SHA256 签名，请使用 HMAC-SM3（X-Signature-Method 请求头）');
    const ts = String(Math.floor(Date.now() / 1000));
    const unnamed = await postRaw(app.url, 'budgets', sent, {
      'content-type': 'application/json',
      'x-app-key': sha256.appKey,
      'x-timestamp': ts,
      'x-signature': signRequest(sha256.secret, ts, sent),
    });
    expect(unnamed).toMatchObject({ status: 401, body: { code: 'signature_method_not_allowed' } });
    expect(await getBatch(app.url, sha256, '00000000-0000-0000-0000-000000000000')).toMatchObject({
      status: 401,
      body: { code: 'signature_method_not_allowed' },
    });
    expect(await IntegrationInbox.count()).toBe(before);
    const accepted = await postRaw(app.url, 'budgets', sent, signedHeaders(sm3, sent));
    expect(accepted.status).toBe(202);
    await drainJobs(app);
    expect((await getBatch(app.url, sm3, accepted.body.batchId)).body).toMatchObject({ state: 'done' });
  });
});
