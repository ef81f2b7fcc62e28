export interface JobOptions {
  /**
   * A stable id makes a second add of the same work a no-op while that job waits or runs. Once it has finished, an
   * add means the database says the work is still to do (a restored database, a lost update): it runs again.
   */
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

/** The processor of a queue's job by name; throws for one nobody wrote. */
export type ProcessorLookup = (queue: string, name: string) => Processor;

export type JobRepeat = { key: string } & ({ pattern: string } | { everyMs: number });

export interface QueueHealth {
  driver: 'bullmq' | 'inline';
  ok: boolean;
  detail: string;
  warning?: string;
}

/** How many jobs of a queue are in one state; the workers' backlog as /metrics reports it. */
export interface QueueDepth {
  queue: string;
  state: 'waiting' | 'active' | 'delayed' | 'failed';
  count: number;
}

export interface JobQueue {
  readonly driver: 'bullmq' | 'inline';
  add(queue: string, name: string, data: unknown, options?: JobOptions): Promise<string>;
  /** Repeats a job on a cron pattern (China time) or every so many ms; the same key again replaces it, never doubles it. */
  schedule(queue: string, name: string, data: unknown, repeat: JobRepeat): Promise<void>;
  /** Removes a schedule that is no longer wanted (one an earlier version registered). */
  unschedule(queue: string, key: string): Promise<void>;
  health(): Promise<QueueHealth>;
  /** Jobs per queue and state, for every queue of the product (within the queue call's time bound). */
  depths(): Promise<QueueDepth[]>;
  /**
   * Calls `listener` each time the queue's store becomes reachable (Redis came back, perhaps empty, or answered for
   * the first time); returns the unsubscribe. A queue without a store of its own never calls it.
   */
  onReconnected(listener: () => void): () => void;
  close(): Promise<void>;
}
