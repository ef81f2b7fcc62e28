import type { BenchDb } from '../db.js';
import { timeIngest, type IngestSize } from '../ingest.js';
import { figure, type Figure } from '../results.js';
import type { PgStack } from '../stack.js';

/**
 * P10: P1 at a million lines, long enough for what a short run hides to show (the inbox and the tables growing, the
 * worker's memory over two hundred batches); the same bound as P1.
 */
export async function p10IngestAtScale(stack: PgStack, db: BenchDb, size: IngestSize): Promise<Figure> {
  // Numbered after P1's lines (from 2,000,000), so both figures' lines are new rows for the upsert.
  const { project, baseline } = await timeIngest('P10', stack, db, size, 3_000_000);
  return figure('P10', `一体化预算接收 ${size.rows.toLocaleString('en')} 行（签名 API → 队列 → 入库）`, 'rows/s', project, baseline, {
    on: 'ratio',
    op: '>=',
    limit: 0.5,
  });
}
