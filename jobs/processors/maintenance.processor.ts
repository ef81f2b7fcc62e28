import { currentJobQueue } from '../../queue/job-dispatch.js';
import type { Processor } from '../../queue/job-types.js';
import { moveTimedStates } from '../maintenance/move-timed-states.js';
import { pruneWhatOnlyGrows } from '../maintenance/prune.js';
import { requeueStrandedBatches, requeueStrandedExports, requeueStrandedPushes } from '../maintenance/requeue-stranded.js';

/**
 * The round a job scheduler runs every minute, once for the whole cluster however many webs and workers there are:
 * work the database says is unfinished is queued again, what only grows is pruned, and states that time has moved
 * (biddings ended, suppliers expired) are stored within a minute of the moment.
 */
export const maintenanceJob: Processor = async () => {
  const queue = currentJobQueue();
  if (!queue) throw new Error('maintenance needs a job queue in this process to queue stranded work');
  return {
    batches: await requeueStrandedBatches(queue),
    pushes: await requeueStrandedPushes(queue),
    exports: await requeueStrandedExports(queue),
    ...(await moveTimedStates(new Date())),
    ...(await pruneWhatOnlyGrows(new Date())),
  };
};
