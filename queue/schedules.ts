import { logger } from '../settings/logger.js';
import type { JobQueue, JobRepeat } from './job-types.js';
import { JOBS, QUEUES } from './queue-names.js';

interface Schedule {
  queue: string;
  name: string;
  repeat: JobRepeat;
}

/** Every repeating job. Each is one job per run for the whole cluster: BullMQ's scheduler adds it, one worker runs it. */
export const SCHEDULES: readonly Schedule[] = [
  // Deadlines, escalations: once a day, before the offices open.
  { queue: QUEUES.maintenance, name: JOBS.refreshDeadlines, repeat: { key: 'daily-deadlines', pattern: '0 30 6 * * *' } },
  // The audit trail's whole chain checked, its last result on 校验完整性: at night, before the pruning.
  { queue: QUEUES.maintenance, name: JOBS.verifyAuditChain, repeat: { key: 'daily-audit-verify', pattern: '0 45 2 * * *' } },
  // Every red-flag rule over everything we hold: at night, after the audit check and before the offices open.
  { queue: QUEUES.maintenance, name: JOBS.evaluateRisk, repeat: { key: 'nightly-risk', pattern: '0 0 4 * * *' } },
  // Audit rows past their retention: once a day, at night (a backlog is removed over several nights).
  { queue: QUEUES.maintenance, name: JOBS.pruneAuditLog, repeat: { key: 'daily-audit-prune', pattern: '0 15 3 * * *' } },
  // Stranded work re-queued and what only grows pruned: every minute.
  { queue: QUEUES.maintenance, name: JOBS.maintenance, repeat: { key: 'maintenance', everyMs: 60_000 } },
];

/** Registered by earlier versions without the database's id; removed so they never run against the wrong data. */
const RETIRED_KEYS = ['daily-deadlines'];

/** How often workers assert the schedules again: a Redis that came back empty has them within this time. */
export const SCHEDULE_ASSERT_MS = 60_000;

/** Registers every schedule (again): a no-op when Redis has them, a repair when Redis lost them. */
export async function assertSchedules(queue: JobQueue): Promise<void> {
  for (const schedule of SCHEDULES) await queue.schedule(schedule.queue, schedule.name, {}, schedule.repeat);
  for (const key of RETIRED_KEYS) await queue.unschedule(QUEUES.maintenance, key);
}

/** How soon a failed assertion is tried again: the minute's wait is for Redis that answers, not for one that failed. */
export const SCHEDULE_RETRY_MS = 5_000;

/**
 * Asserts the schedules now, every SCHEDULE_ASSERT_MS, and the moment Redis is back: the maintenance schedule runs at
 * once when registered, so what waited for the queue goes out within seconds of Redis' return. A failure (Redis away,
 * or too slow just after it came back) is logged and tried again after SCHEDULE_RETRY_MS until one succeeds.
 */
export function keepSchedules(queue: JobQueue, everyMs = SCHEDULE_ASSERT_MS, retryMs = SCHEDULE_RETRY_MS): () => void {
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = () => {
    clearTimeout(retry);
    retry = undefined;
    assertSchedules(queue).catch((error: unknown) => {
      logger.warn({ err: error }, 'job schedules not asserted: the queue is unavailable');
      if (!stopped && !retry) {
        retry = setTimeout(run, retryMs);
        retry.unref();
      }
    });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  const unsubscribe = queue.onReconnected(run);
  return () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(retry);
    unsubscribe();
  };
}
