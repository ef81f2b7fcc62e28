import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { DataExport, ExportFileChunk, initModels, PaymentVoucher } from '../../db/models.js';
import { pruneWhatOnlyGrows } from '../../jobs/maintenance/prune.js';
import { removeQueues } from '../../queue/remove-queues.js';
import { seededDatabaseUrls } from '../support/databases.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { api, clientWithCookie, loginResponse, sessionCookieOf } from '../support/test-app.js';
import { freePort, until } from '../support/until.js';
import { startWebProcess, type WebProcess } from '../support/web-process.js';
import { startWorker, stopProcesses } from '../support/worker-process.js';

/** Two machines share the database and Redis, nothing else: PostgreSQL, real processes. */
const drill = await needs('F13 导出文件在任一实例可下载（两个 web、两个 worker 进程）', 'postgres', 'redis');
jest.setTimeout(120_000);

/**
 * F13 (issue #27 item 3): an export was written to the disk of the worker that ran it, so on another host the download
 * answered 410 while the status said done. Now the file is in the main database: two webs and two workers, each in a
 * working directory of its own and no export directory between them; a supervisor exports on web A and downloads on
 * web B with the same session, and once the export is past its 24 hours the maintenance job's prune removes the file
 * and both webs answer 410.
 */
drill.describe('F13: an export asked on one web instance is downloaded from another', () => {
  const prefix = `f13-${randomUUID().slice(0, 8)}`;
  const dirs = ['web-a', 'web-b', 'worker-1', 'worker-2'].map((name) => fs.mkdtempSync(path.join(os.tmpdir(), `jxcg-f13-${name}-`)));
  let main: Sequelize | undefined;
  let webs: WebProcess[] = [];
  let workers: ChildProcess[] = [];
  let bases: string[] = [];

  beforeAll(async () => {
    const own = await seededDatabaseUrls();
    const urls = { DATABASE_URL: own.DATABASE_URL, MIDDLE_DATABASE_URL: own.MIDDLE_DATABASE_URL! };
    main = createSequelize(urls.DATABASE_URL);
    initModels(main);
    const env = { ...urls, REDIS_URL, QUEUE_PREFIX: prefix, QUEUE_DRIVER: 'bullmq' };
    const ports = [await freePort(), await freePort()];
    bases = ports.map((port) => `http://127.0.0.1:${port}`);
    webs = ports.map((port, i) => startWebProcess({ ...env, PORT: String(port) }, { cwd: dirs[i] }));
    const started = await Promise.all([startWorker(env, { cwd: dirs[2] }), startWorker(env, { cwd: dirs[3] })]);
    workers = started;
    await Promise.all(webs.map((web) => web.started));
  });

  afterAll(async () => {
    await stopProcesses([...webs.map((w) => w.child), ...workers]);
    await removeQueues(REDIS_URL, prefix);
    await main?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exported on A, downloaded whole on B; after its time pruned, and gone on both', async () => {
    const started = Date.now();
    const [a, b] = bases as [string, string];
    const signedIn = await loginResponse(a, 'nanchang');
    expect(signedIn.status).toBe(302);
    const cookie = sessionCookieOf(signedIn);
    const onA = clientWithCookie(a, 'nanchang', cookie);
    const onB = clientWithCookie(b, 'nanchang', cookie);

    const asked = await onA.post(api.resourceAction('PaymentVoucher', 'exportXlsx'), { query: '?sortBy=paidAt&direction=desc' });
    expect(asked.status).toBe(200);
    const { exportId, statusUrl } = asked.body as { exportId: string; statusUrl: string };
    let status: Record<string, any> = {};
    await until(
      async () => {
        status = (await onA.get(statusUrl)).body;
        if (status.state === 'failed') throw new Error(`导出失败：${status.error}`);
        return status.state === 'done';
      },
      30_000,
      '导出在 30 s 内完成',
    );
    const expected = await PaymentVoucher.count({ where: { regionCode: ['360100', '360102', '360121'] } });
    expect(expected).toBeGreaterThan(0);
    expect(status).toMatchObject({ state: 'done', done: expected, total: expected });

    // B never saw the request nor the file: the session and the export are both in the database.
    const onBStatus = (await onB.get(statusUrl)).body;
    expect(onBStatus).toMatchObject({ state: 'done', downloadUrl: `/admin/exports/${exportId}/download` });
    const row = (await DataExport.findByPk(exportId))!;
    const response = await fetch(`${b}${onBStatus.downloadUrl}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(row.byteSize));
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(row.byteSize);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets[0]!.rowCount - 1).toBe(expected);
    // Nothing was written beside any process: no file, no export directory.
    for (const dir of dirs) expect(fs.readdirSync(dir, { recursive: true })).toEqual([]);
    // Another office's supervisor may not fetch it from B.
    const other = await loginResponse(b, 'ganzhou');
    expect((await fetch(`${b}${onBStatus.downloadUrl}`, { headers: { cookie: sessionCookieOf(other) } })).status).toBe(404);

    // Its 24 hours have passed; the maintenance job's prune removes the file and marks the export expired.
    await main!.query(`UPDATE data_exports SET expires_at = now() - interval '1 minute' WHERE id = :id`, {
      replacements: { id: exportId },
    });
    expect((await pruneWhatOnlyGrows(new Date())).exportFiles).toBeGreaterThanOrEqual(1);
    expect(await ExportFileChunk.count({ where: { exportId } })).toBe(0);
    expect((await DataExport.findByPk(exportId))!.state).toBe('expired');
    for (const base of [a, b]) {
      const gone = await fetch(`${base}/admin/exports/${exportId}/download`, { headers: { cookie } });
      expect(gone.status).toBe(410);
      expect(((await gone.json()) as { message: string }).message).toContain('24 小时');
      expect((await clientWithCookie(base, 'nanchang', cookie).get(statusUrl)).body).toMatchObject({ state: 'expired', downloadUrl: null });
    }
    console.info(`F13: exported, downloaded elsewhere and pruned in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
