import { onPrimary } from '../db/read-routing.js';
import type { ProcessorLookup } from '../queue/job-types.js';
import { QUEUES } from '../queue/queue-names.js';

/**
 * Jobs decide from what they read (a push from the filing's state, an ingest from the rows it replaces), so they read
 * the primary; an export only reads, and reads the standby when there is one.
 */
export function jobsReadingThePrimary(processorFor: ProcessorLookup): ProcessorLookup {
  return (queue, name) => {
    const processor = processorFor(queue, name);
    if (queue === QUEUES.export) return processor;
    return (data, job) => onPrimary(() => processor(data, job));
  };
}
