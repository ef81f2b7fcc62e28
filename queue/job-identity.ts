import { UnrecoverableError } from 'bullmq';

/**
 * The Redis key prefix of one database's queues: a database that was reset, or another deployment sharing Redis
 * and QUEUE_PREFIX, has queues of its own, with their own schedules, that this one's workers never take from. On a Redis
 * Cluster it is a hash tag: BullMQ's scripts touch several keys of a queue at once, which Cluster allows only within one
 * slot; one tag per database also keeps a push's re-queued work beside its queue's other keys.
 */
export function queuePrefixOf(prefix: string, databaseId: string, { cluster = false }: { cluster?: boolean } = {}): string {
  return cluster ? `{${prefix}:${databaseId}}` : `${prefix}:${databaseId}`;
}

/**
 * Every job is queued for one database: its instance id (migration 0011) is in the job's id and in its data. A
 * database that was reset gets a new id, so its jobs never meet the completed ones Redis still keeps for the old
 * one; two deployments that share Redis never take each other's ids.
 */
export function jobIdFor(databaseId: string, jobId: string): string {
  return `${jobId}@${databaseId}`;
}

/** The ids an attempt at the same work may take, in order: once a job has finished, the next attempt is a new job. */
export function attemptIdOf(jobId: string, attempt: number): string {
  return attempt ? `${jobId}-a${attempt}` : jobId;
}

export function stampedWith(databaseId: string, data: unknown): Record<string, unknown> {
  return { ...(data as Record<string, unknown> | undefined), databaseId };
}

/** Thrown for a job queued for another database: it is failed at once, never retried and never applied here. */
export class ForeignDatabaseJobError extends UnrecoverableError {
  constructor(readonly jobDatabaseId: unknown) {
    super(`任务属于另一个数据库实例（${typeof jobDatabaseId === 'string' ? jobDatabaseId : '未标明'}），本部署不执行`);
  }
}

/** The work of a job queued for `databaseId`, without the stamp; a job for any other database is refused. */
export function workOf(databaseId: string, data: unknown): unknown {
  const { databaseId: stamped, ...work } = (data ?? {}) as Record<string, unknown>;
  if (stamped !== databaseId) throw new ForeignDatabaseJobError(stamped);
  return work;
}
