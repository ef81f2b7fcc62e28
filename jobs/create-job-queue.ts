import { logger } from '../server/logger.js';
import { BullmqJobQueue } from './bullmq-queue.js';
import { InlineJobQueue, INLINE_WARNING } from './inline-queue.js';
import type { JobQueue } from './job-types.js';
import { createRedis, redisAnswers } from './redis-connection.js';

export interface QueueSettings { QUEUE_DRIVER: 'auto' | 'bullmq' | 'inline'; REDIS_URL: string; QUEUE_PREFIX: string }

/** Chooses the driver once at start: `auto` takes BullMQ when Redis answers, otherwise runs jobs in-process, loudly. */
export async function createJobQueue(settings: QueueSettings): Promise<JobQueue> {
  const useBullmq = settings.QUEUE_DRIVER === 'bullmq'
    || (settings.QUEUE_DRIVER === 'auto' && (await redisAnswers(settings.REDIS_URL)));
  if (useBullmq) {
    const connection = createRedis(settings.REDIS_URL);
    connection.on('error', (err) => logger.error({ err }, 'Redis connection error'));
    return new BullmqJobQueue(connection, settings.QUEUE_PREFIX);
  }
  logger.warn(INLINE_WARNING);
  return new InlineJobQueue();
}
