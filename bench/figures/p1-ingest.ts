import { postBatch } from '../../tools/integration-client.js';
import { simulatedBudgets } from '../../tools/integration-fixtures.js';
import type { BenchDb } from '../db.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import type { PgStack } from '../stack.js';

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

/** The baseline: the same items upserted straight into a table shaped like ours, 1,000 rows a statement, one connection. */
async function upsertDirectly(db: BenchDb, items: ReturnType<typeof simulatedBudgets>): Promise<number> {
  await db.query('DROP TABLE IF EXISTS bench_budgets');
  await db.query('CREATE TABLE bench_budgets (LIKE integration_budgets INCLUDING ALL)');
  const started = performance.now();
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
  const seconds = (performance.now() - started) / 1000;
  await db.query('DROP TABLE bench_budgets');
  return items.length / seconds;
}

/** P1: budget lines posted through the signed API in batches and applied by the worker; rows/s until the last commit. */
export async function p1Ingest(stack: PgStack, db: BenchDb, size: { rows: number; batch: number }): Promise<Figure> {
  const items = simulatedBudgets(size.rows, { seed: 11, offset: 2_000_000 });
  progress(`P1 baseline: ${size.rows} rows upserted directly`);
  const baseline = await upsertDirectly(db, items);
  progress(`P1 project: ${size.rows} rows through the 一体化 API in batches of ${size.batch}`);
  const credentials = { appKey: stack.env.INTEGRATION_APP_KEY!, secret: stack.env.INTEGRATION_APP_SECRET! };
  const started = Date.now();
  const batchIds: string[] = [];
  for (let i = 0; i < items.length; i += size.batch) {
    const answer = await postBatch(stack.url, credentials, 'budgets', items.slice(i, i + size.batch));
    if (answer.status !== 202) throw new Error(`P1: batch answered ${answer.status} ${JSON.stringify(answer.body)}`);
    batchIds.push(answer.body.batchId as string);
  }
  for (;;) {
    const [state] = await db.query<{ finished: string; last: Date | null }>(
      `SELECT count(*) FILTER (WHERE state IN ('done', 'failed')) AS finished, max(finished_at) AS last
       FROM integration_inbox WHERE id = ANY($1::text[])`,
      [batchIds],
    );
    if (Number(state!.finished) === batchIds.length) {
      const [stored] = await db.query<{ n: string }>(
        'SELECT count(*) AS n FROM integration_budgets WHERE budget_line_id = ANY($1::text[])',
        [items.map((b) => b.budgetLineId)],
      );
      if (Number(stored!.n) !== items.length) throw new Error(`P1: ${stored!.n} of ${items.length} rows stored`);
      const seconds = (new Date(state!.last!).getTime() - started) / 1000;
      return figure('P1', '一体化预算接收（签名 API → 队列 → 入库）', 'rows/s', items.length / seconds, baseline, {
        on: 'ratio',
        op: '>=',
        limit: 0.5,
      });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
