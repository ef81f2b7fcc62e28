import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { budgetLineId } from '../budget-rows.js';
import type { BenchDb } from '../db.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import type { PeakRss } from '../rss.js';
import { login, type PgStack } from '../stack.js';
import { PROVINCE } from './p2-list.js';

/** An export left unfinished this long has failed the figure whatever its rate. */
const GIVE_UP_MS = 60 * 60_000;

/**
 * What the export writes, as a person would ask PostgreSQL for it: the list's columns (config/resources.yaml), the
 * region by its name, in the list's order, the lines received between two times.
 */
const sameRows = (from: string, to: string) => `SELECT b.budget_line_id, b.fiscal_year, b.unit_name, b.project_name, b.amount,
  b.match_status, b.matched_project_name, r.name FROM integration_budgets b LEFT JOIN regions r ON r.code = b.region_code
  WHERE b.created_at BETWEEN '${from}' AND '${to}' ORDER BY b.created_at DESC`;

/**
 * The baseline: the same rows through psql's `\copy`, so the server formats them and sends them to a client process
 * (which writes them to /dev/null), as it sends them to the export's worker. pg has no COPY of its own (that would be
 * pg-copy-streams, not a dependency), and a server-side `COPY … TO '/dev/null'` would need a superuser and skip the
 * sending that the export pays for.
 */
async function copyRows(databaseUrl: string, select: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)('psql', [
    '-X',
    '-d',
    databaseUrl,
    '-c',
    `\\copy (${select.replace(/\s+/g, ' ')}) TO '/dev/null'`,
  ]);
  const seconds = (performance.now() - started) / 1000;
  const rows = /COPY (\d+)/.exec(stdout)?.[1];
  if (!rows) throw new Error(`P9: psql \\copy printed ${stdout}`);
  return { rows: Number(rows), seconds };
}

/**
 * P9: the province's 一体化预算 list filtered to the generated lines 1..`rows` by their time of receipt (so the export
 * is the same million lines whatever else the table holds), exported through the panel's 导出Excel action as the
 * drawer asks for it (POST, then the status polled until done); rows/s from the request to the file's last chunk
 * committed, against `copyRows`; and the worker's peak memory meanwhile, which must stay flat whatever the rows.
 */
export async function p9Export(stack: PgStack, db: BenchDb, rss: PeakRss, rows: number): Promise<Figure[]> {
  const [range] = await db.query<{ from: Date; to: Date }>(
    'SELECT min(created_at) AS from, max(created_at) AS to FROM integration_budgets WHERE budget_line_id IN ($1, $2)',
    [budgetLineId(1), budgetLineId(rows)],
  );
  const [from, to] = [range!.from.toISOString(), range!.to.toISOString()];
  const query = `?filters.createdAt~~from=${encodeURIComponent(from)}&filters.createdAt~~to=${encodeURIComponent(to)}`;
  const cookie = await login(stack.url, PROVINCE.username);
  const started = Date.now();
  const asked = await fetch(`${stack.url}/admin/api/resources/IntegrationBudget/actions/exportXlsx`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: stack.url },
    body: JSON.stringify({ query }),
  });
  if (asked.status !== 200) throw new Error(`P9: the export action answered ${asked.status} ${(await asked.text()).slice(0, 300)}`);
  const { exportId, statusUrl } = (await asked.json()) as { exportId: string; statusUrl: string };
  progress(`P9: the province's export of ${rows.toLocaleString('en')} budget lines asked (${exportId}); waiting for the worker`);
  for (let reported = 0; ;) {
    const status = (await (await fetch(`${stack.url}${statusUrl}`, { headers: { cookie } })).json()) as Record<string, unknown>;
    if (status.state === 'failed') throw new Error(`P9: the export failed: ${String(status.error)}`);
    if (status.state === 'done') break;
    if (Date.now() - started > GIVE_UP_MS)
      throw new Error(`P9: the export not done after ${GIVE_UP_MS / 60_000} min (${JSON.stringify(status)})`);
    if (Date.now() - started > reported + 60_000) {
      reported += 60_000;
      progress(`P9: ${String(status.done)} of ${String(status.total)} rows written`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const [job] = await db.query<{ done: number; finished_at: Date }>('SELECT done, finished_at FROM data_exports WHERE id = $1', [exportId]);
  const seconds = (job!.finished_at.getTime() - started) / 1000;
  const worker = rss.peak('worker', ['P9']);
  progress(`P9: ${job!.done} rows exported in ${seconds.toFixed(1)} s; the same rows through psql's \\copy`);
  const copied = await copyRows(stack.mainUrl, sameRows(from, to));
  if (job!.done !== rows || copied.rows !== rows)
    throw new Error(`P9: ${rows} lines asked for, the export wrote ${job!.done}, \\copy ${copied.rows}`);
  const lines = rows.toLocaleString('en');
  return [
    figure('P9', `导出 Excel：省 一体化预算按接收时间 ${lines} 行`, 'rows/s', job!.done / seconds, copied.rows / copied.seconds, {
      on: 'ratio',
      op: '>=',
      limit: 0.2,
    }),
    figure('P9', `峰值内存 worker 进程（导出 ${lines} 行）`, 'MB', worker, null, { on: 'value', op: '<=', limit: 250 }),
  ];
}
