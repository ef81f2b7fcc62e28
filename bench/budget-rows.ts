import { loadWithIndexesAfter } from './bulk-load.js';
import type { BenchDb } from './db.js';

export const BENCH_LINE_PREFIX = 'BENCH-';

/** The id of generated line `n`, as the generator writes it. */
export const budgetLineId = (n: number) => `${BENCH_LINE_PREFIX}${String(n).padStart(8, '0')}`;

// Every county of the province in turn (g % counties); 40 budget units and six fiscal years taken from g / 100, so
// that every county gets every unit and year; one second apart.
const POSTGRES = `
WITH counties AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::int AS k FROM regions WHERE level = 'county'),
     total AS (SELECT count(*)::int AS c FROM counties)
INSERT INTO integration_budgets (budget_line_id, fiscal_year, region_code, unit_budget_code, unit_name, project_name,
  category_code, amount, fund_type, source_updated_at, match_status, version, created_at, updated_at)
SELECT '${BENCH_LINE_PREFIX}' || lpad(g::text, 8, '0'), 2021 + (g / 100) % 6, c.code, c.code || lpad(((g / 100) % 40)::text, 4, '0'),
  '预算单位' || c.code || '-' || ((g / 100) % 40), (2021 + (g / 100) % 6) || '年办公设备购置', 'A02010104', (g % 100000) * 10 + 0.5,
  '一般公共预算', timestamp '2026-01-01' + g * interval '1 second', 'unmatched', 0,
  timestamp '2026-01-01' + g * interval '1 second', timestamp '2026-01-01' + g * interval '1 second'
FROM generate_series($1::int, $2::int) g JOIN counties c ON c.k = g % (SELECT c FROM total)`;

const SQLITE_TIME = `strftime('%Y-%m-%d %H:%M:%f', '2026-01-01', '+' || g.n || ' seconds') || ' +00:00'`;
const SQLITE = `
WITH RECURSIVE g(n) AS (SELECT $1 UNION ALL SELECT n + 1 FROM g WHERE n < $2),
     counties AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM regions WHERE level = 'county'),
     total AS (SELECT count(*) AS c FROM counties)
INSERT INTO integration_budgets (budget_line_id, fiscal_year, region_code, unit_budget_code, unit_name, project_name,
  category_code, amount, fund_type, source_updated_at, match_status, version, created_at, updated_at)
SELECT '${BENCH_LINE_PREFIX}' || printf('%08d', g.n), 2021 + (g.n / 100) % 6, c.code, c.code || printf('%04d', (g.n / 100) % 40),
  '预算单位' || c.code || '-' || ((g.n / 100) % 40), (2021 + (g.n / 100) % 6) || '年办公设备购置', 'A02010104', (g.n % 100000) * 10 + 0.5,
  '一般公共预算', ${SQLITE_TIME}, 'unmatched', 0, ${SQLITE_TIME}, ${SQLITE_TIME}
FROM g JOIN counties c ON c.k = g.n % (SELECT c FROM total)`;

/**
 * Adds budget lines `from`..`to` (inclusive) spread over every county, in slices so no statement runs for minutes. On
 * PostgreSQL the rows go in before the indexes are built again (`loadWithIndexesAfter`), and the table is then
 * vacuumed as well as analyzed: a table in service has been through autovacuum since its rows came (its visibility map
 * set, so a count reads the index alone), and this machine's PostgreSQL runs with autovacuum off.
 */
export async function generateBudgetLines(db: BenchDb, from: number, to: number): Promise<void> {
  const insert = async () => {
    const slice = 100_000;
    for (let start = from; start <= to; start += slice) {
      const end = Math.min(to, start + slice - 1);
      await db.query(db.engine === 'postgres' ? POSTGRES : SQLITE, [start, end]);
    }
  };
  if (db.engine === 'postgres') {
    await loadWithIndexesAfter(db, 'integration_budgets', insert);
    await db.query('VACUUM ANALYZE integration_budgets');
  } else {
    await insert();
    await db.query('ANALYZE');
  }
}

/**
 * The lines one bench run has generated, numbered from 1 without a gap: each figure asks for as many as it measures,
 * and only the missing ones are made.
 */
export class GeneratedBudgetLines {
  count = 0;

  constructor(private readonly db: BenchDb) {}

  async growTo(total: number): Promise<void> {
    if (total < this.count)
      throw new Error(`${this.count.toLocaleString('en')} budget lines already, ${total.toLocaleString('en')} asked for`);
    if (total > this.count) await generateBudgetLines(this.db, this.count + 1, total);
    this.count = total;
  }
}

export const COUNTY_NAME_FILTER = (county: string) => `单位${county}-1`;
export const YEAR_FILTER = 2024;
