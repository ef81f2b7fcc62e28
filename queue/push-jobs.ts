import { chunksOf } from '../domain/chunks.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import type { PushFilingsData, QueuedFiling } from '../jobs/processors/push-filing.processor.js';
import type { QueuedJob } from './queued-job.js';
import { JOBS, QUEUES } from './queue-names.js';

/** Filings pushed by one job: a bulk push of ten thousand is a hundred jobs, each one transaction a database. */
export const FILINGS_PER_PUSH_JOB = 100;

export type PushJob = QueuedJob<PushFilingsData>;

/**
 * The jobs that push `filings` for `user`. A filing version is queued once, so the first filing's id and version
 * name a job for good: adding it again while Redis still holds it changes nothing.
 */
export function pushJobsFor(filings: readonly QueuedFiling[], user: Pick<SessionUser, 'id'>): PushJob[] {
  return chunksOf(filings, FILINGS_PER_PUSH_JOB).map((chunk) => ({
    queue: QUEUES.push,
    name: JOBS.pushFilings,
    data: { filings: chunk, userId: user.id },
    attempts: 5,
    jobId: `push-${chunk[0]!.filingId}-v${chunk[0]!.version}${chunk.length > 1 ? `-n${chunk.length}` : ''}`,
  }));
}
