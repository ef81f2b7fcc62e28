import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_CLOCK_SKEW_SECONDS = 300;

/**
 * The HMACs a request may be signed with, by the name the platform sends in `X-Signature-Method`: HMAC-SM3 (GB/T
 * 32905, what the commercial-cryptography assessment asks for) besides the HMAC-SHA256 the platform always used.
 */
export const SIGNATURE_METHODS = ['HMAC-SHA256', 'HMAC-SM3'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];
/** What a request without `X-Signature-Method` is signed with: the platforms written before HMAC-SM3 send none. */
export const DEFAULT_SIGNATURE_METHOD: SignatureMethod = 'HMAC-SHA256';

const DIGEST: Record<SignatureMethod, string> = { 'HMAC-SHA256': 'sha256', 'HMAC-SM3': 'sm3' };

export function isSignatureMethod(value: string): value is SignatureMethod {
  return (SIGNATURE_METHODS as readonly string[]).includes(value);
}

/** Lowercase hex HMAC(secret, `${timestamp}\n${rawBody}`) with the method's hash: the platform signs every request this way. */
export function signRequest(
  secret: string,
  timestamp: string,
  rawBody: string | Buffer,
  method: SignatureMethod = DEFAULT_SIGNATURE_METHOD,
): string {
  return createHmac(DIGEST[method], secret).update(`${timestamp}\n`).update(rawBody).digest('hex');
}

/** An app key's secret and the signature methods it may use (an app key set to HMAC-SM3 alone refuses HMAC-SHA256). */
export interface PlatformApp {
  secret: string;
  methods: readonly SignatureMethod[];
}

export interface SignedHeaders {
  appKey?: string;
  timestamp?: string;
  signature?: string;
  /** `X-Signature-Method`; absent means DEFAULT_SIGNATURE_METHOD. */
  method?: string;
}
export type Verdict = { ok: true; method: SignatureMethod } | { ok: false; status: 401; code: string; message: string };

/**
 * Checks who sent a request, with which of its allowed methods, and that it is fresh. Which key, which clock and
 * which secrets are the caller's business, so the rule itself stays a pure function.
 */
export function verifySignedRequest(
  headers: SignedHeaders,
  rawBody: string | Buffer,
  apps: ReadonlyMap<string, PlatformApp>,
  nowSeconds: number,
): Verdict {
  const { appKey, timestamp, signature } = headers;
  if (!appKey || !timestamp || !signature) {
    return { ok: false, status: 401, code: 'missing_credentials', message: '缺少 X-App-Key、X-Timestamp 或 X-Signature 请求头' };
  }
  const app = apps.get(appKey);
  if (app === undefined) return { ok: false, status: 401, code: 'unknown_app_key', message: `未知的 X-App-Key：${appKey}` };
  const method = headers.method?.trim().toUpperCase() || DEFAULT_SIGNATURE_METHOD;
  if (!isSignatureMethod(method)) {
    return {
      ok: false,
      status: 401,
      code: 'unsupported_signature_method',
      message: `不支持的 X-Signature-Method：${method.slice(0, 40)}，应为 ${SIGNATURE_METHODS.join(' 或 ')}`,
    };
  }
  if (!app.methods.includes(method)) {
    return {
      ok: false,
      status: 401,
      code: 'signature_method_not_allowed',
      message: `该 X-App-Key 不接受 ${method} 签名，请使用 ${app.methods.join(' 或 ')}（X-Signature-Method 请求头）`,
    };
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, status: 401, code: 'bad_timestamp', message: 'X-Timestamp 应为 Unix 秒数' };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, status: 401, code: 'stale_timestamp', message: `X-Timestamp 与服务器时间相差超过 ${MAX_CLOCK_SKEW_SECONDS} 秒` };
  }
  const expected = Buffer.from(signRequest(app.secret, timestamp, rawBody, method), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, code: 'bad_signature', message: `X-Signature 校验失败（按 ${method} 计算）` };
  }
  return { ok: true, method };
}
