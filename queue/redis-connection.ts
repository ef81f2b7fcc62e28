import { Redis, type RedisOptions } from 'ioredis';

/** The longest a web request waits on Redis for a queue call or a readiness ping. */
export const WEB_REDIS_TIMEOUT_MS = 1000;
/** The longest a web request waits for a job to be added (BullMQ's add is a script and a round trip or two). */
export const QUEUE_CALL_TIMEOUT_MS = 2000;

/** BullMQ needs `maxRetriesPerRequest: null` on the connections its workers block on. */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}

/** Whether Redis answers within `timeoutMs`; used by QUEUE_DRIVER=auto and /readyz. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
