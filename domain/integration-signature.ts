import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_CLOCK_SKEW_SECONDS = 300;

/** Lowercase hex HMAC-SHA256(secret, `${timestamp}\n${rawBody}`): the platform signs every request this way. */
export function signRequest(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}\n`).update(rawBody).digest('hex');
}

export interface SignedHeaders {
  appKey?: string;
  timestamp?: string;
  signature?: string;
}
export type Verdict = { ok: true } | { ok: false; status: 401; code: string; message: string };

/**
 * Checks who sent a request and that it is fresh. Which key, which clock and which secrets are the caller's business,
 * so the rule itself stays a pure function.
 */
export function verifySignedRequest(
  headers: SignedHeaders,
  rawBody: string | Buffer,
  secrets: ReadonlyMap<string, string>,
  nowSeconds: number,
): Verdict {
  const { appKey, timestamp, signature } = headers;
  if (!appKey || !timestamp || !signature) {
    return { ok: false, status: 401, code: 'missing_credentials', message: '缺少 X-App-Key、X-Timestamp 或 X-Signature 请求头' };
  }
  const secret = secrets.get(appKey);
  if (secret === undefined) return { ok: false, status: 401, code: 'unknown_app_key', message: `未知的 X-App-Key：${appKey}` };
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, status: 401, code: 'bad_timestamp', message: 'X-Timestamp 应为 Unix 秒数' };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, status: 401, code: 'stale_timestamp', message: `X-Timestamp 与服务器时间相差超过 ${MAX_CLOCK_SKEW_SECONDS} 秒` };
  }
  const expected = Buffer.from(signRequest(secret, timestamp, rawBody), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, code: 'bad_signature', message: 'X-Signature 校验失败' };
  }
  return { ok: true };
}
