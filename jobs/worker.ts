import { initMiddleModels, initModels } from '../resources/models.js';
import { createSequelize, dialectOf } from '../server/database.js';
import { env } from '../server/env.js';
import { logger } from '../server/logger.js';
import { startWorkers } from './start-workers.js';

/**
 * The worker process (`npm run worker`). Several may run against one Redis and one database. On SIGTERM it stops
 * taking jobs and lets running ones finish; a job cut off by a hard kill is handed back by BullMQ's stall check.
 */
const settings = env();
const sequelize = createSequelize(settings.DATABASE_URL);
initModels(sequelize);
const middle = createSequelize(settings.MIDDLE_DATABASE_URL);
initMiddleModels(middle);
// SQLite has one writer: jobs running side by side would only queue for its lock, and hold the web's writes back.
const oneWriter = dialectOf(settings.DATABASE_URL) === 'sqlite';
const workers = startWorkers(settings.REDIS_URL, settings.QUEUE_PREFIX, { lockMs: settings.JOB_LOCK_MS, ...(oneWriter && { concurrency: 1 }) });
logger.info({ pid: process.pid, queues: workers.map((w) => w.name) }, 'worker started');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing running jobs');
  await Promise.all(workers.map((w) => w.close()));
  await sequelize.close();
  await middle.close();
  logger.info('worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
