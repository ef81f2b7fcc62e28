import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createJobQueue } from '../../queue/create-job-queue.js';
import { jobIdFor, queuePrefixOf } from '../../queue/job-identity.js';
import type { JobQueue } from '../../queue/job-types.js';
import { QUEUES } from '../../queue/queue-names.js';
import { keepSchedules, SCHEDULES } from '../../queue/schedules.js';
import { processorFor } from '../../jobs/processors/index.js';
import { killRedis, redisPort, startRedis } from '../support/own-redis.js';
import { needs } from '../support/requires.js';
import { until } from '../support/until.js';

const drill = await needs('任务计划恢复测试', 'own-redis');

/**
 * A worker asserts the schedules at start, every minute and when Redis is back. An assertion that fails while the
 * connection stays up (Redis too slow to take the writes, as just after it came back on a loaded machine) must not
 * leave the schedules missing for the minute: it is tried again within seconds.
 */
drill.describe('keepSchedules', () => {
  let redis: ChildProcess | undefined;
  let admin: Redis;
  let queue: JobQueue;
  let stop: (() => void) | undefined;
  const prefix = `schedules-${randomUUID().slice(0, 8)}`;
  const databaseId = randomUUID();

  beforeAll(async () => {
    const port = await redisPort();
    redis = await startRedis(port);
    admin = new Redis(`redis://127.0.0.1:${port}`);
    queue = await createJobQueue(
      { QUEUE_DRIVER: 'bullmq', REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: prefix },
      databaseId,
      processorFor,
    );
  });

  afterAll(async () => {
    stop?.();
    await queue?.close().catch(() => undefined);
    admin?.disconnect();
    if (redis) await killRedis(redis);
  });

  drill.it('tries a failed assertion again within seconds, not at the next minute', async () => {
    const reader = admin.duplicate();
    const maintenance = new Queue(QUEUES.maintenance, { connection: reader, prefix: queuePrefixOf(prefix, databaseId) });
    try {
      const registered = async () => (await maintenance.getJobSchedulers()).map((s) => s.key).sort();
      const expected = SCHEDULES.filter((s) => s.queue === QUEUES.maintenance)
        .map((s) => jobIdFor(databaseId, s.repeat.key))
        .sort();
      expect(expected.length).toBeGreaterThanOrEqual(2);
      // The reader's own set-up writes to Redis: done before the pause, so that its reads are not held by it.
      expect(await registered()).toEqual([]);

      // Writes (and so BullMQ's scripts) wait 5 s: the first assertion's call gives up after 2 s, the connection stays up.
      await admin.call('CLIENT', 'PAUSE', '5000', 'WRITE');
      const started = Date.now();
      stop = keepSchedules(queue, 60_000, 500);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await registered()).toEqual([]);

      // Without the retry, only the call that was waiting lands when the pause ends; the rest would wait for the minute.
      await until(async () => (await registered()).length === expected.length, 20_000, '失败后重新登记全部任务计划');
      expect(await registered()).toEqual(expected);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await maintenance.close();
      reader.disconnect();
    }
  });
});
