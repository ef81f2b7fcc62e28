import { randomUUID } from 'node:crypto';
import { logger } from '../server/logger.js';
import type { JobOptions, JobQueue, QueueHealth } from './job-types.js';
import { processorFor } from './processors/index.js';

export const INLINE_WARNING = '未连接 Redis：任务在 Web 进程内执行（QUEUE_DRIVER=inline/auto）。生产环境请配置 Redis 并运行独立的 worker 进程。';

/**
 * Runs jobs in this process through the same processors as the BullMQ worker, one after another, with the same
 * retries. It is the fallback for a laptop without Redis, never a production set-up: the warning says so.
 */
export class InlineJobQueue implements JobQueue {
  readonly driver = 'inline' as const;
  private readonly seen = new Set<string>();
  private tail: Promise<void> = Promise.resolve();

  async add(queue: string, name: string, data: unknown, options: JobOptions = {}): Promise<string> {
    const id = options.jobId ?? randomUUID();
    if (this.seen.has(id)) return id;
    this.seen.add(id);
    const attempts = options.attempts ?? 5;
    this.tail = this.tail.then(async () => {
      for (let attempt = 0; attempt < attempts; attempt++) {
        try {
          await processorFor(queue, name)(data, { id, name, attemptsMade: attempt, maxAttempts: attempts, updateProgress: async () => undefined });
          return;
        } catch (error) {
          logger.warn({ queue, name, id, attempt, err: error }, 'inline job failed');
          await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)));
        }
      }
    });
    return id;
  }

  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Without Redis a daily job runs every 24 hours from start-up, in this process. */
  async schedule(queue: string, name: string, data: unknown, repeat: { key: string; pattern: string }): Promise<void> {
    clearInterval(this.timers.get(repeat.key));
    const timer = setInterval(() => { void this.add(queue, name, data); }, 24 * 3600_000);
    timer.unref();
    this.timers.set(repeat.key, timer);
  }

  /** Resolves when every job added so far has finished (tests and graceful shutdown wait on it). */
  drain(): Promise<void> {
    return this.tail;
  }

  async health(): Promise<QueueHealth> {
    return { driver: 'inline', ok: true, detail: '进程内执行', warning: INLINE_WARNING };
  }

  async close(): Promise<void> {
    for (const timer of this.timers.values()) clearInterval(timer);
    await this.tail;
  }
}
