import { logger } from '../settings/logger.js';
import type { JobOptions, JobQueue } from './job-types.js';
import type { QueuedJob } from './queued-job.js';

let current: JobQueue | undefined;

/**
 * The queue that panel actions and model hooks add work to. The web process sets it once at start; code that runs
 * where no queue was set (a CLI, a migration) only logs that the follow-up job was skipped.
 */
export function useJobQueue(queue: JobQueue | undefined): void {
  current = queue;
}

export async function dispatchJob(queue: string, name: string, data: unknown, options?: JobOptions): Promise<string | null> {
  if (!current) {
    logger.warn({ queue, name }, 'no job queue in this process: follow-up job not added');
    return null;
  }
  return current.add(queue, name, data, options);
}

export function dispatch(job: QueuedJob): Promise<string | null> {
  return dispatchJob(job.queue, job.name, job.data, { jobId: job.jobId, attempts: job.attempts, delayMs: job.delayMs });
}

/** The queue this process adds work to, if any (the maintenance job re-queues through it). */
export function currentJobQueue(): JobQueue | undefined {
  return current;
}
