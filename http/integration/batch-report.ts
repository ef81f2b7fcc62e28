import type { IntegrationInbox } from '../../db/models.js';

/** A batch as the platform (GET /batches/:id) and the panel see it. */
export function batchReport(batch: IntegrationInbox) {
  return {
    batchId: batch.id,
    kind: batch.kind,
    state: batch.state,
    items: batch.itemCount,
    accepted: batch.acceptedCount,
    rejected: batch.rejectedCount,
    applied: batch.appliedCount,
    unchanged: batch.unchangedCount,
    failed: batch.failedCount,
    errors: batch.errors(),
    lastError: batch.lastError,
    attempts: batch.attempts,
    receivedAt: batch.receivedAt,
    finishedAt: batch.finishedAt,
  };
}
