import type { CreationAttributes, Transaction } from 'sequelize';
import { ContractFiling, IntegrationBudget, PaymentVoucher, type ProcurementUnit } from '../resources/models.js';
import type { createRandom } from './random.js';

const PROJECTS = ['办公设备购置', '信息化运维服务', '物业管理服务', '教学设备采购', '医疗设备采购', '印刷服务'];

/**
 * 一体化 budgets, vouchers and a few contract filings for one demo region's approved units: matched and unmatched
 * lines, one line whose filing was pushed (its match cannot be reset), one whose filing was not.
 */
export async function seedDemoIntegration(
  regionCode: string, approved: readonly ProcurementUnit[], random: ReturnType<typeof createRandom>,
  day: (n: number) => Date, transaction: Transaction,
): Promise<void> {
  const budgets: Array<CreationAttributes<IntegrationBudget>> = [];
  const filings: Array<CreationAttributes<ContractFiling>> = [];
  const vouchers: Array<CreationAttributes<PaymentVoucher>> = [];
  for (const [i, unit] of approved.entries()) {
    for (const [j, year] of [2026, 2026, 2021].entries()) {
      const budgetLineId = `ZB${year}${regionCode}${String(i + 1).padStart(3, '0')}${j + 1}`;
      const project = `${year}年${PROJECTS[(i + j) % PROJECTS.length]}`;
      const matched = j !== 1;
      const amount = (random.int(50_000, 3_000_000)).toFixed(2);
      budgets.push({
        budgetLineId, fiscalYear: year, regionCode, unitBudgetCode: unit.unitBudgetCode, unitName: unit.name,
        projectName: project, categoryCode: ['A02010104', 'C16070000', 'C21040000'][j]!, amount,
        fundType: j === 2 ? '政府性基金预算' : '一般公共预算', sourceUpdatedAt: day(60 - i), procurementUnitId: unit.id,
        matchStatus: matched ? 'matched' : 'unmatched',
        matchedProjectCode: matched ? `CG-${year}-${regionCode}-${String(i * 3 + j + 1).padStart(3, '0')}` : null,
        matchedProjectName: matched ? `${project}项目` : null,
        matchedAt: matched ? day(30 - i) : null,
      });
      if (!matched || i > 1 || j !== 0) continue;
      const contractNo = `HT-${year}-${regionCode}.${String(i + 1).padStart(3, '0')}`;
      const pushed = i === 0;
      filings.push({
        kind: 'procurement', contractNo, contractName: `${project}合同`, signedAt: '2026-10-15', amount,
        supplierName: ['江西赣新科技有限公司', '南昌洪城物业服务有限公司'][i]!, procurementMethod: 'public_tender',
        projectName: `${project}项目`, procurementUnitId: unit.id, regionCode, budgetLineId, virtualBudgetId: null,
        budgetYear: year, budgetType: 'integrated', filedAt: day(20), pushStatus: pushed ? 'pushed' : 'not_pushed',
        pushedAt: pushed ? day(18) : null,
      });
      if (pushed) {
        vouchers.push({
          voucherNo: `PZ${year}${regionCode}${String(i + 1).padStart(4, '0')}`, budgetLineId, contractNo,
          payeeName: '江西赣新科技有限公司', amount: (Number(amount) / 2).toFixed(2), paidAt: day(10), regionCode, procurementUnitId: unit.id,
        });
      }
    }
  }
  await IntegrationBudget.bulkCreate(budgets, { transaction });
  await ContractFiling.bulkCreate(filings, { transaction });
  await PaymentVoucher.bulkCreate(vouchers, { transaction });
}
