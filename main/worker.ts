import { untilMigrated } from '../migrations/migrator.js';
import { initMiddleModels, initModels } from '../db/models.js';
import { databaseInstanceId } from '../db/database-instance.js';
import { createSequelize, dialectOf } from '../db/database.js';
import { env } from '../settings/env.js';
import { logger } from '../settings/logger.js';
import { stopOnSignal } from '../settings/stop-on-signal.js';
import { createJobQueue } from '../queue/create-job-queue.js';
import { useJobQueue } from '../queue/job-dispatch.js';
import { keepSchedules } from '../queue/schedules.js';
import { startWorkers } from '../jobs/start-workers.js';
import { redisTargetOf } from '../queue/redis-connection.js';
import { processorFor } from '../jobs/processors/index.js';
import { jobsReadingThePrimary } from '../jobs/job-reads.js';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { observeDatabase } from '../db/database-metrics.js';
import { observeQueueDepths, timedProcessors } from '../queue/queue-metrics.js';
import { serveWorkerMetrics } from './worker-metrics-server.js';
import { loadRegionNames } from '../services/office-names.js';

/**
 * The worker process (`npm run worker`). Several may run against one Redis and one database. It waits for the
 * database's migrations, works only on jobs queued for that database, and keeps the job schedules in Redis. On
 * SIGTERM it stops taking jobs and lets running ones finish; a job cut off by a hard kill is handed back by BullMQ's
 * stall check.
 */
const settings = env();
const metrics = new Registry();
collectDefaultMetrics({ register: metrics, prefix: 'jxcg_worker_' });
const sequelize = createSequelize(settings.DATABASE_URL, {
  poolMax: settings.DATABASE_POOL_MAX,
  replicaUrl: settings.DATABASE_REPLICA_URL,
});
initModels(sequelize);
observeDatabase(sequelize, metrics, 'main', settings.DATABASE_POOL_MAX);
const middle = createSequelize(settings.MIDDLE_DATABASE_URL, { poolMax: settings.DATABASE_POOL_MAX });
initMiddleModels(middle);
observeDatabase(middle, metrics, 'middle', settings.DATABASE_POOL_MAX);
await untilMigrated(sequelize, false);
await untilMigrated(middle, true);
await loadRegionNames();
const databaseId = await databaseInstanceId(sequelize);
// What jobs add in their turn (a re-queued push, the units to link after an import) goes through the same queue.
const processors = timedProcessors(jobsReadingThePrimary(processorFor), metrics);
const producer = await createJobQueue({ ...settings, QUEUE_DRIVER: 'bullmq' }, databaseId, processors);
observeQueueDepths(producer, metrics);
useJobQueue(producer);
const stopSchedules = keepSchedules(producer);
// SQLite has one writer: jobs running side by side would only queue for its lock, and hold the web's writes back.
const oneWriter = dialectOf(settings.DATABASE_URL) === 'sqlite';
const workers = startWorkers(redisTargetOf(settings), settings.QUEUE_PREFIX, databaseId, {
  lockMs: settings.JOB_LOCK_MS,
  processors,
  ...(oneWriter && { concurrency: 1 }),
});
const metricsServer =
  settings.WORKER_METRICS_PORT && settings.METRICS_TOKEN
    ? await serveWorkerMetrics(metrics, settings.METRICS_TOKEN, settings.HOST, settings.WORKER_METRICS_PORT)
    : undefined;
logger.info(
  { pid: process.pid, queues: workers.map((w) => w.name), database: databaseId, metricsPort: settings.WORKER_METRICS_PORT },
  'worker started',
);

// Stops taking jobs and lets the running ones finish before letting go of the queue and the databases.
stopOnSignal('worker', async () => {
  stopSchedules();
  metricsServer?.close();
  await Promise.all(workers.map((w) => w.close()));
  useJobQueue(undefined);
  await producer.close();
  await sequelize.close();
  await middle.close();
});
