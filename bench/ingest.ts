import type { BudgetItem } from '../domain/integration-items.js';
import { postBatch } from '../tools/integration-client.js';
import { simulatedBudgets } from '../tools/integration-fixtures.js';
import type { BenchDb } from './db.js';
import { progress } from './progress.js';
import type { PgStack } from './stack.js';

const COLUMNS = [
  'budget_line_id',
  'fiscal_year',
  'region_code',
  'unit_budget_code',
  'unit_name',
  'project_name',
  'category_code',
  'amount',
  'fund_type',
  'source_updated_at',
  'match_status',
  'version',
  'created_at',
  'updated_at',
];
const UPDATED = COLUMNS.filter((c) => !['budget_line_id', 'match_status', 'version', 'created_at'].includes(c));

export interface IngestSize {
  rows: number;
  /** Items per request to the API. */
  batch: number;
}

/**
 * The figure's simulated budget lines, a request's worth at a time: the same items on both sides, and never a million
 * of them in memory at once. `first` keeps each figure's lines apart from the others'.
 */
function* batchesOf(size: IngestSize, first: number): Generator<BudgetItem[]> {
  for (let i = 0; i < size.rows; i += size.batch) {
    yield simulatedBudgets(Math.min(size.batch, size.rows - i), { seed: first + i, offset: first + i });
  }
}

/** The baseline: the same items upserted straight into a table shaped like ours, 1,000 rows a statement, one connection. */
async function upsertDirectly(db: BenchDb, batches: Iterable<BudgetItem[]>): Promise<number> {
  await db.query('DROP TABLE IF EXISTS bench_budgets');
  await db.query('CREATE TABLE bench_budgets (LIKE integration_budgets INCLUDING ALL)');
  let rows = 0;
  const started = performance.now();
  for (const items of batches) {
    for (let i = 0; i < items.length; i += 1000) {
      const slice = items.slice(i, i + 1000);
      const params: unknown[] = [];
      const values = slice.map((b) => {
        const now = new Date();
        params.push(
          b.budgetLineId,
          b.fiscalYear,
          b.regionCode,
          b.unitBudgetCode,
          b.unitName,
          b.projectName,
          b.categoryCode,
          b.amount,
          b.fundType,
          new Date(b.updatedAt),
          'unmatched',
          0,
          now,
          now,
        );
        return `(${COLUMNS.map((_, c) => `$${params.length - COLUMNS.length + c + 1}`).join(', ')})`;
      });
      await db.query(
        `INSERT INTO bench_budgets (${COLUMNS.join(', ')}) VALUES ${values.join(', ')}
        ON CONFLICT (budget_line_id) DO UPDATE SET ${UPDATED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
        params,
      );
    }
    rows += items.length;
  }
  const seconds = (performance.now() - started) / 1000;
  await db.query('DROP TABLE bench_budgets');
  return rows / seconds;
}

/**
 * Budget lines posted through the signed API in batches and applied by the worker, rows/s until the last commit;
 * against the same lines upserted directly. `id` names the figure in the progress lines.
 */
export async function timeIngest(
  id: string,
  stack: PgStack,
  db: BenchDb,
  size: IngestSize,
  first: number,
): Promise<{ project: number; baseline: number }> {
  const rows = size.rows.toLocaleString('en');
  progress(`${id} baseline: ${rows} rows upserted directly`);
  const baseline = await upsertDirectly(db, batchesOf(size, first));
  progress(`${id} project: ${rows} rows through the 一体化 API in batches of ${size.batch.toLocaleString('en')}`);
  const credentials = { appKey: stack.env.INTEGRATION_APP_KEY!, secret: stack.env.INTEGRATION_APP_SECRET! };
  const started = Date.now();
  const batchIds: string[] = [];
  const lineIds: string[] = [];
  for (const items of batchesOf(size, first)) {
    const answer = await postBatch(stack.url, credentials, 'budgets', items);
    if (answer.status !== 202) throw new Error(`${id}: batch answered ${answer.status} ${JSON.stringify(answer.body)}`);
    batchIds.push(answer.body.batchId as string);
    lineIds.push(...items.map((b) => b.budgetLineId));
  }
  for (;;) {
    const [state] = await db.query<{ finished: string; last: Date | null }>(
      `SELECT count(*) FILTER (WHERE state IN ('done', 'failed')) AS finished, max(finished_at) AS last
       FROM integration_inbox WHERE id = ANY($1::text[])`,
      [batchIds],
    );
    if (Number(state!.finished) === batchIds.length) {
      let stored = 0;
      for (let i = 0; i < lineIds.length; i += 100_000) {
        const [found] = await db.query<{ n: string }>(
          'SELECT count(*) AS n FROM integration_budgets WHERE budget_line_id = ANY($1::text[])',
          [lineIds.slice(i, i + 100_000)],
        );
        stored += Number(found!.n);
      }
      if (stored !== size.rows) throw new Error(`${id}: ${stored} of ${size.rows} rows stored`);
      const seconds = (new Date(state!.last!).getTime() - started) / 1000;
      return { project: size.rows / seconds, baseline };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
