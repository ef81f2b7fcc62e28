import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DataExport, ExportFileChunk, PaymentVoucher } from '../../db/models.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';
import { startWorker, stopProcesses } from '../support/worker-process.js';
import { removeQueues } from '../../queue/remove-queues.js';

const drill = await needs('Excel 导出测试（真实 worker 进程）', 'redis');

drill.describe('导出Excel through a real BullMQ worker process', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let worker: ChildProcess | undefined;
  let client: Client;
  const prefix = `test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', REDIS_URL, QUEUE_PREFIX: prefix });
    worker = await startWorker({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
    });
    client = await login(app.url, 'nanchang');
  });

  afterAll(async () => {
    await stopProcesses([worker], 'SIGTERM');
    await removeQueues(REDIS_URL, prefix);
    await app.stop();
  });

  it('the worker writes the file into the database, the panel follows N / M and then downloads it', async () => {
    const { body } = await client.post(api.resourceAction('PaymentVoucher', 'exportXlsx'), { query: '?sortBy=paidAt&direction=desc' });
    let status: any;
    for (let i = 0; i < 60; i++) {
      status = (await client.get(body.statusUrl)).body;
      if (status.state === 'done' || status.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const expected = await PaymentVoucher.count({ where: { regionCode: ['360100', '360102', '360121'] } });
    expect(expected).toBeGreaterThan(0);
    expect(status).toMatchObject({ state: 'done', done: expected, total: expected });
    const row = (await DataExport.findByPk(body.exportId))!;
    expect(row.chunkCount).toBeGreaterThan(0);
    expect(await ExportFileChunk.count({ where: { exportId: row.id } })).toBe(row.chunkCount);
    const response = await fetch(`${app.url}${status.downloadUrl}`, { headers: { cookie: client.cookie } });
    expect(response.headers.get('content-length')).toBe(String(row.byteSize));
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(row.byteSize);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(expected);
    expect(sheet.getRow(1).getCell(1).value).toBe('凭证号');
    const amounts = Array.from({ length: expected }, (_, i) => sheet.getRow(i + 2).getCell(5));
    for (const cell of amounts) {
      expect(typeof cell.value).toBe('number');
      expect(cell.numFmt).toBe('#,##0.00');
    }
  });
});
