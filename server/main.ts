import { spawn, type ChildProcess } from 'node:child_process';
import { startWeb } from './bootstrap.js';
import { EnvError, env } from './env.js';
import { logger } from './logger.js';
import { NODE_ENV_SETTINGS, NODE_FLAGS } from './node-flags.js';
import { entryArgs } from './node-entry.js';

/**
 * `npm start`: the whole product on one machine: migrated database, demo data on first start (never in
 * production), the panel, and the BullMQ workers in a process of their own when Redis is there.
 */
let settings;
try {
  settings = env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const running = await startWeb(settings, { seedDemo: true });
let worker: ChildProcess | undefined;
if (running.queue.driver === 'bullmq' && settings.START_WORKER === 'true') {
  worker = spawn(process.execPath, [...NODE_FLAGS, ...entryArgs(import.meta.url, '../jobs/worker.ts')], { stdio: 'inherit', env: { ...process.env, ...NODE_ENV_SETTINGS } });
  worker.on('exit', (code, signal) => logger.warn({ code, signal }, 'worker process exited'));
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  // A second signal (a second Ctrl-C, an orchestrator's repeat) does not start a second stop: the first one has a deadline.
  if (stopping) {
    logger.warn({ signal }, 'already shutting down');
    return;
  }
  stopping = true;
  logger.info({ signal }, 'shutting down');
  worker?.kill('SIGTERM');
  try {
    await running.stop();
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
  if (worker && worker.exitCode === null) await new Promise((r) => worker!.once('exit', r));
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
