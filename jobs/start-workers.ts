import { Worker } from 'bullmq';
import { logger } from '../settings/logger.js';
import { ForeignDatabaseJobError, queuePrefixOf, workOf } from '../queue/job-identity.js';
import { PROCESSORS, processorFor } from './processors/index.js';
import type { ProcessorLookup } from '../queue/job-types.js';
import { QUEUES } from '../queue/queue-names.js';
import { createRedis, isClusterTarget, type RedisTarget } from '../queue/redis-connection.js';

/**
 * Jobs run at once per queue, set by `npm run bench`. Two ingest batches overlap: while one waits on its upserts (one
 * statement per chunk, under the kind's advisory lock) the other parses, validates or links, and an item's version
 * decides what a row keeps whichever batch comes first. A push spends its time waiting on two databases. A check of
 * the audit trail's chain takes minutes on a province's trail: beside it the minute's maintenance round still runs.
 */
const QUEUE_CONCURRENCY: Record<string, number> = {
  [QUEUES.integration]: 2,
  [QUEUES.push]: 8,
  [QUEUES.export]: 1,
  [QUEUES.maintenance]: 2,
};

/**
 * One BullMQ worker per queue, dispatching by job name to the shared processor table. `lockMs` is how long a worker
 * holds a job without renewing before BullMQ deems it stalled and hands it to another worker: the time to recover
 * from a killed worker. A job queued for another database than `databaseId` is refused (failed, never retried).
 * `processors` is the table the jobs run through (the timed one when the process reports metrics).
 */
export function startWorkers(
  redis: RedisTarget,
  prefix: string,
  databaseId: string,
  options: { concurrency?: number; lockMs?: number; processors?: ProcessorLookup } = {},
): Worker[] {
  const { lockMs = 30_000, processors: lookup = processorFor } = options;
  return Object.keys(PROCESSORS).map((queue) => {
    const concurrency = options.concurrency ?? QUEUE_CONCURRENCY[queue] ?? 4;
    const worker = new Worker(
      queue,
      async (job) => {
        const processor = lookup(queue, job.name);
        let work: unknown;
        try {
          work = workOf(databaseId, job.data);
        } catch (error) {
          if (error instanceof ForeignDatabaseJobError) {
            logger.error(
              { queue, job: job.id, jobDatabase: error.jobDatabaseId, database: databaseId },
              'job of another database refused: not applied here',
            );
          }
          throw error;
        }
        return processor(work, {
          id: job.id!,
          name: job.name,
          attemptsMade: job.attemptsMade,
          maxAttempts: job.opts.attempts ?? 1,
          updateProgress: (p) => job.updateProgress(p),
        });
      },
      {
        connection: createRedis(redis),
        prefix: queuePrefixOf(prefix, databaseId, { cluster: isClusterTarget(redis) }),
        concurrency,
        lockDuration: lockMs,
        stalledInterval: lockMs,
      },
    );
    worker.on('failed', (job, err) => logger.warn({ queue, job: job?.id, err }, 'job failed'));
    worker.on('error', (err) => logger.error({ queue, err }, 'worker error'));
    return worker;
  });
}
