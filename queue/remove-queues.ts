import type { Cluster, Redis } from 'ioredis';
import { createRedis, type RedisTarget } from './redis-connection.js';

/** A Cluster's masters once it knows them (each holds its own slots' keys); a single server is its own. */
async function mastersOf(connection: Redis | Cluster): Promise<Redis[]> {
  if (!connection.isCluster) return [connection as Redis];
  const cluster = connection as Cluster;
  if (cluster.status !== 'ready')
    await new Promise<void>((resolve, reject) => {
      cluster.once('ready', resolve);
      cluster.once('end', () => reject(new Error('Redis Cluster not reachable')));
    });
  return cluster.nodes('master');
}

/**
 * Removes every key under `prefix` (the queues of every database that used it, in either prefix form: `prefix:…` or
 * Cluster's hash tag `{prefix:…}`), jobs and schedules and all: a test's or a bench run's queues leave nothing behind.
 */
export async function removeQueues(target: RedisTarget, prefix: string): Promise<void> {
  const connection = createRedis(target);
  try {
    for (const node of await mastersOf(connection)) {
      for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
          // One key per command: keys of several databases' queues are in different slots, which one command may not span.
          if (keys.length) await node.pipeline(keys.map((key) => ['unlink', key])).exec();
          cursor = next;
        } while (cursor !== '0');
      }
    }
  } finally {
    connection.disconnect();
  }
}
