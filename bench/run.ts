import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratedBudgetLines } from './budget-rows.js';
import { openDb } from './db.js';
import { buildForProduction, startBaseline, stopProcess } from './processes.js';
import { progress } from './progress.js';
import { figure, printTable, writeResults, type Figure } from './results.js';
import { PeakRss } from './rss.js';
import { createPgDatabases, freePort, seedDemo, startPgStack } from './stack.js';
import { p1Ingest } from './figures/p1-ingest.js';
import { COUNTY, listFigure, timeEveryList, timeList, variants, type ListTiming } from './figures/p2-list.js';
import { p3Push, preparePushableFilings } from './figures/p3-push.js';
import { p5ColdStart } from './figures/p5-cold-start.js';
import { p6SqliteList } from './figures/p6-sqlite-list.js';
import { p7Figure } from './figures/p7-lists-at-scale.js';
import { p8Growth } from './figures/p8-list-growth.js';
import { p9Export } from './figures/p9-export.js';
import { p10IngestAtScale } from './figures/p10-ingest-at-scale.js';
import { p11Balancer } from './figures/p11-balancer.js';
import { p12TwoWorkers } from './figures/p12-two-workers.js';
import { p13RiskPass } from './figures/p13-risk-pass.js';
import { SIZES } from './sizes.js';

/**
 * `npm run bench [-- --quick]`: the production set-up (PostgreSQL, Redis, web and worker processes) against
 * hand-written baselines measured in the same run. Prints the table and writes bench/results/latest.json.
 */
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const size = values.quick ? SIZES.quick : SIZES.full;
// `--only P1,P3`: just those figures, for working on one (P4 is then the peak of what ran of P1–P3).
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

// The phases P4 judges: the figures of the issue that set it (P11 runs among them); P7–P10 have bounds of their own.
const P4_PHASES = ['P1', 'P2', 'P11', 'P3'];
const lines = new GeneratedBudgetLines(main);
/** The hand-written list route, up for the figures that compare with it. */
const withBareRoute = async (measure: (url: string) => Promise<void>) => {
  const port = await freePort();
  const bare = await startBaseline(databases.mainUrl, port);
  try {
    await measure(`http://127.0.0.1:${port}`);
  } finally {
    await stopProcess(bare);
  }
};
const count = (n: number) => n.toLocaleString('en');

try {
  // The peak of each phase, in the progress lines: which figure's work sets P4.
  const phase = (name: string) => {
    const ended = rss.phase(name);
    if (ended) progress(`peak RSS during ${ended}`);
  };
  phase('P1');
  if (wanted('P1', 'P12')) {
    const one = await p1Ingest(stack, main, size.ingest);
    if (wanted('P1')) figures.push(one);
    phase('P12');
    if (wanted('P12')) figures.push(await p12TwoWorkers(stack, main, size.ingest, one.value));
  }
  phase('P10');
  if (wanted('P10')) figures.push(await p10IngestAtScale(stack, main, size.ingestAtScale));
  phase('P2');

  if (wanted('P2', 'P2G', 'P7', 'P8', 'P9')) {
    // The ingest figures' lines sit in six demo regions; the list and export figures want rows spread evenly over the
    // province, and the pages the deleted lines held free for them, as a table in service reuses its space.
    await main.query("DELETE FROM integration_budgets WHERE budget_line_id LIKE 'ZB%'");
    await main.query('VACUUM integration_budgets');
  }
  // P2's six lists at its larger size: P8's base when it ran.
  let listsBefore: ListTiming[] | undefined;
  if (wanted('P2', 'P2G')) {
    await withBareRoute(async (bareUrl) => {
      progress(`P2: ${count(size.listSmall)} budget lines over every county`);
      await lines.growTo(size.listSmall);
      const small = await timeList(stack.url, bareUrl, COUNTY, variants(COUNTY.region)[0]!, size.rounds);
      progress(`P2: growing to ${count(size.listLarge)} budget lines`);
      await lines.growTo(size.listLarge);
      listsBefore = await timeEveryList(stack.url, bareUrl, size.rounds);
      figures.push(...listsBefore.map((timing) => listFigure('P2', timing, `${count(size.listLarge)} `)));
      const countyLarge = listsBefore[0]!;
      figures.push(
        figure(
          'P2g',
          `县列表 p95 增长：${count(size.listLarge)} 行 / ${count(size.listSmall)} 行`,
          '×',
          countyLarge.project / small.project,
          null,
          {
            on: 'value',
            op: '<=',
            limit: 2,
          },
        ),
      );
      // P2g has no baseline of its own; how the bare route grows over the same rows says whose growth it is.
      progress(
        `P2g: the bare route's county p95 grew ${(countyLarge.baseline / small.baseline).toFixed(2)}× (${small.baseline.toFixed(1)} → ${countyLarge.baseline.toFixed(1)} ms), the panel's ${(countyLarge.project / small.project).toFixed(2)}× (${small.project.toFixed(1)} → ${countyLarge.project.toFixed(1)} ms)`,
      );
    });
  }

  phase('P11');
  if (wanted('P11')) {
    const balanced = await p11Balancer(stack, size.rounds);
    if (balanced) figures.push(balanced);
  }

  phase('P3');
  if (wanted('P3')) figures.push(...(await p3Push(stack, main, middle, size.pushFilings)));

  phase('P9');
  if (wanted('P9')) {
    await lines.growTo(Math.max(lines.count, size.exportRows));
    figures.push(...(await p9Export(stack, main, rss, size.exportRows)));
  }

  phase('P13');
  if (wanted('P13')) {
    await lines.growTo(Math.max(lines.count, size.listLarge));
    figures.push(await p13RiskPass(stack, size.riskContracts, lines.count));
  }

  phase('P7');
  if (wanted('P7', 'P8')) {
    await withBareRoute(async (bareUrl) => {
      if (!listsBefore) {
        progress(`P8: the lists over ${count(size.listLarge)} budget lines first`);
        await lines.growTo(size.listLarge);
        listsBefore = await timeEveryList(stack.url, bareUrl, size.roundsAtScale);
      }
      progress(`P7: growing to ${count(size.listAtScale)} budget lines`);
      const started = performance.now();
      await lines.growTo(size.listAtScale);
      progress(`P7: generated, indexed and vacuumed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const atScale = await timeEveryList(stack.url, bareUrl, size.roundsAtScale);
      figures.push(...atScale.map((timing) => p7Figure(timing, size.listAtScale)));
      figures.push(...p8Growth(atScale, listsBefore, { atScale: size.listAtScale, before: size.listLarge }));
    });
  }
  phase('');
} finally {
  rss.stop();
  await main.close();
  await middle.close();
  await stack.stop();
}
figures.push(figure('P4', '峰值内存 web 进程（P1–P3）', 'MB', rss.peak('web', P4_PHASES), null, { on: 'value', op: '<=', limit: 350 }));
figures.push(
  figure('P4', '峰值内存 worker 进程（P1–P3）', 'MB', rss.peak('worker', P4_PHASES), null, { on: 'value', op: '<=', limit: 250 }),
);

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
