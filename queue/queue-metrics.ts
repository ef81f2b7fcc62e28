import { Gauge, Histogram, type Registry } from 'prom-client';
import { logger } from '../settings/logger.js';
import type { JobQueue, Processor, ProcessorLookup } from './job-types.js';

/** Jobs per queue and state, read from the queue when Prometheus scrapes; a queue out of reach leaves the series out. */
export function observeQueueDepths(queue: JobQueue, registry: Registry): void {
  new Gauge({
    name: 'jxcg_queue_jobs',
    help: 'Jobs in a queue by state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const depth of await queue.depths()) this.set({ queue: depth.queue, state: depth.state }, depth.count);
      } catch (error) {
        logger.warn({ err: error }, 'metrics: queue depths unavailable');
      }
    },
  });
}

/**
 * The workers' processor table with every run timed, by queue, job name and outcome: the same table serves the BullMQ
 * workers and the in-process queue, so both report alike.
 */
export function timedProcessors(processorFor: ProcessorLookup, registry: Registry): ProcessorLookup {
  const seconds = new Histogram({
    name: 'jxcg_job_seconds',
    help: 'Time a job attempt ran, by queue, job name and outcome (completed, failed)',
    labelNames: ['queue', 'job', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  return (queue, name) => {
    const processor = processorFor(queue, name);
    const timed: Processor = async (data, job) => {
      const stop = seconds.startTimer({ queue, job: name });
      try {
        const result = await processor(data, job);
        stop({ outcome: 'completed' });
        return result;
      } catch (error) {
        stop({ outcome: 'failed' });
        throw error;
      }
    };
    return timed;
  };
}
