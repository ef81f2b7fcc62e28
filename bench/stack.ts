import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDb, withDatabase } from './db.js';
import { printed, runToEnd, startNode, stopProcess, waitForHttp } from './processes.js';
import { removeQueues } from '../queue/remove-queues.js';
import { newProductionSecrets } from '../settings/production-secrets.js';

/**
 * The bench's users' password: the demo data is written with it in place of the published demo password, which
 * production refuses (it holds every page until the password is changed).
 */
export const BENCH_PASSWORD = 'Bench#2026pw';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** What production needs set, with values of the bench's own. */
export function productionEnv(extra: Record<string, string>): Record<string, string> {
  return {
    // Plain HTTP on loopback: the bench has no TLS in front, so cookies may not be Secure-only.
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    COOKIE_SECURE: 'false',
    MIGRATE_ON_START: 'true',
    ...newProductionSecrets('bench'),
    INTEGRATION_APP_KEY: 'bench-platform',
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-bench-')),
    ...extra,
  };
}

export async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ email: username, password: BENCH_PASSWORD }).toString(),
  });
  if (response.status !== 302) throw new Error(`login ${username}: HTTP ${response.status}`);
  return (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

export interface PgStack {
  url: string;
  mainUrl: string;
  middleUrl: string;
  env: Record<string, string>;
  web: ChildProcess;
  worker: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Fresh databases of the bench's own on the machine's PostgreSQL, migrated and with the demo data. `BENCH_DB` names
 * them, so that two benches on one PostgreSQL (two worktrees) do not drop each other's.
 */
export async function createPgDatabases(
  adminUrl: string,
  name = process.env.BENCH_DB || 'jxcg_bench',
): Promise<{ mainUrl: string; middleUrl: string }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DB=${name}: lower-case letters, digits and _ only`);
  const admin = openDb(adminUrl);
  for (const database of [name, `${name}_middle`]) {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  }
  await admin.close();
  return { mainUrl: withDatabase(adminUrl, name), middleUrl: withDatabase(adminUrl, `${name}_middle`) };
}

export async function seedDemo(env: Record<string, string>): Promise<void> {
  await runToEnd('seeds/demo-cli.ts', { ...env, NODE_ENV: 'development', LOG_LEVEL: 'warn', DEMO_PASSWORD: BENCH_PASSWORD }, 'seed');
}

/** The production set-up: one web process and one worker process, BullMQ on Redis, PostgreSQL. */
export async function startPgStack(databases: { mainUrl: string; middleUrl: string }, redisUrl: string): Promise<PgStack> {
  const port = await freePort();
  const env = productionEnv({
    DATABASE_URL: databases.mainUrl,
    MIDDLE_DATABASE_URL: databases.middleUrl,
    REDIS_URL: redisUrl,
    QUEUE_DRIVER: 'bullmq',
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    PORT: String(port),
  });
  const web = startNode('dist/main/web.js', env, 'web', 'web');
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/admin/login`, 120_000, web);
  const worker = startNode('dist/main/worker.js', env, 'worker', 'worker');
  await printed(worker, 'worker started', 'worker');
  return {
    url,
    env,
    web,
    worker,
    ...databases,
    stop: async () => {
      await stopProcess(worker);
      await stopProcess(web);
      await removeQueues(redisUrl, env.QUEUE_PREFIX).catch(() => undefined);
    },
  };
}
