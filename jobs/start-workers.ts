import { Worker } from 'bullmq';
import { logger } from '../server/logger.js';
import { PROCESSORS } from './processors/index.js';
import { createRedis } from './redis-connection.js';

/** One BullMQ worker per queue, dispatching by job name to the shared processor table. */
/**
 * `lockMs` is how long a worker holds a job without renewing before BullMQ deems it stalled and hands it to another
 * worker: the time to recover from a killed worker.
 */
export function startWorkers(redisUrl: string, prefix: string, options: { concurrency?: number; lockMs?: number } = {}): Worker[] {
  const { concurrency = 4, lockMs = 30_000 } = options;
  return Object.entries(PROCESSORS).map(([queue, processors]) => {
    const worker = new Worker(queue, async (job) => {
      const processor = processors[job.name];
      if (!processor) throw new Error(`没有处理器: 队列 ${queue} 的任务 ${job.name}`);
      return processor(job.data, {
        id: job.id!, name: job.name, attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1,
        updateProgress: (p) => job.updateProgress(p),
      });
    }, { connection: createRedis(redisUrl), prefix, concurrency, lockDuration: lockMs, stalledInterval: lockMs });
    worker.on('failed', (job, err) => logger.warn({ queue, job: job?.id, err }, 'job failed'));
    worker.on('error', (err) => logger.error({ queue, err }, 'worker error'));
    return worker;
  });
}
