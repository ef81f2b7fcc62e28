import { Op } from 'sequelize';
import { AuditLog, ContractFiling, DataExport, IntegrationInbox } from '../../db/models.js';
import { BATCH_AWAITING_QUEUE } from '../../db/models/integration/integration-inbox.model.js';
import { logger } from '../../settings/logger.js';
import type { JobQueue } from '../../queue/job-types.js';
import { pushJobsFor } from '../../queue/push-jobs.js';
import { addJob, exportJob, ingestJob } from '../../queue/queued-job.js';

export interface SweepAges {
  /** A batch stored but never queued (the queue was down at receipt, or the process died between the two). */
  strandedMs?: number;
  /** Work whose job has not moved for this long may have been lost with Redis (or with a restored database). */
  staleMs?: number;
}

const DEFAULT_STRANDED_MS = 60_000;
const DEFAULT_STALE_MS = 10 * 60_000;

/**
 * The database is the truth, the queue only a means: work the database says is unfinished is queued again. While
 * Redis still holds the job, the add changes nothing; when it lost the job, or the job finished without the result
 * reaching this database (a restore), the work goes out again, and the processors' guards keep it from being
 * applied twice.
 */
export async function requeueStrandedBatches(queue: JobQueue, ages: SweepAges = {}): Promise<number> {
  const { strandedMs = DEFAULT_STRANDED_MS, staleMs = DEFAULT_STALE_MS } = ages;
  const now = Date.now();
  const stranded = await IntegrationInbox.findAll({
    where: {
      [Op.or]: [
        { state: 'received', attempts: 0, receivedAt: { [Op.lt]: new Date(now - strandedMs) } },
        // The web could not queue it and said so: no add of its own can still be on the way.
        { state: 'received', attempts: 0, lastError: BATCH_AWAITING_QUEUE },
        { state: { [Op.in]: ['received', 'processing'] }, attempts: { [Op.gt]: 0 }, startedAt: { [Op.lt]: new Date(now - staleMs) } },
      ],
    },
    attributes: ['id', 'replayCount'],
    limit: 500,
  });
  for (const batch of stranded) await addJob(queue, ingestJob(batch.id, batch.replayCount));
  if (stranded.length)
    await IntegrationInbox.update(
      { lastError: null },
      { where: { id: { [Op.in]: stranded.map((b) => b.id) }, state: 'received', lastError: BATCH_AWAITING_QUEUE } },
    );
  if (stranded.length) logger.warn({ count: stranded.length }, 'stranded integration batches queued');
  return stranded.length;
}

/**
 * Filings left 推送中: at once when their push could not be queued (it says so in lastPushError, which queueing
 * clears), otherwise after `staleMs`. The push is queued again for the supervisor who asked for it; the job checks
 * their rights as they are now.
 */
export async function requeueStrandedPushes(queue: JobQueue, staleMs = DEFAULT_STALE_MS): Promise<number> {
  const stranded = await ContractFiling.findAll({
    where: {
      pushStatus: 'queued',
      [Op.or]: [{ lastPushError: { [Op.ne]: null } }, { updatedAt: { [Op.lt]: new Date(Date.now() - staleMs) } }],
    },
    attributes: ['id', 'version'],
    order: [['id', 'ASC']],
    limit: 1000,
  });
  const askers = await whoAskedToPush(stranded.map((f) => f.id));
  const byAsker = new Map<number, Array<{ filingId: number; version: number }>>();
  for (const filing of stranded) {
    const asker = askers.get(filing.id);
    if (asker === undefined) continue;
    byAsker.set(asker, [...(byAsker.get(asker) ?? []), { filingId: filing.id, version: filing.version }]);
  }
  let queued = 0;
  // Only who asked: the job reads what they may do now, not what the audit log says they could then.
  for (const [asker, filings] of byAsker) {
    for (const job of pushJobsFor(filings, { id: asker })) await addJob(queue, job);
    queued += filings.length;
  }
  if (stranded.length) {
    await ContractFiling.update({ lastPushError: null }, { where: { id: { [Op.in]: stranded.map((f) => f.id) }, pushStatus: 'queued' } });
    logger.warn({ count: queued }, 'stranded pushes queued');
  }
  return queued;
}

/** The user who last asked to push each filing, from the audit log. */
async function whoAskedToPush(filingIds: number[]): Promise<Map<number, number>> {
  if (!filingIds.length) return new Map();
  const asked = await AuditLog.findAll({
    where: {
      resourceId: { [Op.in]: ['ContractFiling', 'ManualPushFiling'] },
      recordId: { [Op.in]: filingIds.map(String) },
      action: 'pushToIntegration',
    },
    attributes: ['recordId', 'actorId'],
    order: [['id', 'ASC']],
  });
  // In id order, so the latest request of each filing is the one kept.
  return new Map(asked.filter((a) => a.actorId).map((a) => [Number(a.recordId), a.actorId!]));
}

/** Exports asked for (or started) longer than `staleMs` ago that never finished. */
export async function requeueStrandedExports(queue: JobQueue, staleMs = DEFAULT_STALE_MS): Promise<number> {
  const stranded = await DataExport.findAll({
    where: {
      state: { [Op.in]: ['queued', 'running'] },
      updatedAt: { [Op.lt]: new Date(Date.now() - staleMs) },
      expiresAt: { [Op.gt]: new Date() },
    },
    attributes: ['id'],
    limit: 500,
  });
  for (const row of stranded) await addJob(queue, exportJob(row.id));
  if (stranded.length) logger.warn({ count: stranded.length }, 'stranded exports queued');
  return stranded.length;
}
