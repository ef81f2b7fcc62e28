import { createRedis } from './redis-connection.js';

/**
 * Removes every key under `prefix` (the queues of every database that used it), jobs and schedules and all: a test's
 * or a bench run's queues leave nothing behind.
 */
export async function removeQueues(redisUrl: string, prefix: string): Promise<void> {
  const connection = createRedis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await connection.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    connection.disconnect();
  }
}
