import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { IntegrationBudget, PaymentVoucher } from '../../db/models.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../../settings/env.js';
import { postBatch, waitForBatch } from '../../tools/integration-client.js';
import { simulatedBudgets, simulatedUnits, simulatedVouchers, spoil } from '../../tools/integration-fixtures.js';
import { needs } from '../support/requires.js';
import { REDIS_URL } from '../support/services.js';
import { api, login, startTestApp } from '../support/test-app.js';
import { startWorker, stopProcesses } from '../support/worker-process.js';
import { removeQueues } from '../../queue/remove-queues.js';

const platform = { appKey: DEV_INTEGRATION_APP_KEY, secret: DEV_INTEGRATION_APP_SECRET };

const drill = await needs('一体化接收测试（真实 worker 进程）', 'redis');

drill.describe('一体化 batches through a real BullMQ worker process', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let worker: ChildProcess | undefined;
  const prefix = `test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    app = await startTestApp({ QUEUE_DRIVER: 'bullmq', REDIS_URL, QUEUE_PREFIX: prefix });
    worker = await startWorker({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
    });
  });

  afterAll(async () => {
    await stopProcesses([worker], 'SIGTERM');
    await removeQueues(REDIS_URL, prefix);
    await app.stop();
  });

  it('simulated batches land in the right regions within seconds; faulty items come back; a re-send changes nothing', async () => {
    const sent = [
      await postBatch(app.url, platform, 'units', spoil(simulatedUnits(120, { seed: 21 }), 40)),
      await postBatch(app.url, platform, 'budgets', spoil(simulatedBudgets(600, { seed: 21 }), 100)),
    ];
    sent.push(await postBatch(app.url, platform, 'payment-vouchers', simulatedVouchers(300, { seed: 21, budgetCount: 600 })));
    for (const { status } of sent) expect(status).toBe(202);
    expect(sent[1]!.body.rejected.length).toBeGreaterThan(0);
    const reports = [];
    for (const { body } of sent) reports.push(await waitForBatch(app.url, platform, body.batchId, 30_000));
    for (const report of reports) expect(report.state).toBe('done');
    expect(reports[1]).toMatchObject({ items: 600, accepted: 600 - sent[1]!.body.rejected.length });
    // The spoiled region code passes the format check and is caught by the worker against the region table.
    expect(reports[1].errors.some((e: any) => e.errors[0].field === 'regionCode' && e.errors[0].message.includes('369999'))).toBe(true);
    expect(reports[1].applied + reports[1].failed).toBe(reports[1].accepted);

    const county = await login(app.url, 'nanchangxian');
    const { body } = await county.get(api.list('IntegrationBudget', '&filters.budgetLineId=ZB'));
    expect(body.meta.total).toBe(await IntegrationBudget.count({ where: { regionCode: '360121', budgetLineId: { [Op.like]: 'ZB%' } } }));
    expect(body.meta.total).toBeGreaterThan(0);
    expect(body.records.length).toBeGreaterThan(0);
    for (const record of body.records) expect(record.params.regionCode).toBe('360121');
    const vouchers = await county.get(api.list('PaymentVoucher'));
    expect(vouchers.body.records.length).toBeGreaterThan(0);
    for (const record of vouchers.body.records) expect(record.params.regionCode).toBe('360121');

    const before = await IntegrationBudget.count();
    const voucherCount = await PaymentVoucher.count();
    const again = await postBatch(
      app.url,
      platform,
      'budgets',
      spoil(simulatedBudgets(600, { seed: 21 }), 100),
      Math.floor(Date.now() / 1000) + 2,
    );
    const report = await waitForBatch(app.url, platform, again.body.batchId, 30_000);
    expect(report).toMatchObject({ state: 'done', applied: 0, unchanged: reports[1].applied });
    expect(await IntegrationBudget.count()).toBe(before);
    expect(await PaymentVoucher.count()).toBe(voucherCount);
  });
});
