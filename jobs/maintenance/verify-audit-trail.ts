import { AuditVerification } from '../../db/models/system/audit-verification.model.js';
import { mayReadAuditTrail } from '../../domain/separation-of-duties.js';
import { ASKER_GONE, beginCheck, failCheck, finishCheck, recordCheckProgress } from '../../services/audit-verifications.js';
import { recordAuditCheck, verifyAuditChain } from '../../services/audit-verify.js';
import { logger } from '../../settings/logger.js';
import { currentActor } from '../job-actor.js';

export interface AuditTrailChecked {
  checkedRows: number;
  breakCount: number;
}

/**
 * Runs one check of the audit trail's chain (services/audit-verify.ts) for its row: the rows checked so far are
 * written to it at most every `progressEveryMs` (a check of millions of rows would otherwise write thousands of
 * times), then what it found, together with the audit row that records the check as its asker's action (the
 * system's for the nightly check). Null when the check had already finished or its asker may no longer check.
 */
export async function runAuditTrailCheck(
  checkId: string,
  { progressEveryMs = 1000, onProgress }: { progressEveryMs?: number; onProgress?: (checked: number, total: number) => Promise<void> } = {},
): Promise<AuditTrailChecked | null> {
  const check = await beginCheck(checkId);
  if (!check) return null;
  // The asker as stored now: someone who is no longer the audit administrator has the check refused, not run for them.
  const asker = check.askedById === null ? null : await currentActor(check.askedById);
  if (check.askedById !== null && !mayReadAuditTrail(asker)) {
    await failCheck(checkId, ASKER_GONE);
    return null;
  }
  const sequelize = AuditVerification.sequelize!;
  let writtenAt = -Infinity;
  const found = await verifyAuditChain(sequelize, {
    onProgress: async (checked, total) => {
      if (Date.now() - writtenAt < progressEveryMs) return;
      writtenAt = Date.now();
      await recordCheckProgress(checkId, checked, total);
      await onProgress?.(checked, total);
    },
  });
  // The result and its audit row together: a check shown as done is always in the trail, and only once.
  await sequelize.transaction(async (transaction) => {
    await recordAuditCheck(asker, found, { checkId, transaction });
    await finishCheck(checkId, found, transaction);
  });
  if (check.askedById === null && !found.intact)
    logger.error(
      { checkId, breakCount: found.breakCount, counts: found.counts },
      'nightly audit trail check found breaks: the audit administrator should look at 校验完整性 or run npm run audit:verify',
    );
  return { checkedRows: found.checkedRows, breakCount: found.breakCount };
}
