import { z } from 'zod';
import type { Processor } from '../../queue/job-types.js';
import { pruneAuditLog } from '../maintenance/prune-audit-log.js';

/** `now` fixes the clock for tests; otherwise the run's own time. */
const input = z.object({ now: z.string().datetime().optional() }).default({});

/** The daily removal of audit rows past their retention (the minute's maintenance round never touches the trail). */
export const pruneAuditLogJob: Processor = async (data) => {
  const { now } = input.parse(data ?? {});
  return pruneAuditLog(now ? new Date(now) : new Date());
};
