import { Op } from 'sequelize';
import type { JobQueue } from '../../jobs/job-types.js';
import { pushJobsFor } from '../../jobs/push-jobs.js';
import { AuditLog, ContractFiling, IntegrationInbox } from '../../resources/models.js';
import { logger } from '../logger.js';
import { enqueueIngest } from './integration-api.js';

export interface SweepAges {
  /** A batch stored but never queued (the queue was down at receipt, or the process died between the two). */
  strandedMs?: number;
  /** A batch or a push whose job has not moved for this long may have been lost with Redis. */
  staleMs?: number;
}

/**
 * The database is the truth, the queue only a means: work the database says is unfinished is queued again. Job ids
 * are per batch (and replay) and per filing version, so while Redis still holds the job the add changes nothing;
 * after Redis lost it, the work runs again, and the processors' guards keep it from being applied twice.
 */
export async function requeueStrandedBatches(queue: JobQueue, ages: SweepAges = {}): Promise<number> {
  const { strandedMs = 60_000, staleMs = 10 * 60_000 } = ages;
  const now = Date.now();
  const stranded = await IntegrationInbox.findAll({
    where: {
      [Op.or]: [
        { state: 'received', attempts: 0, receivedAt: { [Op.lt]: new Date(now - strandedMs) } },
        { state: { [Op.in]: ['received', 'processing'] }, attempts: { [Op.gt]: 0 }, startedAt: { [Op.lt]: new Date(now - staleMs) } },
      ],
    },
    attributes: ['id', 'replayCount'], limit: 500,
  });
  for (const batch of stranded) await enqueueIngest(queue, batch.id, batch.replayCount);
  if (stranded.length) logger.warn({ count: stranded.length }, 'stranded integration batches queued');
  return stranded.length;
}

/** Filings left 推送中 longer than `staleMs`: their push is queued again for the supervisor who asked for it (the job checks their rights as they are now). */
export async function requeueStrandedPushes(queue: JobQueue, staleMs = 10 * 60_000): Promise<number> {
  const stranded = await ContractFiling.findAll({
    where: { pushStatus: 'queued', updatedAt: { [Op.lt]: new Date(Date.now() - staleMs) } }, attributes: ['id', 'version'], limit: 1000,
  });
  for (const filing of stranded) {
    const asked = await AuditLog.findOne({
      where: { resourceId: { [Op.in]: ['ContractFiling', 'ManualPushFiling'] }, recordId: String(filing.id), action: 'pushToIntegration' },
      order: [['id', 'DESC']],
    });
    if (!asked?.actorId) continue;
    // Only who asked: the job reads what they may do now, not what the audit log says they could then.
    for (const job of pushJobsFor([{ filingId: filing.id, version: filing.version }], { id: asked.actorId })) {
      await queue.add(job.queue, job.name, job.data, { jobId: job.jobId, attempts: job.attempts });
    }
  }
  if (stranded.length) logger.warn({ count: stranded.length }, 'stranded pushes queued');
  return stranded.length;
}

export function startInboxSweeper(queue: JobQueue, everyMs = 60_000): () => void {
  const run = () => Promise.all([requeueStrandedBatches(queue), requeueStrandedPushes(queue)])
    .catch((err: unknown) => logger.error({ err }, 'sweep failed'));
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
