export interface JobOptions {
  /** A stable id makes a second add of the same work a no-op (BullMQ dedupes on it; inline runs remember it). */
  jobId?: string;
  attempts?: number;
  delayMs?: number;
}

export interface JobContext {
  id: string;
  name: string;
  attemptsMade: number;
  /** How many attempts the job has in all, so a processor knows when a failure is final. */
  maxAttempts: number;
  updateProgress: (progress: number | object) => Promise<void>;
}

export type Processor = (data: unknown, job: JobContext) => Promise<unknown>;

export interface QueueHealth { driver: 'bullmq' | 'inline'; ok: boolean; detail: string; warning?: string }

export interface JobQueue {
  readonly driver: 'bullmq' | 'inline';
  add(queue: string, name: string, data: unknown, options?: JobOptions): Promise<string>;
  /** Repeats a job on a cron pattern (China time); registering the same key again replaces it, never doubles it. */
  schedule(queue: string, name: string, data: unknown, repeat: { key: string; pattern: string }): Promise<void>;
  health(): Promise<QueueHealth>;
  close(): Promise<void>;
}
