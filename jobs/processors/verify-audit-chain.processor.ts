import { z } from 'zod';
import type { Processor } from '../../queue/job-types.js';
import { askForCheck, failCheck } from '../../services/audit-verifications.js';
import { logger } from '../../settings/logger.js';
import { runAuditTrailCheck } from '../maintenance/verify-audit-trail.js';

/** The audit administrator's check names its row; the nightly schedule names none and the run makes its own. */
const input = z.object({ verificationId: z.string().uuid().optional() }).default({});

/** 校验完整性 as a job: the whole audit trail's chain checked, with progress on the check's row. */
export const verifyAuditChainJob: Processor = async (data, job) => {
  const { verificationId } = input.parse(data ?? {});
  // A retry of the nightly run takes over the row its first attempt made.
  const id = verificationId ?? (await askForCheck(null)).check.id;
  try {
    return await runAuditTrailCheck(id, { onProgress: (checked, total) => job.updateProgress({ checked, total }) });
  } catch (error) {
    if (job.attemptsMade + 1 >= job.maxAttempts) {
      // The page reads a fixed sentence; the driver's own words go to the log only.
      logger.error({ err: error, verificationId: id }, 'audit trail check failed');
      await failCheck(id);
    }
    throw error;
  }
};
