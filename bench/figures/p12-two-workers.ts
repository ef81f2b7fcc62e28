import type { BenchDb } from '../db.js';
import { timeIngest, type IngestSize } from '../ingest.js';
import { printed, startNode, stopProcess } from '../processes.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import type { PgStack } from '../stack.js';

/**
 * P12: P1's ingest with a second worker process beside the stack's, against P1's one worker, the same number of lines.
 * Batches are jobs of one queue, so a second worker takes every other one; on this machine both workers share two cores
 * with the web and PostgreSQL, so the bound is that the second worker costs nothing, not that it doubles the rate.
 */
export async function p12TwoWorkers(stack: PgStack, db: BenchDb, size: IngestSize, oneWorker: number): Promise<Figure> {
  const second = startNode('dist/main/worker.js', stack.env, 'worker 2', 'worker');
  try {
    await printed(second, 'worker started', 'worker 2');
    progress('P12: a second worker started');
    // Numbered after P10's lines (from 3,000,000), so these are new rows for the upsert too.
    const { project } = await timeIngest('P12', stack, db, size, 5_000_000);
    return figure('P12', '一体化预算接收：两个 worker 进程 / 一个（P1）', 'rows/s', project, oneWorker, {
      on: 'ratio',
      op: '>=',
      limit: 0.9,
    });
  } finally {
    await stopProcess(second);
  }
}
