import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createJobQueue } from '../../queue/create-job-queue.js';
import type { JobQueue } from '../../queue/job-types.js';
import { queuePrefixOf } from '../../queue/job-identity.js';
import { QueueUnavailableError } from '../../queue/bullmq-queue.js';
import { killRedis, redisPort, startRedis } from '../support/own-redis.js';
import { needs } from '../support/requires.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { until } from '../support/until.js';
import { processorFor } from '../../jobs/processors/index.js';

/** RESP of the INFO command: ioredis sends one as its ready check, BullMQ one more to learn Redis' version. */
const INFO = /\$4\r\ninfo\r\n/i;

const drill = await needs('BullMQ 握手中断测试', 'own-redis');

/**
 * Redis going away in the instant between a connection's ready check and BullMQ's version check leaves a BullMQ queue
 * whose handshake failed for good: every later call on it fails though Redis is back. Found by F8, where a worker's
 * schedules never came back after Redis returned; here the link fails at exactly that step, every time.
 */
drill.describe('BullmqJobQueue: a queue whose handshake failed', () => {
  let redis: ChildProcess | undefined;
  let proxy: TcpProxy;
  let queue: JobQueue;
  let port: number;
  const prefix = `handshake-${randomUUID().slice(0, 8)}`;
  const databaseId = randomUUID();

  beforeAll(async () => {
    port = await redisPort();
    redis = await startRedis(port);
    let infos = 0;
    // The first connection's second INFO (BullMQ's version check, after ioredis' ready check) is where Redis goes away.
    proxy = await startTcpProxy(
      { host: '127.0.0.1', port },
      {
        dropOn: (sent, connection) => {
          const away = connection === 0 && INFO.test(sent.toString('latin1')) && ++infos === 2;
          if (away) setImmediate(() => proxy.cut());
          return away;
        },
      },
    );
    queue = await createJobQueue(
      { QUEUE_DRIVER: 'bullmq', REDIS_URL: `redis://127.0.0.1:${proxy.port}`, QUEUE_PREFIX: prefix },
      databaseId,
      processorFor,
    );
  });

  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    await proxy?.close();
    if (redis) await killRedis(redis);
  });

  it('is made anew on the next call once Redis answers again, and the work is queued', async () => {
    const repeat = { key: 'handshake-check', everyMs: 3_600_000 };
    await expect(queue.schedule('maintenance', 'maintenance', {}, repeat)).rejects.toBeInstanceOf(QueueUnavailableError);
    proxy.restore();
    await until(async () => (await queue.health()).ok, 10_000, 'Redis 重新连接');
    await queue.schedule('maintenance', 'maintenance', {}, repeat);

    const connection = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: null });
    const check = new Queue('maintenance', { connection, prefix: queuePrefixOf(prefix, databaseId) });
    try {
      const keys = (await check.getJobSchedulers()).map((s) => s.key);
      expect(keys).toEqual([`handshake-check@${databaseId}`]);
    } finally {
      await check.close();
      connection.disconnect();
    }
  });
});
