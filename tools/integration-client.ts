import { signRequest, type SignatureMethod } from '../domain/integration-signature.js';
import type { IntegrationKind } from '../domain/integration-items.js';

export interface PlatformCredentials {
  appKey: string;
  secret: string;
  /** Sent as `X-Signature-Method`; left out, the request is signed with HMAC-SHA256 and names no method. */
  method?: SignatureMethod;
}
export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON answer, whose shape each caller asserts
  body: any;
}

/** What the 一体化 platform does: signs the exact bytes it sends. Tests, the simulator and benchmarks share it. */
export function signedHeaders(
  credentials: PlatformCredentials,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const ts = String(timestamp);
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-app-key': credentials.appKey,
    'x-timestamp': ts,
    'x-signature': signRequest(credentials.secret, ts, body, credentials.method),
    ...(credentials.method && { 'x-signature-method': credentials.method }),
  };
}

async function answer(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

export async function postRaw(baseUrl: string, kind: IntegrationKind, body: string, headers: Record<string, string>): Promise<ApiAnswer> {
  return answer(await fetch(`${baseUrl}/api/integration/v1/${kind}`, { method: 'POST', headers, body }));
}

export async function postBatch(
  baseUrl: string,
  credentials: PlatformCredentials,
  kind: IntegrationKind,
  items: unknown[],
  timestamp?: number,
): Promise<ApiAnswer> {
  const body = JSON.stringify({ items });
  return postRaw(baseUrl, kind, body, signedHeaders(credentials, body, timestamp));
}

export async function getBatch(baseUrl: string, credentials: PlatformCredentials, batchId: string): Promise<ApiAnswer> {
  return answer(await fetch(`${baseUrl}/api/integration/v1/batches/${batchId}`, { headers: signedHeaders(credentials, '') }));
}

/** Polls until the batch is `done` or `failed`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the batch report as the API answers it
export async function waitForBatch(baseUrl: string, credentials: PlatformCredentials, batchId: string, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await getBatch(baseUrl, credentials, batchId);
    if (status === 200 && (body.state === 'done' || body.state === 'failed')) return body;
    if (Date.now() > deadline) throw new Error(`批次 ${batchId} 在 ${timeoutMs} ms 内未处理完（${status} ${JSON.stringify(body)}）`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
