import { randomUUID } from 'node:crypto';
import { logger } from '../settings/logger.js';
import { jobIdFor, stampedWith, workOf } from './job-identity.js';
import type { JobOptions, JobQueue, JobRepeat, ProcessorLookup, QueueDepth, QueueHealth } from './job-types.js';
import { QUEUES } from './queue-names.js';

export const INLINE_WARNING =
  '未连接 Redis：任务在 Web 进程内执行（QUEUE_DRIVER=inline/auto）。生产环境请配置 Redis 并运行独立的 worker 进程。';

const DAY_MS = 24 * 3600_000;

/**
 * Runs jobs in this process through the same processors as the BullMQ worker, one after another, with the same
 * retries and the same database stamp. It is the fallback for a laptop without Redis, never a production set-up:
 * the warning says so.
 */
export class InlineJobQueue implements JobQueue {
  readonly driver = 'inline' as const;
  /** Ids waiting or running: adding one of them again is the same work; a finished one may run again. */
  private readonly pending = new Set<string>();
  private tail: Promise<void> = Promise.resolve();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Jobs added and not finished, per queue: the one line after another makes them all 'waiting' but the first. */
  private readonly unfinished = new Map<string, number>();
  private running: string | undefined;

  /** `processorFor` is the workers' own table (jobs/processors), handed in by whoever starts the process. */
  constructor(
    private readonly databaseId: string,
    private readonly processorFor: ProcessorLookup,
  ) {}

  async add(queue: string, name: string, data: unknown, options: JobOptions = {}): Promise<string> {
    const id = options.jobId ? jobIdFor(this.databaseId, options.jobId) : randomUUID();
    if (this.pending.has(id)) return id;
    this.pending.add(id);
    this.unfinished.set(queue, (this.unfinished.get(queue) ?? 0) + 1);
    const payload = stampedWith(this.databaseId, data);
    const attempts = options.attempts ?? 5;
    this.tail = this.tail.then(async () => {
      this.running = queue;
      try {
        for (let attempt = 0; attempt < attempts; attempt++) {
          try {
            await this.processorFor(queue, name)(workOf(this.databaseId, payload), {
              id,
              name,
              attemptsMade: attempt,
              maxAttempts: attempts,
              updateProgress: async () => undefined,
            });
            return;
          } catch (error) {
            logger.warn({ queue, name, id, attempt, err: error }, 'inline job failed');
            await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)));
          }
        }
      } finally {
        this.running = undefined;
        this.pending.delete(id);
        this.unfinished.set(queue, this.unfinished.get(queue)! - 1);
      }
    });
    return id;
  }

  /** Without Redis a scheduled job runs in this process: a cron pattern every 24 hours from start-up. */
  async schedule(queue: string, name: string, data: unknown, repeat: JobRepeat): Promise<void> {
    clearInterval(this.timers.get(repeat.key));
    const every = 'everyMs' in repeat ? repeat.everyMs : DAY_MS;
    const timer = setInterval(() => {
      void this.add(queue, name, data, { jobId: repeat.key, attempts: 1 });
    }, every);
    timer.unref();
    this.timers.set(repeat.key, timer);
  }

  async unschedule(_queue: string, key: string): Promise<void> {
    clearInterval(this.timers.get(key));
    this.timers.delete(key);
  }

  /**
   * Resolves when every job added so far has finished, and the jobs those added (an ingest queues the red-flag rules
   * that read what it brought): tests and graceful shutdown wait on it.
   */
  async drain(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  async health(): Promise<QueueHealth> {
    return { driver: 'inline', ok: true, detail: '进程内执行', warning: INLINE_WARNING };
  }

  async depths(): Promise<QueueDepth[]> {
    return Object.values(QUEUES).flatMap((queue) => {
      const unfinished = this.unfinished.get(queue) ?? 0;
      // Jobs run one at a time across every queue: at most one is active, and only while its queue has one.
      const active = unfinished > 0 && this.running === queue ? 1 : 0;
      return [
        { queue, state: 'waiting' as const, count: unfinished - active },
        { queue, state: 'active' as const, count: active },
        { queue, state: 'delayed' as const, count: 0 },
        { queue, state: 'failed' as const, count: 0 },
      ];
    });
  }

  onReconnected(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    for (const timer of this.timers.values()) clearInterval(timer);
    await this.tail;
  }
}
