import { createSequelize } from '../../db/database.js';
import { ContractFiling, initModels, PaymentVoucher, ProcurementUnit } from '../../db/models.js';
import { progress } from '../progress.js';
import { runToEnd } from '../processes.js';
import { figure, type Figure } from '../results.js';
import type { PgStack } from '../stack.js';

const CONTRACT_PREFIX = 'RISK-BENCH-';
const BATCH = 1000;

const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000);

/**
 * Contracts of every approved unit in turn, each paid by one voucher: one in ten filed 20 days after signing, one in
 * ten paid 45 days after it, one in twenty paid more than its amount, so the rules that read them raise flags at
 * the rate a province might see, and store them.
 */
async function prepareContracts(mainUrl: string, count: number): Promise<void> {
  const sequelize = createSequelize(mainUrl);
  initModels(sequelize);
  try {
    const units = await ProcurementUnit.findAll({
      where: { status: 'approved' },
      attributes: ['id', 'regionCode'],
      order: [['id', 'ASC']],
    });
    if (!units.length) throw new Error('P13: no approved unit in the demo data');
    for (let from = 0; from < count; from += BATCH) {
      const numbers = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => from + k);
      const contractNo = (i: number) => `${CONTRACT_PREFIX}${String(i).padStart(7, '0')}`;
      const signed = (i: number) => day(i % 600);
      await ContractFiling.bulkCreate(
        numbers.map((i) => {
          const unit = units[i % units.length]!;
          return {
            kind: 'procurement' as const,
            contractNo: contractNo(i),
            contractName: `基准测试合同${i}`,
            signedAt: signed(i).toISOString().slice(0, 10),
            amount: `${10_000 + (i % 90_000)}.00`,
            supplierName: `江西赣新科技有限公司${i % 500}`,
            procurementMethod: 'public_tender',
            projectName: '基准测试项目',
            procurementUnitId: unit.id,
            regionCode: unit.regionCode,
            budgetLineId: `RB-${i}`,
            virtualBudgetId: null,
            budgetYear: 2025,
            budgetType: 'integrated' as const,
            filedAt: new Date(signed(i).getTime() + (i % 10 === 0 ? 20 : 3) * 86_400_000),
          };
        }),
      );
      await PaymentVoucher.bulkCreate(
        numbers.map((i) => ({
          voucherNo: `RV-${String(i).padStart(7, '0')}`,
          budgetLineId: `RB-${i}`,
          contractNo: contractNo(i),
          payeeName: `江西赣新科技有限公司${i % 500}`,
          amount: `${10_000 + (i % 90_000) + (i % 20 === 0 ? 5_000 : 0)}.00`,
          paidAt: new Date(signed(i).getTime() + (i % 10 === 5 ? 45 : 10) * 86_400_000),
          regionCode: units[i % units.length]!.regionCode,
          procurementUnitId: units[i % units.length]!.id,
        })),
      );
    }
  } finally {
    await sequelize.close();
  }
}

/**
 * P13: the nightly pass of every red-flag rule (`npm run risk:evaluate`, the production build, the stack's own
 * environment) over the budget lines already loaded and `contracts` contracts with a voucher each: seconds to the end.
 */
export async function p13RiskPass(stack: PgStack, contracts: number, budgetLines: number): Promise<Figure> {
  progress(`P13: ${contracts.toLocaleString('en')} contracts and their vouchers`);
  await prepareContracts(stack.mainUrl, contracts);
  progress('P13: every red-flag rule, as the nightly pass runs them');
  const started = performance.now();
  await runToEnd('dist/tools/risk-evaluate.js', { ...stack.env, LOG_LEVEL: 'warn' }, 'risk:evaluate');
  const seconds = (performance.now() - started) / 1000;
  return figure(
    'P13',
    `风险预警全量计算（${budgetLines.toLocaleString('en')} 预算行，${contracts.toLocaleString('en')} 合同）`,
    's',
    seconds,
    null,
    { on: 'value', op: '<=', limit: 600 },
  );
}
