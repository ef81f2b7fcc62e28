import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { signRequest, verifySignedRequest, type PlatformApp } from '../../domain/integration-signature.js';

const secret = 'a-secret-of-at-least-thirty-two-chars!!';
const apps = new Map<string, PlatformApp>([
  ['platform', { secret, methods: ['HMAC-SHA256', 'HMAC-SM3'] }],
  ['sm3-only', { secret, methods: ['HMAC-SM3'] }],
]);
const body = '{"items":[{"voucherNo":"PZ1"}]}';
const now = 1_795_600_000;

describe('signRequest', () => {
  it('is lowercase hex HMAC-SHA256 over "timestamp\\nbody" by default', () => {
    const expected = createHmac('sha256', 'k').update(`123\n${body}`).digest('hex');
    expect(signRequest('k', '123', body)).toBe(expected);
    expect(signRequest('k', '123', Buffer.from(body))).toBe(expected);
    expect(signRequest('k', '123', body, 'HMAC-SHA256')).toBe(expected);
  });

  it('is lowercase hex HMAC-SM3 over the same text with HMAC-SM3, and differs from the SHA-256 one', () => {
    const expected = createHmac('sm3', 'k').update(`123\n${body}`).digest('hex');
    expect(signRequest('k', '123', body, 'HMAC-SM3')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(expected).not.toBe(signRequest('k', '123', body));
  });
});

describe('verifySignedRequest', () => {
  const good = (ts = now, method?: 'HMAC-SHA256' | 'HMAC-SM3', appKey = 'platform') => ({
    appKey,
    timestamp: String(ts),
    signature: signRequest(secret, String(ts), body, method),
    ...(method && { method }),
  });

  it('accepts a correct signature within the clock window, at both edges, with either method the key allows', () => {
    expect(verifySignedRequest(good(), body, apps, now)).toEqual({ ok: true, method: 'HMAC-SHA256' });
    expect(verifySignedRequest(good(now - 300), body, apps, now)).toEqual({ ok: true, method: 'HMAC-SHA256' });
    expect(verifySignedRequest(good(now + 300), body, apps, now)).toEqual({ ok: true, method: 'HMAC-SHA256' });
    expect(verifySignedRequest(good(now, 'HMAC-SM3'), body, apps, now)).toEqual({ ok: true, method: 'HMAC-SM3' });
    expect(verifySignedRequest({ ...good(now, 'HMAC-SM3'), method: ' hmac-sm3 ' }, body, apps, now)).toEqual({
      ok: true,
      method: 'HMAC-SM3',
    });
    expect(verifySignedRequest(good(now, 'HMAC-SM3', 'sm3-only'), body, apps, now)).toEqual({ ok: true, method: 'HMAC-SM3' });
  });

  it.each([
    ['missing headers', { appKey: 'platform' }, body, 'missing_credentials'],
    ['unknown key', { ...good(), appKey: 'someone' }, body, 'unknown_app_key'],
    ['timestamp not a number', { ...good(), timestamp: 'yesterday' }, body, 'bad_timestamp'],
    ['timestamp 301 s old', good(now - 301), body, 'stale_timestamp'],
    ['timestamp 301 s ahead', good(now + 301), body, 'stale_timestamp'],
    ['body changed after signing', good(), body.replace('PZ1', 'PZ2'), 'bad_signature'],
    ['body changed after SM3 signing', good(now, 'HMAC-SM3'), body.replace('PZ1', 'PZ2'), 'bad_signature'],
    ['signature not hex', { ...good(), signature: 'zz' }, body, 'bad_signature'],
    ['signature with a wrong secret', { ...good(), signature: signRequest('other', String(now), body) }, body, 'bad_signature'],
    ['an SM3 signature named HMAC-SHA256', { ...good(now, 'HMAC-SM3'), method: 'HMAC-SHA256' }, body, 'bad_signature'],
    ['an SM3 signature without the method header', { ...good(now, 'HMAC-SM3'), method: undefined }, body, 'bad_signature'],
    ['a SHA-256 signature named HMAC-SM3', { ...good(), method: 'HMAC-SM3' }, body, 'bad_signature'],
    ['an unknown method', { ...good(), method: 'HMAC-MD5' }, body, 'unsupported_signature_method'],
    ['HMAC-SHA256 on a key that allows HMAC-SM3 only', good(now, 'HMAC-SHA256', 'sm3-only'), body, 'signature_method_not_allowed'],
    ['no method (HMAC-SHA256) on a key that allows HMAC-SM3 only', good(now, undefined, 'sm3-only'), body, 'signature_method_not_allowed'],
  ])('refuses %s with 401', (_name, headers, sentBody, code) => {
    const verdict = verifySignedRequest(headers, sentBody, apps, now);
    expect(verdict).toMatchObject({ ok: false, status: 401, code });
    expect((verdict as { message: string }).message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
