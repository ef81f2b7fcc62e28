import { UniqueConstraintError } from 'sequelize';
import { JobReceipt } from '../../db/models.js';
import type { JobContext } from '../../queue/job-types.js';

/**
 * The diagnostic job: leaves one receipt per job id naming the worker process, so an operator (or a test) can see
 * that the queue runs and that no job ran twice. A retried job finds its receipt and does nothing.
 */
export async function recordReceipt(data: unknown, job: JobContext): Promise<{ workerPid: number; duplicate: boolean }> {
  const { queue } = (data ?? {}) as { queue?: string };
  try {
    await JobReceipt.create({ jobId: job.id, queue: queue ?? 'maintenance', workerPid: process.pid });
    return { workerPid: process.pid, duplicate: false };
  } catch (error) {
    if (error instanceof UniqueConstraintError) return { workerPid: process.pid, duplicate: true };
    throw error;
  }
}
