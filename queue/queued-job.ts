import type { JobQueue } from './job-types.js';
import { JOBS, QUEUES, type QueueName } from './queue-names.js';

/** A piece of work named for good: the same record and attempt always make the same job id. */
export interface QueuedJob<D = unknown> {
  queue: QueueName;
  name: string;
  data: D;
  jobId: string;
  attempts: number;
  /** Waits this long before it runs, so that a burst of changes is one job (the inline driver runs it at once). */
  delayMs?: number;
}

/** Applies a stored inbound batch; a replay is new work, so it has an id of its own. */
export function ingestJob(batchId: string, replay = 0): QueuedJob<{ batchId: string }> {
  return {
    queue: QUEUES.integration,
    name: JOBS.ingestBatch,
    data: { batchId },
    attempts: 5,
    jobId: replay ? `ingest-${batchId}-replay-${replay}` : `ingest-${batchId}`,
  };
}

/** Writes one requested export file. */
export function exportJob(exportId: string): QueuedJob<{ exportId: string }> {
  return { queue: QUEUES.export, name: JOBS.exportXlsx, data: { exportId }, jobId: `export-${exportId}`, attempts: 2 };
}

/** Checks the audit trail's chain for the audit administrator's check `verificationId` (its row holds the progress). */
export function auditVerifyJob(verificationId: string): QueuedJob<{ verificationId: string }> {
  return {
    queue: QUEUES.maintenance,
    name: JOBS.verifyAuditChain,
    data: { verificationId },
    jobId: `audit-verify-${verificationId}`,
    attempts: 2,
  };
}

/** How long changes are gathered before the red-flag rules they touch are evaluated again. */
export const RISK_EVALUATION_DELAY_MS = 60_000;

/**
 * Evaluates the red-flag rules `rules` again over everything we hold (all of them when absent: the nightly pass).
 * Changes within one minute are one job: its id names the minute, so a change made while that job runs makes the
 * next minute's, never lost behind the running one.
 */
export function riskEvaluationJob(rules?: readonly string[], now = Date.now()): QueuedJob<{ rules?: string[] }> {
  const minute = Math.floor(now / RISK_EVALUATION_DELAY_MS);
  return {
    queue: QUEUES.maintenance,
    name: JOBS.evaluateRisk,
    data: rules ? { rules: [...rules] } : {},
    jobId: `risk-${rules ? [...rules].sort().join('+') : 'all'}-${minute}`,
    attempts: 3,
    delayMs: (minute + 1) * RISK_EVALUATION_DELAY_MS - now,
  };
}

export function addJob(queue: JobQueue, job: QueuedJob): Promise<string> {
  return queue.add(job.queue, job.name, job.data, { jobId: job.jobId, attempts: job.attempts, delayMs: job.delayMs });
}
