import { Queue, type JobsOptions } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { logger } from '../settings/logger.js';
import { attemptIdOf, jobIdFor, queuePrefixOf, stampedWith } from './job-identity.js';
import type { JobOptions, JobQueue, JobRepeat, QueueDepth, QueueHealth } from './job-types.js';
import { QUEUES } from './queue-names.js';
import { QUEUE_CALL_TIMEOUT_MS, type RedisClient } from './redis-connection.js';

/** How long a readiness check waits for a connection still being made: /readyz answers within a second. */
const READINESS_WAIT_MS = 700;

/** How long one command of the administrators' queue board may take: it reads many keys of every queue at once. */
const BOARD_REDIS_TIMEOUT_MS = 15_000;

/** Attempts at one piece of work that Redis may still remember as finished (kept 7 days, failed ones 30). */
const MAX_ATTEMPT_IDS = 50;

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
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailableError()), QUEUE_CALL_TIMEOUT_MS);
  });
  call.catch(() => undefined);
  return Promise.race([call, timeout])
    .catch((error: unknown) => {
      throw error instanceof QueueUnavailableError ? error : Object.assign(new QueueUnavailableError(), { cause: error });
    })
    .finally(() => clearTimeout(timer));
}

/** Producer side of BullMQ: the web process only adds jobs; workers run in their own processes. */
export class BullmqJobQueue implements JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly queues = new Map<string, Queue>();
  private board: { connection: RedisClient; queues: Queue[] } | undefined;

  /** Redis keys of this database's queues. */
  readonly prefix: string;

  /** `databaseId` is the instance id of the database this process works on: it names its queues, job ids and data. */
  constructor(
    private readonly connection: RedisClient,
    prefix: string,
    private readonly databaseId: string,
  ) {
    this.prefix = queuePrefixOf(prefix, databaseId, { cluster: connection.isCluster });
  }

  queue(name: string): Queue {
    const known = this.queues.get(name);
    if (known) return known;
    const queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
    // Connection errors are logged once, by the connection's own listener; without one BullMQ prints them to stderr.
    queue.on('error', () => undefined);
    // BullMQ keeps a queue whose handshake failed (Redis went away between the ready check and its version check)
    // failed for good, though Redis comes back: such a queue is let go and the next call makes a new one.
    queue.waitUntilReady().catch((error: unknown) => {
      if (this.queues.get(name) === queue) this.queues.delete(name);
      logger.warn({ err: error, queue: name }, 'queue handshake with Redis failed: made anew on the next call');
      queue.close().catch(() => undefined);
    });
    this.queues.set(name, queue);
    return queue;
  }

  /**
   * The queues as the administrators' board reads them: on a connection of their own, whose commands may take
   * BOARD_REDIS_TIMEOUT_MS, so a busy Redis slows the board instead of failing it while the web keeps its own bound.
   */
  boardQueues(): Queue[] {
    if (!this.board) {
      const connection = this.connection.isCluster
        ? (this.connection as Cluster).duplicate(undefined, {
            redisOptions: { ...(this.connection as Cluster).options.redisOptions, commandTimeout: BOARD_REDIS_TIMEOUT_MS },
          })
        : (this.connection as Redis).duplicate({ commandTimeout: BOARD_REDIS_TIMEOUT_MS });
      connection.on('error', () => undefined);
      const queues = Object.values(QUEUES).map((name) => {
        const queue = new Queue(name, { connection, prefix: this.prefix });
        queue.on('error', () => undefined);
        return queue;
      });
      this.board = { connection, queues };
    }
    return this.board.queues;
  }

  async add(queue: string, name: string, data: unknown, options: JobOptions = {}): Promise<string> {
    const opts: JobsOptions = {
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: 1000 },
      delay: options.delayMs,
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
    const payload = stampedWith(this.databaseId, data);
    if (!options.jobId) return (await bounded(this.queue(queue).add(name, payload, opts))).id!;
    return bounded(this.addOnce(this.queue(queue), name, payload, opts, jobIdFor(this.databaseId, options.jobId)));
  }

  /**
   * Adds the work under the first of its attempt ids whose job has not finished: a job waiting or running already is
   * that work (nothing is added); a finished one means the database still wants it done (it was restored, or the
   * job's result was lost), so the work goes out again under the next attempt id. The same ids on every instance, so
   * two instances re-queueing at once still add it once.
   */
  private async addOnce(queue: Queue, name: string, payload: object, opts: JobsOptions, baseId: string): Promise<string> {
    for (let attempt = 0; attempt < MAX_ATTEMPT_IDS; attempt++) {
      const jobId = attemptIdOf(baseId, attempt);
      const state = await queue.getJobState(jobId);
      if (state === 'completed' || state === 'failed') continue;
      if (state !== 'unknown') return jobId;
      return (await queue.add(name, payload, { ...opts, jobId })).id!;
    }
    throw new Error(`job ${baseId} has finished ${MAX_ATTEMPT_IDS} times and is still wanted: not queued again`);
  }

  async schedule(queue: string, name: string, data: unknown, repeat: JobRepeat): Promise<void> {
    const every = 'everyMs' in repeat ? { every: repeat.everyMs } : { pattern: repeat.pattern, tz: 'Asia/Shanghai' };
    await bounded(
      this.queue(queue).upsertJobScheduler(jobIdFor(this.databaseId, repeat.key), every, {
        name,
        data: stampedWith(this.databaseId, data),
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 100 },
          removeOnFail: { count: 100 },
        },
      }),
    );
  }

  async unschedule(queue: string, key: string): Promise<void> {
    await bounded(this.queue(queue).removeJobScheduler(key));
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

  async depths(): Promise<QueueDepth[]> {
    const states = ['waiting', 'active', 'delayed', 'failed'] as const;
    const perQueue = await Promise.all(
      Object.values(QUEUES).map(async (queue) => {
        // BullMQ counts prioritized jobs apart from waiting ones; both wait for a worker.
        const counts = await bounded(this.queue(queue).getJobCounts(...states, 'prioritized'));
        return states.map((state) => ({
          queue,
          state,
          count: (counts[state] ?? 0) + (state === 'waiting' ? (counts.prioritized ?? 0) : 0),
        }));
      }),
    );
    return perQueue.flat();
  }

  onReconnected(listener: () => void): () => void {
    this.connection.on('ready', listener);
    return () => {
      this.connection.off('ready', listener);
    };
  }

  /** A connection still being made (just after start, or after Redis came back) gets `timeoutMs` to be ready. */
  private connected(timeoutMs: number): Promise<void> {
    if (this.connection.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.connection.off('ready', ready);
        reject(new Error('Redis not ready'));
      }, timeoutMs);
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      this.connection.once('ready', ready);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values(), ...(this.board?.queues ?? [])].map((q) => q.close()));
    await this.board?.connection.quit().catch(() => this.board?.connection.disconnect());
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
