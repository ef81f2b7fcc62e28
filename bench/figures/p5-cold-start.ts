import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, waitForHttp } from '../processes.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import { freePort, BENCH_PASSWORD } from '../stack.js';

/**
 * P5: `npm start` as a new user runs it: no data directory, the embedded SQLite default, until the login page
 * answers. Returns the data directory it created, migrated and seeded, for P6.
 */
export async function p5ColdStart(redisUrl: string): Promise<{ figure: Figure; dataDir: string }> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-cold-')), 'data');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `bench-cold-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'warn',
    // P6 serves this file in production mode, which holds every page of a user with the published demo password.
    DEMO_PASSWORD: BENCH_PASSWORD,
  };
  for (const name of ['DATABASE_URL', 'MIDDLE_DATABASE_URL', 'NODE_ENV', 'QUEUE_DRIVER', 'NODE_OPTIONS']) delete env[name];
  progress('P5: npm start with no data directory');
  const started = Date.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  let seconds: number;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/admin/login`, 120_000, child);
    seconds = (Date.now() - started) / 1000;
  } finally {
    await stopGroup(child.pid!);
  }
  return { figure: figure('P5', '冷启动 npm start 至登录页 200', 's', seconds, null, { on: 'value', op: '<=', limit: 20 }), dataDir };
}

/** npm, tsx, the web and its worker share one process group: all of them must be gone before P6 opens the file. */
async function stopGroup(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pid, 'SIGTERM');
  for (let i = 0; i < 150 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(-pid, 'SIGKILL');
}
