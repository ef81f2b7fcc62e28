import { spawn, type ChildProcess } from 'node:child_process';
import { startWeb } from './bootstrap.js';
import { env } from '../settings/env.js';
import { logger } from '../settings/logger.js';
import { stopOnSignal } from '../settings/stop-on-signal.js';
import { NODE_ENV_SETTINGS, WORKER_NODE_FLAGS } from '../settings/node-flags.js';
import { entryArgs } from '../settings/node-entry.js';
import { ConfigError } from '../settings/config-error.js';

/**
 * `npm start`: the whole product on one machine: migrated database, demo data on first start (never in
 * production), the panel, and the BullMQ workers in a process of their own when Redis is there.
 */
let settings;
try {
  settings = env();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const running = await startWeb(settings, { seedDemo: true });
let worker: ChildProcess | undefined;
if (running.queue.driver === 'bullmq' && settings.START_WORKER === 'true') {
  worker = spawn(process.execPath, [...WORKER_NODE_FLAGS, ...entryArgs(import.meta.url, './worker.ts')], {
    stdio: 'inherit',
    env: { ...process.env, ...NODE_ENV_SETTINGS },
  });
  worker.on('exit', (code, signal) => logger.warn({ code, signal }, 'worker process exited'));
}

stopOnSignal('panel', async () => {
  worker?.kill('SIGTERM');
  await running.stop();
  if (worker && worker.exitCode === null) await new Promise((r) => worker!.once('exit', r));
});
