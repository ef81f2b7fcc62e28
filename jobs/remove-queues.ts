import { Queue } from 'bullmq';
import { QUEUES } from './queue-names.js';
import { createRedis } from './redis-connection.js';

/** Removes every queue of ours under `prefix`, jobs and all: a test's or a bench run's queues leave nothing behind. */
export async function removeQueues(redisUrl: string, prefix: string): Promise<void> {
  const connection = createRedis(redisUrl);
  try {
    for (const name of Object.values(QUEUES)) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
}
