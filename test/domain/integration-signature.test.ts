import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { signRequest, verifySignedRequest } from '../../domain/integration-signature.js';

const secrets = new Map([['platform', 'a-secret-of-at-least-thirty-two-chars!!']]);
const body = '{"items":[{"voucherNo":"PZ1"}]}';
const now = 1_795_600_000;

describe('signRequest', () => {
  it('is lowercase hex HMAC-SHA256 over "timestamp\\nbody"', () => {
    const expected = createHmac('sha256', 'k').update(`123\n${body}`).digest('hex');
    expect(signRequest('k', '123', body)).toBe(expected);
    expect(signRequest('k', '123', Buffer.from(body))).toBe(expected);
  });
});

describe('verifySignedRequest', () => {
  const good = (ts = now) => ({
    appKey: 'platform',
    timestamp: String(ts),
    signature: signRequest(secrets.get('platform')!, String(ts), body),
  });

  it('accepts a correct signature within the clock window, at both edges', () => {
    expect(verifySignedRequest(good(), body, secrets, now)).toEqual({ ok: true });
    expect(verifySignedRequest(good(now - 300), body, secrets, now)).toEqual({ ok: true });
    expect(verifySignedRequest(good(now + 300), body, secrets, now)).toEqual({ ok: true });
  });

  it.each([
    ['missing headers', { appKey: 'platform' }, body, 'missing_credentials'],
    ['unknown key', { ...good(), appKey: 'someone' }, body, 'unknown_app_key'],
    ['timestamp not a number', { ...good(), timestamp: 'yesterday' }, body, 'bad_timestamp'],
    ['timestamp 301 s old', good(now - 301), body, 'stale_timestamp'],
    ['timestamp 301 s ahead', good(now + 301), body, 'stale_timestamp'],
    ['body changed after signing', good(), body.replace('PZ1', 'PZ2'), 'bad_signature'],
    ['signature not hex', { ...good(), signature: 'zz' }, body, 'bad_signature'],
    ['signature with a wrong secret', { ...good(), signature: signRequest('other', String(now), body) }, body, 'bad_signature'],
  ])('refuses %s with 401', (_name, headers, sentBody, code) => {
    const verdict = verifySignedRequest(headers, sentBody, secrets, now);
    expect(verdict).toMatchObject({ ok: false, status: 401, code });
    expect((verdict as { message: string }).message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
