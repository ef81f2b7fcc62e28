import { startWeb, type Running } from '../../main/bootstrap.js';
import { parseEnv, type Env } from '../../settings/env.js';
import { emptyDatabaseUrl, emptyMiddleDatabaseUrl, RUN_ID, scratchDir, seededDatabaseUrls } from './databases.js';

export const DEMO_PASSWORD = 'Demo@2026';
export const IS_CI = process.env.CI === 'true';

/**
 * An empty database for a test that migrates it itself: on PostgreSQL (DATABASE_URL names one) a database of its own,
 * made for it (see test/support/databases.ts), otherwise a fresh SQLite file.
 */
export async function freshDatabaseUrl(): Promise<string> {
  return emptyDatabaseUrl();
}

/**
 * An empty payment intermediate database: on PostgreSQL runs a second database (`…_middle`), so a write to the wrong
 * connection cannot pass unseen; otherwise none (the app's data directory gets a SQLite file).
 */
export async function freshMiddleDatabaseUrl(): Promise<string | undefined> {
  return emptyMiddleDatabaseUrl();
}

/**
 * A test app's environment. Unless `overrides` name a DATABASE_URL (a second instance on the same databases), it gets
 * its own copy of the run's migrated and seeded template databases, and a queue prefix of the run's own.
 */
export async function testEnv(overrides: Record<string, string> = {}): Promise<Env> {
  const dataDir = scratchDir('data');
  return parseEnv({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    QUEUE_DRIVER: 'inline',
    LOG_LEVEL: 'silent',
    DEMO_PASSWORD,
    QUEUE_PREFIX: `test-${RUN_ID}`,
    ...(overrides.DATABASE_URL ? {} : await seededDatabaseUrls(dataDir)),
    ...overrides,
  });
}

export async function startTestApp(overrides: Record<string, string> = {}): Promise<Running & { env: Env }> {
  const env = await testEnv(overrides);
  const running = await startWeb(env, { seedDemo: true });
  return { ...running, env };
}

export interface Client {
  username: string;
  cookie: string;
  get: (url: string) => Promise<{ status: number; body: any }>;
  post: (url: string, data?: Record<string, unknown>) => Promise<{ status: number; body: any }>;
}

async function parse(response: Response): Promise<{ status: number; body: any }> {
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

export async function loginResponse(
  base: string,
  username: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...headers },
    body: new URLSearchParams({ email: username, password }).toString(),
  });
}

/** The session cookie a response set (`name=value`), without the trusted-device cookie that only /admin/login gets. */
export function sessionCookieOf(response: Response): string {
  return (response.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0]!)
    .filter((c) => c.startsWith('jxcg.sid='))
    .join('; ');
}

export function clientWithCookie(base: string, username: string, cookie: string): Client {
  return {
    username,
    cookie,
    get: async (url) => parse(await fetch(`${base}${url}`, { headers: { cookie }, redirect: 'manual' })),
    post: async (url, data = {}) =>
      parse(
        await fetch(`${base}${url}`, {
          method: 'POST',
          redirect: 'manual',
          // A browser names the page's origin on every POST; the panel refuses state changes without it (CSRF).
          headers: { cookie, 'content-type': 'application/json', origin: base },
          body: JSON.stringify(data),
        }),
      ),
  };
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const response = await loginResponse(base, username, password);
  if (response.status !== 302 || !/\/admin$/.test(response.headers.get('location') ?? '')) {
    throw new Error(`login ${username} failed: HTTP ${response.status}`);
  }
  return clientWithCookie(base, username, sessionCookieOf(response));
}

/**
 * A user an administrator has just created (or whose password they reset) signs in with that password and, as they
 * must before anything else (issue #29: http/password-change-gate.ts), chooses their own: `chosen`, by default the
 * given one with a suffix. The client holds the session the change renewed.
 */
export async function loginChoosingPassword(base: string, username: string, given: string, chosen = `${given}#7q`): Promise<Client> {
  const signedIn = await login(base, username, given);
  const response = await fetch(`${base}/admin/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: signedIn.cookie, 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ currentPassword: given, newPassword: chosen, confirmPassword: chosen }),
  });
  if (response.status !== 200) throw new Error(`${username} could not choose a password: HTTP ${response.status} ${await response.text()}`);
  return clientWithCookie(base, username, sessionCookieOf(response));
}

export const api = {
  list: (resource: string, query = '') => `/admin/api/resources/${resource}/actions/list?perPage=500${query}`,
  search: (resource: string, text: string) => `/admin/api/resources/${resource}/search/${encodeURIComponent(text)}`,
  show: (resource: string, id: string | number) => `/admin/api/resources/${resource}/records/${id}/show`,
  record: (resource: string, id: string | number, action: string) => `/admin/api/resources/${resource}/records/${id}/${action}`,
  bulk: (resource: string, ids: Array<string | number>, action: string) =>
    `/admin/api/resources/${resource}/bulk/${action}?recordIds=${ids.join(',')}`,
  resourceAction: (resource: string, action: string) => `/admin/api/resources/${resource}/actions/${action}`,
};

/** Waits for every job the test app ran in-process (QUEUE_DRIVER=inline) to finish. */
export async function drainJobs(app: Running): Promise<void> {
  const queue = app.queue as Partial<{ drain: () => Promise<void> }>;
  if (!queue.drain) throw new Error('drainJobs 需要 QUEUE_DRIVER=inline 的测试应用');
  await queue.drain();
}
