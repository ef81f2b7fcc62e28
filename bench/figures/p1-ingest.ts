import type { BenchDb } from '../db.js';
import { timeIngest, type IngestSize } from '../ingest.js';
import { figure, type Figure } from '../results.js';
import type { PgStack } from '../stack.js';

/** P1: 一体化 budget lines through the signed API, the queue and the worker, against upserting them directly. */
export async function p1Ingest(stack: PgStack, db: BenchDb, size: IngestSize): Promise<Figure> {
  const { project, baseline } = await timeIngest('P1', stack, db, size, 2_000_000);
  return figure('P1', '一体化预算接收（签名 API → 队列 → 入库）', 'rows/s', project, baseline, { on: 'ratio', op: '>=', limit: 0.5 });
}
