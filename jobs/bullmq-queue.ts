import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { logger } from '../server/logger.js';
import type { JobOptions, JobQueue, QueueHealth } from './job-types.js';

/** Producer side of BullMQ: the web process only adds jobs; workers run in their own processes. */
export class BullmqJobQueue implements JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly connection: Redis, private readonly prefix: string) {}

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add(queue: string, name: string, data: unknown, options: JobOptions = {}): Promise<string> {
    const job = await this.queue(queue).add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: 1000 },
      delay: options.delayMs,
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return job.id!;
  }

  async schedule(queue: string, name: string, data: unknown, repeat: { key: string; pattern: string }): Promise<void> {
    await this.queue(queue).upsertJobScheduler(repeat.key, { pattern: repeat.pattern, tz: 'Asia/Shanghai' }, {
      name, data, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    });
  }

  async health(): Promise<QueueHealth> {
    try {
      await this.connection.ping();
      return { driver: 'bullmq', ok: true, detail: 'Redis 正常' };
    } catch (error) {
      // The driver's words (host, port, errno) are for the log, not for whoever reads /readyz.
      logger.warn({ err: error }, 'readiness: Redis check failed');
      return { driver: 'bullmq', ok: false, detail: 'Redis 不可用' };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
