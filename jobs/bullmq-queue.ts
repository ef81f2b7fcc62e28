import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { logger } from '../server/logger.js';
import { QUEUE_CALL_TIMEOUT_MS } from './redis-connection.js';

/** How long a readiness check waits for a connection still being made: /readyz answers within a second. */
const READINESS_WAIT_MS = 700;
import type { JobOptions, JobQueue, QueueHealth } from './job-types.js';

/** Thrown when a queue call could not reach Redis in time: the work is not queued (the database still says it waits). */
export class QueueUnavailableError extends Error {
  constructor() {
    super('任务队列暂时不可用（Redis 无法连接），任务未能排队');
  }
}

/**
 * A queue call from the web waits at most QUEUE_CALL_TIMEOUT_MS: BullMQ waits for a connection that was never made for
 * as long as it takes. A call that times out may still reach Redis later; every job id is stable, so that is harmless.
 */
function bounded<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new QueueUnavailableError()), QUEUE_CALL_TIMEOUT_MS); });
  call.catch(() => undefined);
  return Promise.race([call, timeout]).catch((error: unknown) => {
    throw error instanceof QueueUnavailableError ? error : Object.assign(new QueueUnavailableError(), { cause: error });
  }).finally(() => clearTimeout(timer));
}

/** Producer side of BullMQ: the web process only adds jobs; workers run in their own processes. */
export class BullmqJobQueue implements JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly queues = new Map<string, Queue>();

  constructor(private readonly connection: Redis, private readonly prefix: string) {}

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      // Connection errors are logged once, by the connection's own listener; without one BullMQ prints them to stderr.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add(queue: string, name: string, data: unknown, options: JobOptions = {}): Promise<string> {
    const job = await bounded(this.queue(queue).add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: 1000 },
      delay: options.delayMs,
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    }));
    return job.id!;
  }

  async schedule(queue: string, name: string, data: unknown, repeat: { key: string; pattern: string }): Promise<void> {
    await bounded(this.queue(queue).upsertJobScheduler(repeat.key, { pattern: repeat.pattern, tz: 'Asia/Shanghai' }, {
      name, data, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    }));
  }

  async health(): Promise<QueueHealth> {
    try {
      await this.connected(READINESS_WAIT_MS);
      await this.connection.ping();
      return { driver: 'bullmq', ok: true, detail: 'Redis 正常' };
    } catch (error) {
      // The driver's words (host, port, errno) are for the log, not for whoever reads /readyz.
      logger.warn({ err: error }, 'readiness: Redis check failed');
      return { driver: 'bullmq', ok: false, detail: 'Redis 不可用' };
    }
  }

  /** A connection still being made (just after start, or after Redis came back) gets `timeoutMs` to be ready. */
  private connected(timeoutMs: number): Promise<void> {
    if (this.connection.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.connection.off('ready', ready); reject(new Error('Redis not ready')); }, timeoutMs);
      const ready = () => { clearTimeout(timer); resolve(); };
      this.connection.once('ready', ready);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
