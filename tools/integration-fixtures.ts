import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../domain/credit-code.js';
import type { BudgetItem, UnitItem, VoucherItem } from '../domain/integration-items.js';
import { createRandom } from '../seeds/random.js';

/** The demo regions, so simulated data lands where the demo users look. */
export const SIMULATED_REGIONS = ['360000', '360100', '360121', '360700', '360102', '360702'];

const PROJECTS = [
  '办公设备购置',
  '信息化运维服务',
  '物业管理服务',
  '教学设备采购',
  '医疗设备采购',
  '公务用车租赁',
  '食堂食材采购',
  '印刷服务',
  '安保服务',
  '档案数字化',
];
const CATEGORIES = ['A02010104', 'A02010105', 'C16070000', 'C21040000', 'A02320000', 'C23120300', 'A07030000', 'C23090000'];
const FUND_TYPES = ['一般公共预算', '政府性基金预算', '财政专户管理资金', '单位资金'];
const PAYEES = [
  '江西赣新科技有限公司',
  '南昌洪城物业服务有限公司',
  '赣州宏达医疗器械有限公司',
  '江西天工印务有限公司',
  '九江长江信息技术有限公司',
];

const BASE_TIME = Date.parse('2026-11-24T09:00:00+08:00');
// An item's time steps by a millisecond per item: offsets run into the millions (the bench starts at 2,000,000), and
// the API refuses a time more than a few minutes past its receipt.
const SOURCE_TIME_STEP_MS = 1;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Realistic, deterministic items: the same options give the same items on every machine. Budgets point at the demo
 * units' budget codes (region + 0001…0012) so linkage shows; simulated units use codes from 1001 up so they never
 * overwrite the demo units' 一体化 records.
 */
export function simulatedBudgets(count: number, options: { seed?: number; offset?: number } = {}): BudgetItem[] {
  const random = createRandom(options.seed ?? 1);
  return Array.from({ length: count }, (_, k) => {
    const i = k + (options.offset ?? 0);
    const regionCode = SIMULATED_REGIONS[i % SIMULATED_REGIONS.length]!;
    const fiscalYear = 2021 + (i % 6);
    return {
      budgetLineId: `ZB${fiscalYear}-${regionCode}-${String(i + 1).padStart(6, '0')}`,
      fiscalYear,
      regionCode,
      unitBudgetCode: `${regionCode}${String((i % 12) + 1).padStart(4, '0')}`,
      unitName: `预算单位${regionCode}-${(i % 12) + 1}`,
      projectName: `${fiscalYear}年${random.pick(PROJECTS)}`,
      categoryCode: random.pick(CATEGORIES),
      amount: (random.int(10_000, 5_000_000) + random.int(0, 99) / 100).toFixed(2),
      fundType: random.pick(FUND_TYPES),
      updatedAt: iso(BASE_TIME + i * SOURCE_TIME_STEP_MS),
    };
  });
}

export function simulatedUnits(count: number, options: { seed?: number; offset?: number } = {}): UnitItem[] {
  const random = createRandom((options.seed ?? 1) + 7);
  return Array.from({ length: count }, (_, k) => {
    const i = k + (options.offset ?? 0);
    const regionCode = SIMULATED_REGIONS[i % SIMULATED_REGIONS.length]!;
    let org = '';
    for (let c = 0; c < 9; c++) org += CREDIT_CODE_CHARSET[random.int(0, CREDIT_CODE_CHARSET.length - 1)];
    const first17 = `12${regionCode}${org}`;
    return {
      unitBudgetCode: `${regionCode}${String(1001 + i)}`,
      unitName: `模拟预算单位${regionCode}-${i + 1}`,
      creditCode: first17 + creditCodeCheckChar(first17),
      regionCode,
      updatedAt: iso(BASE_TIME + i * SOURCE_TIME_STEP_MS),
    };
  });
}

/** Vouchers pay against the simulated budgets (the first `budgetCount` of them). */
export function simulatedVouchers(count: number, options: { seed?: number; offset?: number; budgetCount?: number } = {}): VoucherItem[] {
  const random = createRandom((options.seed ?? 1) + 13);
  const budgets = simulatedBudgets(Math.max(1, options.budgetCount ?? count), { seed: options.seed });
  return Array.from({ length: count }, (_, k) => {
    const i = k + (options.offset ?? 0);
    const budget = budgets[i % budgets.length]!;
    return {
      voucherNo: `PZ${budget.fiscalYear}${String(i + 1).padStart(8, '0')}`,
      budgetLineId: budget.budgetLineId,
      contractNo: `HT-${budget.fiscalYear}.${String(i + 1).padStart(5, '0')}`,
      payeeName: random.pick(PAYEES),
      amount: (random.int(1_000, 500_000) + random.int(0, 99) / 100).toFixed(2),
      paidAt: iso(BASE_TIME + i * 60_000),
    };
  });
}

/** Spoils every `every`-th item in a way the API or the ingest job must report by field. */
export function spoil<T extends object>(items: T[], every: number): T[] {
  const faults: Array<(item: Record<string, unknown>) => void> = [
    (item) => {
      item.amount = '12.345';
    },
    (item) => {
      if ('regionCode' in item) item.regionCode = '369999';
      else item.paidAt = '昨天';
    },
    (item) => {
      delete item[Object.keys(item)[0]!];
    },
    (item) => {
      if ('updatedAt' in item) item.updatedAt = '2026-13-45';
      else item.amount = -1;
    },
  ];
  return items.map((item, i) => {
    if (every <= 0 || i % every !== every - 1) return item;
    const copy = { ...item } as Record<string, unknown>;
    faults[Math.floor(i / every) % faults.length]!(copy);
    return copy as T;
  });
}
