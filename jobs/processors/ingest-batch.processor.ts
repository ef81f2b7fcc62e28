import { z } from 'zod';
import type { Sequelize } from 'sequelize';
import {
  validateItems,
  type BudgetItem,
  type IntegrationKind,
  type ItemRejection,
  type UnitItem,
  type VoucherItem,
} from '../../domain/integration-items.js';
import { IntegrationInbox, IntegrationInboxPayload } from '../../db/models.js';
import { applyChunk, CHUNK_SIZE } from '../ingest/apply-items.js';
import { attemptFailure, IngestProblem } from '../ingest/attempt-failure.js';
import { linkUnits, type LinkScope } from '../../services/integration/link-units.js';
import type { JobContext } from '../../queue/job-types.js';
import { dispatch } from '../../queue/job-dispatch.js';
import { riskEvaluationJob } from '../../queue/queued-job.js';
import { RULES_READING } from '../../services/risk/rule-inputs.js';
import { logger } from '../../settings/logger.js';

export interface IngestBatchData {
  batchId: string;
}
const ingestBatchData = z.object({ batchId: z.string().min(1).max(100) });

function linkScopeOf(kind: IntegrationKind, items: readonly unknown[]): LinkScope {
  if (kind === 'budgets') {
    // Arriving lines are linked themselves; the other lines of the same units did not change.
    return { budgetLineIds: (items as BudgetItem[]).map((b) => b.budgetLineId) };
  }
  if (kind === 'units') {
    const units = items as UnitItem[];
    return {
      creditCodes: units.map((u) => u.creditCode),
      unitNames: units.map((u) => u.unitName),
      unitBudgetCodes: units.map((u) => u.unitBudgetCode),
    };
  }
  const vouchers = items as VoucherItem[];
  return { budgetLineIds: vouchers.map((v) => v.budgetLineId), contractNos: vouchers.flatMap((v) => (v.contractNo ? [v.contractNo] : [])) };
}

/** Validates the stored payload again and applies its valid items in chunks; returns the counts and what to link. */
async function applyStoredItems(batch: IntegrationInbox, job: JobContext) {
  const payload = await IntegrationInboxPayload.findByPk(batch.id);
  if (!payload) throw new IngestProblem(`批次 ${batch.id} 的原始报文缺失`);
  const { items } = JSON.parse(payload.body) as { items: unknown[] };
  const { valid, rejected } = validateItems(batch.kind, items, batch.receivedAt);
  let applied = 0;
  let unchanged = 0;
  const processingErrors: ItemRejection[] = [];
  for (let i = 0; i < valid.length; i += CHUNK_SIZE) {
    const outcome = await applyChunk(batch.kind, valid.slice(i, i + CHUNK_SIZE));
    applied += outcome.applied;
    unchanged += outcome.unchanged;
    processingErrors.push(...outcome.errors);
    await job.updateProgress({ done: Math.min(i + CHUNK_SIZE, valid.length), of: valid.length });
  }
  const failedIndexes = new Set(processingErrors.map((e) => e.index));
  const scope = linkScopeOf(
    batch.kind,
    valid.filter((v) => !failedIndexes.has(v.index)).map((v) => v.item),
  );
  return { applied, unchanged, rejected, processingErrors, scope };
}

/**
 * Applies a stored batch: the same validation as at receipt, then chunked upserts keyed by the natural key, then
 * unit linkage. The counts on the batch describe its latest run; running it again changes no data.
 */
export async function ingestBatch(data: unknown, job: JobContext): Promise<Record<string, number>> {
  const { batchId }: IngestBatchData = ingestBatchData.parse(data);
  const batch = await IntegrationInbox.findByPk(batchId);
  if (!batch) throw new IngestProblem(`批次 ${batchId} 不存在`);
  // Queued again after it finished (the sweeper after a Redis loss): nothing left to do.
  // A replay sets the batch back to received first, so a done batch here is one that needs nothing more.
  if (batch.state === 'done') {
    return { applied: batch.appliedCount, unchanged: batch.unchangedCount, rejected: 0, failed: batch.failedCount };
  }
  const sequelize = IntegrationInbox.sequelize as Sequelize;
  await batch.update({ state: 'processing', startedAt: new Date(), attempts: batch.attempts + 1 });
  try {
    const { applied, unchanged, rejected, processingErrors, scope } = await applyStoredItems(batch, job);
    // The batch's items are out of reach by now: linkage needs only the keys, and a second batch may be parsing.
    await linkUnits(sequelize, scope);
    const errors = [...rejected, ...processingErrors].sort((a, b) => a.index - b.index);
    // Every count is written, changed or not: an instance update would skip a field whose stale in-memory value
    // happens to equal the new one, and a run that overlapped another (a job queued again after Redis was lost)
    // would leave the other run's count beside its own.
    await IntegrationInbox.update(
      {
        state: 'done',
        appliedCount: applied,
        unchangedCount: unchanged,
        failedCount: processingErrors.length,
        itemErrors: errors.length ? JSON.stringify(errors) : null,
        lastError: null,
        finishedAt: new Date(),
      },
      { where: { id: batch.id } },
    );
    if (batch.kind === 'payment-vouchers' && applied > 0) {
      // The night's pass evaluates every rule anyway: a queue that cannot take the job now loses nothing.
      await dispatch(riskEvaluationJob(RULES_READING.vouchers)).catch((error: unknown) =>
        logger.warn({ err: error, batchId }, 'red-flag evaluation after vouchers not queued; the nightly pass makes up for it'),
      );
    }
    return { applied, unchanged, rejected: rejected.length, failed: processingErrors.length };
  } catch (caught) {
    const final = job.attemptsMade + 1 >= job.maxAttempts;
    const { lastError, error } = attemptFailure(caught, batch.id, job.attemptsMade + 1, job.maxAttempts);
    await batch
      .update({
        state: final ? 'failed' : 'received',
        lastError,
        ...(final ? { finishedAt: new Date() } : {}),
      })
      .catch(() => undefined);
    throw error;
  }
}
