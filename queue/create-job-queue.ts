import { logger } from '../settings/logger.js';
import { BullmqJobQueue } from './bullmq-queue.js';
import { InlineJobQueue, INLINE_WARNING } from './inline-queue.js';
import type { JobQueue, ProcessorLookup } from './job-types.js';
import { createRedis, redisAnswers, redisTargetOf, WEB_REDIS_TIMEOUT_MS, type RedisSettings } from './redis-connection.js';

export interface QueueSettings extends RedisSettings {
  QUEUE_DRIVER: 'auto' | 'bullmq' | 'inline';
  QUEUE_PREFIX: string;
}

/**
 * Chooses the driver once at start: `auto` takes BullMQ when Redis answers, otherwise runs jobs in-process, loudly.
 * Every job it adds is for the database whose instance id is `databaseId`; in-process, `processorFor` runs it.
 */
export async function createJobQueue(settings: QueueSettings, databaseId: string, processorFor: ProcessorLookup): Promise<JobQueue> {
  const target = redisTargetOf(settings);
  const useBullmq = settings.QUEUE_DRIVER === 'bullmq' || (settings.QUEUE_DRIVER === 'auto' && (await redisAnswers(target)));
  if (useBullmq) {
    // The web only adds jobs and pings: each command fails within WEB_REDIS_TIMEOUT_MS while Redis is away, instead
    // of waiting for it as a worker's blocking connection must (maxRetriesPerRequest: null).
    const connection = createRedis(target, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: WEB_REDIS_TIMEOUT_MS,
      connectTimeout: WEB_REDIS_TIMEOUT_MS,
    });
    connection.on('error', (err) => logger.error({ err }, 'Redis connection error'));
    return new BullmqJobQueue(connection, settings.QUEUE_PREFIX, databaseId);
  }
  logger.warn(INLINE_WARNING);
  return new InlineJobQueue(databaseId, processorFor);
}
