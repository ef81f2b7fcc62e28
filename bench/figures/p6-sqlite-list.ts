import path from 'node:path';
import { generateBudgetLines } from '../budget-rows.js';
import { openDb } from '../db.js';
import type { ChildProcess } from 'node:child_process';
import { startBaseline, startNode, stopProcess, waitForHttp } from '../processes.js';
import { progress } from '../progress.js';
import type { Figure } from '../results.js';
import { freePort, productionEnv } from '../stack.js';
import { COUNTY, listFigure, timeList, variants } from './p2-list.js';

/** P6: the P2 county list on the embedded SQLite default (the database `npm start` made in P5), against the bare route. */
export async function p6SqliteList(dataDir: string, rows: number, rounds: { warmup: number; requests: number }): Promise<Figure> {
  const databaseUrl = `sqlite:${path.join(dataDir, 'supervisor.sqlite')}`;
  progress(`P6: ${rows} budget lines into SQLite`);
  const db = openDb(databaseUrl);
  await generateBudgetLines(db, 1, rows);
  await db.close();
  const [port, basePort] = [await freePort(), await freePort()];
  const web = startNode('dist/server/web.js', productionEnv({
    DATABASE_URL: databaseUrl, MIDDLE_DATABASE_URL: `sqlite:${path.join(dataDir, 'payment-middle.sqlite')}`, QUEUE_DRIVER: 'inline',
    PORT: String(port), LOG_LEVEL: 'warn',
  }), 'web (SQLite)', true);
  let baseline: ChildProcess | undefined;
  try {
    baseline = await startBaseline(databaseUrl, basePort);
    await waitForHttp(`http://127.0.0.1:${port}/admin/login`, 120_000, web);
    const timing = await timeList(`http://127.0.0.1:${port}`, `http://127.0.0.1:${basePort}`, COUNTY, variants(COUNTY.region)[0]!, rounds);
    return { ...listFigure('P6', timing, `SQLite ${rows.toLocaleString('en')} `), id: 'P6' };
  } finally {
    await stopProcess(baseline);
    await stopProcess(web);
  }
}
