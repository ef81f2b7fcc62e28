import { Op } from 'sequelize';
import type { JobQueue } from '../../jobs/job-types.js';
import { IntegrationInbox } from '../../resources/models.js';
import { logger } from '../logger.js';
import { enqueueIngest } from './integration-api.js';

/**
 * Queues batches that were stored but never queued (the queue was down at the moment of receipt, or the process
 * died between the two). Job ids are per batch, so a batch already queued is not queued twice.
 */
export async function requeueStrandedBatches(queue: JobQueue, olderThanMs = 60_000): Promise<number> {
  const stranded = await IntegrationInbox.findAll({
    where: { state: 'received', attempts: 0, receivedAt: { [Op.lt]: new Date(Date.now() - olderThanMs) } },
    attributes: ['id'], limit: 500,
  });
  for (const batch of stranded) await enqueueIngest(queue, batch.id);
  if (stranded.length) logger.warn({ count: stranded.length }, 'stranded integration batches queued');
  return stranded.length;
}

export function startInboxSweeper(queue: JobQueue, everyMs = 60_000): () => void {
  const run = () => requeueStrandedBatches(queue).catch((err: unknown) => logger.error({ err }, 'inbox sweep failed'));
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
