import path from 'node:path';
import { generateBudgetLines } from '../budget-rows.js';
import { openDb } from '../db.js';
import type { ChildProcess } from 'node:child_process';
import { startBaseline, startNode, stopProcess, waitForHttp } from '../processes.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import { freePort, productionEnv } from '../stack.js';
import { COUNTY, timeList, variants } from './p2-list.js';

/** A county's list page on the embedded default must answer well within a click's patience, however the bare route does. */
const P6_LIMIT_MS = 50;

/**
 * P6: the P2 county list on the embedded SQLite default (the database `npm start` made in P5), judged by its own p95.
 * The bare route is still timed beside it, for the table's ratio and to check that both agree on the total.
 */
export async function p6SqliteList(dataDir: string, rows: number, rounds: { warmup: number; requests: number }): Promise<Figure> {
  const databaseUrl = `sqlite:${path.join(dataDir, 'supervisor.sqlite')}`;
  progress(`P6: ${rows} budget lines into SQLite`);
  const db = openDb(databaseUrl);
  await generateBudgetLines(db, 1, rows);
  await db.close();
  const [port, basePort] = [await freePort(), await freePort()];
  const web = startNode(
    'dist/main/web.js',
    productionEnv({
      DATABASE_URL: databaseUrl,
      MIDDLE_DATABASE_URL: `sqlite:${path.join(dataDir, 'payment-middle.sqlite')}`,
      QUEUE_DRIVER: 'inline',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    }),
    'web (SQLite)',
    'web',
  );
  let baseline: ChildProcess | undefined;
  try {
    baseline = await startBaseline(databaseUrl, basePort);
    await waitForHttp(`http://127.0.0.1:${port}/admin/login`, 120_000, web);
    const timing = await timeList(`http://127.0.0.1:${port}`, `http://127.0.0.1:${basePort}`, COUNTY, variants(COUNTY.region)[0]!, rounds);
    return figure(
      'P6',
      `列表 p95 ${timing.user} ${timing.variant}（SQLite ${rows.toLocaleString('en')} 行）`,
      'ms',
      timing.project,
      timing.baseline,
      { on: 'value', op: '<=', limit: P6_LIMIT_MS },
    );
  } finally {
    await stopProcess(baseline);
    await stopProcess(web);
  }
}
