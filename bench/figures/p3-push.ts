import { Op } from 'sequelize';
import { refreshPushVerdicts } from '../../services/filings/filing-eligibility.js';
import { ContractFiling, initModels, ProcurementUnit } from '../../db/models.js';
import { createSequelize } from '../../db/database.js';
import type { BenchDb } from '../db.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import { login, type PgStack } from '../stack.js';

const CONTRACT_PREFIX = 'HT-BENCH-';
const MIDDLE_COLUMNS = [
  'source_filing_id',
  'source_version',
  'contract_no',
  'contract_name',
  'signed_at',
  'amount',
  'supplier_name',
  'budget_line_id',
  'unit_budget_code',
  'region_code',
  'pushed_at',
];

/** Filings of 南昌县 ready to push, written before the web starts (its start-up stores their push verdicts). */
export async function preparePushableFilings(mainUrl: string, count: number): Promise<void> {
  const sequelize = createSequelize(mainUrl);
  initModels(sequelize);
  try {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'approved' }, order: [['id', 'ASC']] }))!;
    for (let from = 0; from < count; from += 1000) {
      await ContractFiling.bulkCreate(
        Array.from({ length: Math.min(1000, count - from) }, (_, k) => {
          const i = from + k;
          return {
            kind: 'procurement' as const,
            contractNo: `${CONTRACT_PREFIX}${String(i).padStart(6, '0')}`,
            contractName: `基准测试合同${i}`,
            signedAt: '2026-10-01',
            amount: '1000.00',
            supplierName: '江西赣新科技有限公司',
            procurementMethod: 'public_tender',
            projectName: '基准测试项目',
            procurementUnitId: unit.id,
            regionCode: '360121',
            budgetLineId: `ZB-BENCH-${i}`,
            virtualBudgetId: null,
            budgetYear: 2026,
            budgetType: 'integrated' as const,
            filedAt: new Date('2026-10-10T10:00:00+08:00'),
          };
        }),
      );
    }
    await refreshPushVerdicts({ contractNo: { [Op.like]: `${CONTRACT_PREFIX}%` } });
  } finally {
    await sequelize.close();
  }
}

/** The baseline: the same intermediate rows written by a plain script, one transaction a row, ten connections. */
async function writeDirectly(main: BenchDb, middle: BenchDb): Promise<number> {
  const filings = await main.query<Record<string, unknown>>(
    `SELECT f.id, f.version, f.contract_no, f.contract_name, f.signed_at, f.amount, f.supplier_name, f.budget_line_id,
       u.unit_budget_code, f.region_code
     FROM contract_filings f LEFT JOIN procurement_units u ON u.id = f.procurement_unit_id
     WHERE f.contract_no LIKE $1 ORDER BY f.id`,
    [`${CONTRACT_PREFIX}%`],
  );
  await middle.query('DROP TABLE IF EXISTS bench_middle_records');
  await middle.query('CREATE TABLE bench_middle_records (LIKE payment_middle_records INCLUDING ALL)');
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < filings.length) {
        const f = filings[next++]!;
        await middle.query(
          `INSERT INTO bench_middle_records (${MIDDLE_COLUMNS.join(', ')})
        VALUES (${MIDDLE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
          [
            f.id,
            f.version,
            f.contract_no,
            f.contract_name,
            f.signed_at,
            f.amount,
            f.supplier_name,
            f.budget_line_id,
            f.unit_budget_code,
            f.region_code,
            new Date(),
          ],
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await middle.query('DROP TABLE bench_middle_records');
  return filings.length / seconds;
}

/** P3: one bulk 推送 of every prepared filing, as 南昌县 would click it; filings/s until the last intermediate row. */
export async function p3Push(stack: PgStack, main: BenchDb, middle: BenchDb, count: number): Promise<Figure[]> {
  const ids = (
    await main.query<{ id: number }>('SELECT id FROM contract_filings WHERE contract_no LIKE $1 AND push_verdict = $2 ORDER BY id', [
      `${CONTRACT_PREFIX}%`,
      'pushable',
    ])
  ).map((r) => r.id);
  if (ids.length !== count) throw new Error(`P3: ${ids.length} of ${count} prepared filings are pushable`);
  const cookie = await login(stack.url, 'nanchangxian');
  progress(`P3 project: one bulk push of ${count} filings`);
  const started = Date.now();
  const response = await fetch(`${stack.url}/admin/api/resources/ManualPushFiling/bulk/pushToIntegrationBulk?recordIds=${ids.join(',')}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: stack.url },
    body: '{}',
  });
  const answer = (await response.json()) as { done?: unknown[]; refused?: string[] };
  if (response.status !== 200 || answer.done?.length !== count) {
    throw new Error(
      `P3: bulk push answered ${response.status}, ${answer.done?.length ?? 0} queued, refused: ${JSON.stringify(answer.refused?.slice(0, 3))}`,
    );
  }
  progress(`P3 project: the bulk request answered after ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for the worker`);
  let rows = { total: 0, distinct: 0, last: null as Date | null };
  for (;;) {
    const [state] = await middle.query<{ total: string; distinct: string; last: Date | null }>(
      'SELECT count(*) AS total, count(DISTINCT source_filing_id) AS distinct, max(pushed_at) AS last FROM payment_middle_records WHERE contract_no LIKE $1',
      [`${CONTRACT_PREFIX}%`],
    );
    rows = { total: Number(state!.total), distinct: Number(state!.distinct), last: state!.last };
    if (rows.distinct >= count) break;
    if (Date.now() - started > 30 * 60_000) throw new Error(`P3: only ${rows.distinct} of ${count} rows after 30 minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (new Date(rows.last!).getTime() - started) / 1000;
  progress(`P3 baseline: ${count} rows, one transaction each, 10 connections`);
  const baseline = await writeDirectly(main, middle);
  return [
    figure('P3', '合同备案批量推送一体化（中间库行）', 'filings/s', count / seconds, baseline, { on: 'ratio', op: '>=', limit: 0.3 }),
    figure('P3', '批量推送重复写入的中间库行', 'rows', rows.total - count, null, { on: 'value', op: '<=', limit: 0 }),
  ];
}
