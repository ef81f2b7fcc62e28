import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateBudgetLines } from './budget-rows.js';
import { openDb } from './db.js';
import { buildForProduction, startBaseline, stopProcess } from './processes.js';
import { progress } from './progress.js';
import { figure, printTable, writeResults, type Figure } from './results.js';
import { PeakRss } from './rss.js';
import { createPgDatabases, freePort, seedDemo, startPgStack } from './stack.js';
import { p1Ingest } from './figures/p1-ingest.js';
import { COUNTY, listFigure, PROVINCE, timeList, variants, type ListTiming } from './figures/p2-list.js';
import { p3Push, preparePushableFilings } from './figures/p3-push.js';
import { p5ColdStart } from './figures/p5-cold-start.js';
import { p6SqliteList } from './figures/p6-sqlite-list.js';
import { p7Balancer } from './figures/p7-balancer.js';
import { SIZES } from './sizes.js';

/**
 * `npm run bench [-- --quick]`: the production set-up (PostgreSQL, Redis, web and worker processes) against
 * hand-written baselines measured in the same run. Prints the table and writes bench/results/latest.json.
 */
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const size = values.quick ? SIZES.quick : SIZES.full;
// `--only P1,P3`: just those figures, for working on one (P4 is then the peak of what ran).
const only = values.only
  ? new Set(
      values.only
        .toUpperCase()
        .split(',')
        .map((id) => id.trim()),
    )
  : null;
const wanted = (...ids: string[]) => !only || ids.some((id) => only.has(id));
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const figures: Figure[] = [];

progress(`bench ${values.quick ? '--quick' : '(full sizes)'}: PostgreSQL ${PG_URL}, Redis ${REDIS_URL}`);
progress('building the production form (npm run build)');
await buildForProduction();
const databases = await createPgDatabases(PG_URL);
progress('databases created; migrating and writing the demo data');
await seedDemo({ DATABASE_URL: databases.mainUrl, MIDDLE_DATABASE_URL: databases.middleUrl, REDIS_URL });
progress(`preparing ${size.pushFilings} pushable filings for P3`);
await preparePushableFilings(databases.mainUrl, size.pushFilings);

const main = openDb(databases.mainUrl, 1);
const middle = openDb(databases.middleUrl, 10);
const stack = await startPgStack(databases, REDIS_URL);
const rss = new PeakRss();
rss.watch('web', stack.web.pid);
rss.watch('worker', stack.worker.pid);
progress(`web ${stack.url} (pid ${stack.web.pid}) and worker (pid ${stack.worker.pid}) started in production mode`);

try {
  // The peak of each phase, in the progress lines: which figure's work sets P4.
  const phase = (name: string) => {
    const ended = rss.phase(name);
    if (ended) progress(`peak RSS during ${ended}`);
  };
  phase('P1');
  if (wanted('P1')) figures.push(await p1Ingest(stack, main, size.ingest));
  phase('P2');

  if (wanted('P2', 'P2G')) {
    const basePort = await freePort();
    const baseline = await startBaseline(databases.mainUrl, basePort);
    const baseUrl = `http://127.0.0.1:${basePort}`;
    try {
      // P1's lines sit in six demo regions; the list figures want rows spread evenly over the province.
      await main.query("DELETE FROM integration_budgets WHERE budget_line_id LIKE 'ZB%'");
      progress(`P2: ${size.listSmall.toLocaleString('en')} budget lines over every county`);
      await generateBudgetLines(main, 1, size.listSmall);
      const small = await timeList(stack.url, baseUrl, COUNTY, variants(COUNTY.region)[0]!, size.rounds);
      progress(`P2: growing to ${size.listLarge.toLocaleString('en')} budget lines`);
      await generateBudgetLines(main, size.listSmall + 1, size.listLarge);
      const rows = `${size.listLarge.toLocaleString('en')} `;
      let countyLarge: ListTiming | undefined;
      for (const user of [COUNTY, PROVINCE]) {
        for (const variant of variants(user.region)) {
          const timing = await timeList(stack.url, baseUrl, user, variant, size.rounds);
          countyLarge ??= timing;
          figures.push(listFigure('P2', timing, rows));
        }
      }
      figures.push(
        figure(
          'P2g',
          `县列表 p95 增长：${rows}行 / ${size.listSmall.toLocaleString('en')} 行`,
          '×',
          countyLarge!.project / small.project,
          null,
          { on: 'value', op: '<=', limit: 2 },
        ),
      );
      // P2g has no baseline of its own; how the bare route grows over the same rows says whose growth it is.
      progress(
        `P2g: the bare route's county p95 grew ${(countyLarge!.baseline / small.baseline).toFixed(2)}× (${small.baseline.toFixed(1)} → ${countyLarge!.baseline.toFixed(1)} ms), the panel's ${(countyLarge!.project / small.project).toFixed(2)}× (${small.project.toFixed(1)} → ${countyLarge!.project.toFixed(1)} ms)`,
      );
    } finally {
      await stopProcess(baseline);
    }
  }

  phase('P7');
  if (wanted('P7')) {
    const balanced = await p7Balancer(stack, size.rounds);
    if (balanced) figures.push(balanced);
  }

  phase('P3');
  if (wanted('P3')) figures.push(...(await p3Push(stack, main, middle, size.pushFilings)));
  phase('');
} finally {
  rss.stop();
  await main.close();
  await middle.close();
  await stack.stop();
}
figures.push(figure('P4', '峰值内存 web 进程（P1–P3）', 'MB', rss.peak('web'), null, { on: 'value', op: '<=', limit: 350 }));
figures.push(figure('P4', '峰值内存 worker 进程（P1–P3）', 'MB', rss.peak('worker'), null, { on: 'value', op: '<=', limit: 250 }));

if (wanted('P5', 'P6')) {
  const cold = await p5ColdStart(REDIS_URL);
  figures.push(cold.figure);
  if (wanted('P6')) figures.push(await p6SqliteList(cold.dataDir, size.sqliteRows, size.rounds));
  // The cold start's data directory holds P6's SQLite database (about 90 MB at full size).
  fs.rmSync(path.dirname(cold.dataDir), { recursive: true, force: true });
}

printTable(figures, `基准测试结果${values.quick ? '（--quick：小规模，只检查基准本身可运行）' : ''}`);
progress(`written ${writeResults(figures)}`);
if (!values.quick && figures.some((f) => !f.pass)) process.exitCode = 1;
process.exit();
