import { parseArgs } from 'node:util';
import type { IntegrationKind } from '../domain/integration-items.js';
import { MAX_ITEMS_PER_BATCH } from '../domain/integration-items.js';
import { DEFAULT_SIGNATURE_METHOD, isSignatureMethod, SIGNATURE_METHODS } from '../domain/integration-signature.js';
import { DEV_INTEGRATION_APP_KEY, DEV_INTEGRATION_APP_SECRET } from '../settings/env.js';
import { postBatch, waitForBatch } from './integration-client.js';
import { simulatedBudgets, simulatedUnits, simulatedVouchers, spoil } from './integration-fixtures.js';

/**
 * `npm run simulate:integration -- --budgets N --units N --vouchers N [--url …] [--faulty K] [--batch-size N]
 * [--seed S] [--wait] [--method HMAC-SM3]`: plays the 一体化 platform against a running server, signing with the
 * method named (HMAC-SHA256 by default).
 */
const { values } = parseArgs({
  options: {
    budgets: { type: 'string', default: '0' },
    units: { type: 'string', default: '0' },
    vouchers: { type: 'string', default: '0' },
    url: { type: 'string', default: process.env.SIMULATE_URL ?? 'http://127.0.0.1:3000' },
    faulty: { type: 'string', default: '0' },
    'batch-size': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    wait: { type: 'boolean', default: false },
    method: { type: 'string', default: process.env.INTEGRATION_SIGNATURE_METHOD ?? DEFAULT_SIGNATURE_METHOD },
  },
});
const number = (name: keyof typeof values): number => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`参数 --${name} 应为非负整数，收到 ${String(values[name])}`);
    process.exit(2);
  }
  return n;
};
const budgets = number('budgets');
const units = number('units');
const vouchers = number('vouchers');
const faulty = number('faulty');
const seed = number('seed');
const batchSize = Math.min(MAX_ITEMS_PER_BATCH, Math.max(1, number('batch-size')));
const method = values.method!.trim().toUpperCase();
if (!isSignatureMethod(method)) {
  console.error(`参数 --method 应为 ${SIGNATURE_METHODS.join(' 或 ')}，收到 ${values.method}`);
  process.exit(2);
}
const credentials = {
  appKey: process.env.INTEGRATION_APP_KEY ?? DEV_INTEGRATION_APP_KEY,
  secret: process.env.INTEGRATION_APP_SECRET ?? DEV_INTEGRATION_APP_SECRET,
  method,
};
const url = values.url!.replace(/\/$/, '');
if (budgets + units + vouchers === 0) {
  console.error('没有要推送的数据：请给出 --budgets N、--units N 或 --vouchers N');
  process.exit(2);
}

async function send(kind: IntegrationKind, items: object[]): Promise<void> {
  for (let i = 0; i < items.length; i += batchSize) {
    const started = Date.now();
    const { status, body } = await postBatch(url, credentials, kind, items.slice(i, i + batchSize));
    if (status !== 202) {
      console.error(`${kind} 第 ${i / batchSize + 1} 批：HTTP ${status} ${JSON.stringify(body)}`);
      process.exitCode = 1;
      continue;
    }
    let line = `${kind} 第 ${i / batchSize + 1} 批：批次 ${body.batchId}，接收 ${body.accepted}，拒收 ${body.rejected.length}（${Date.now() - started} ms）`;
    if (values.wait) {
      const report = await waitForBatch(url, credentials, body.batchId, 300_000);
      line += ` → ${report.state}：新增或更新 ${report.applied}，未变化 ${report.unchanged}，处理出错 ${report.failed}（共 ${Date.now() - started} ms）`;
    }
    console.log(line);
  }
}

// Order matters as on the real platform: units and budgets before the vouchers that pay against them.
await send('units', spoil(simulatedUnits(units, { seed }), faulty));
await send('budgets', spoil(simulatedBudgets(budgets, { seed }), faulty));
await send('payment-vouchers', spoil(simulatedVouchers(vouchers, { seed, budgetCount: budgets || vouchers }), faulty));
