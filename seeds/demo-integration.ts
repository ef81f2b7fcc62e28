import type { CreationAttributes, Transaction } from 'sequelize';
import { AcceptanceFiling, AuditLog, ContractFiling, IntegrationBudget, PaymentVoucher, type ProcurementUnit } from '../resources/models.js';
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
  await seedRuleCases(regionCode, approved[0]!, day, transaction);
  await seedPushHistory(regionCode, approved, budgets, day, transaction);
}

/**
 * A month of earlier pushes (some after a failed first attempt), with the audit entries the push job writes, so the
 * workbench's push chart and each filing's history read as they would after a month of use.
 */
async function seedPushHistory(
  regionCode: string, approved: readonly ProcurementUnit[], budgets: ReadonlyArray<CreationAttributes<IntegrationBudget>>,
  day: (n: number) => Date, transaction: Transaction,
): Promise<void> {
  // Lines of their own, so the demo's rule cases keep their lines as they are.
  const lines = await IntegrationBudget.bulkCreate(Array.from({ length: 10 }, (_, i) => {
    const template = budgets.filter((b) => b.fiscalYear === 2026)[i % 4]!;
    return {
      ...template, budgetLineId: `ZB2026${regionCode}H${String(i + 1).padStart(3, '0')}`, matchStatus: 'matched' as const,
      matchedProjectCode: `CG-2026-${regionCode}-H${String(i + 1).padStart(3, '0')}`, matchedProjectName: `${template.projectName}（第${i + 1}期）项目`, matchedAt: day(40),
    };
  }), { transaction });
  for (let i = 0; i < 10; i += 1) {
    const line = lines[i]!;
    const unit = approved[i % approved.length]!;
    const pushedAt = day(2 + i * 3);
    const filing = await ContractFiling.create({
      kind: 'procurement', contractNo: `HT-2026-${regionCode}.H${String(i + 1).padStart(2, '0')}`, contractName: `${line.projectName}合同（第${i + 1}期）`,
      signedAt: new Date(pushedAt.getTime() - 9 * 86_400_000).toISOString().slice(0, 10), amount: (Number(line.amount) / 4).toFixed(2),
      supplierName: ['江西赣新科技有限公司', '南昌洪城物业服务有限公司', '江西天工印务有限公司'][i % 3]!, procurementMethod: i % 4 === 3 ? 'competitive_consultation' : 'public_tender',
      projectName: `${line.projectName}项目`, procurementUnitId: unit.id, regionCode, budgetLineId: line.budgetLineId, virtualBudgetId: null,
      budgetYear: 2026, budgetType: 'integrated', filedAt: new Date(pushedAt.getTime() - 3 * 86_400_000), pushStatus: 'pushed', pushedAt, version: 2,
    }, { transaction });
    const entry = { actorId: null, actorUsername: 'system', actorRole: 'system', actorRegion: null, resourceId: 'ContractFiling', recordId: String(filing.id), regionCode };
    const entries = [
      { ...entry, action: 'pushToIntegration', actorUsername: '演示审核员', actorRole: 'city', createdAt: new Date(pushedAt.getTime() - 3_600_000), updatedAt: pushedAt },
      ...(i % 4 === 1 ? [{ ...entry, action: 'pushFailed', reason: '第 1/5 次推送失败：支付系统中间库连接超时', createdAt: new Date(pushedAt.getTime() - 1_800_000), updatedAt: pushedAt }] : []),
      { ...entry, action: 'pushCompleted', createdAt: pushedAt, updatedAt: pushedAt },
    ];
    await AuditLog.bulkCreate(entries as never, { transaction });
  }
}

/** One filing per situation of the manual's push rules, so every verdict can be seen and tried in each region. */
async function seedRuleCases(
  regionCode: string, unit: ProcurementUnit, day: (n: number) => Date, transaction: Transaction,
): Promise<void> {
  const base = {
    supplierName: '江西天工印务有限公司', procurementUnitId: unit.id, regionCode, virtualBudgetId: null,
    budgetType: 'integrated' as const, kind: 'procurement' as const,
  };
  const cases: Array<{ filing: CreationAttributes<ContractFiling>; acceptedOn?: Date }> = [
    { filing: { ...base, contractNo: `HT-2026-${regionCode}.A01`, contractName: '2026年打印耗材协议供货合同', signedAt: '2026-09-01', amount: '86000.00', procurementMethod: 'agreement', kind: 'agreement', projectName: '打印耗材协议供货', budgetLineId: `ZB2026${regionCode}0011`, budgetYear: 2026, filedAt: day(40) }, acceptedOn: day(12) },
    { filing: { ...base, contractNo: `HT-2026-${regionCode}.A02`, contractName: '2026年办公家具定点采购合同', signedAt: '2026-10-08', amount: '152000.00', procurementMethod: 'designated', kind: 'agreement', projectName: '办公家具定点采购', budgetLineId: `ZB2026${regionCode}0021`, budgetYear: 2026, filedAt: day(25) } },
    { filing: { ...base, contractNo: `HT-2022-${regionCode}.L01`, contractName: null, signedAt: null, amount: '45000.00', procurementMethod: 'agreement', kind: 'agreement', projectName: '2022年电脑协议采购', budgetLineId: `ZB2022${regionCode}0001`, budgetYear: 2022, filedAt: new Date('2022-05-06T10:00:00+08:00') }, acceptedOn: new Date('2022-05-20T10:00:00+08:00') },
    { filing: { ...base, contractNo: `HT-2022-${regionCode}.L02`, contractName: '2022年物业服务合同', signedAt: '2022-03-01', amount: '260000.00', procurementMethod: 'public_tender', projectName: '2022年物业服务', budgetLineId: `ZB2022${regionCode}0002`, budgetYear: 2022, filedAt: new Date('2022-03-10T10:00:00+08:00'), pushStatus: 'not_pushed' } },
    { filing: { ...base, contractNo: `HT-2021-${regionCode}.O01`, contractName: '2021年安保服务合同', signedAt: '2021-04-01', amount: '98000.00', procurementMethod: 'competitive_consultation', projectName: '2021年安保服务', budgetLineId: `ZB2021${regionCode}9001`, budgetYear: 2021, filedAt: new Date('2021-04-15T10:00:00+08:00') } },
    { filing: { ...base, contractNo: `HT-2026-${regionCode}.V01`, contractName: '2026年多年期运维服务合同', signedAt: '2026-08-01', amount: '300000.00', procurementMethod: 'public_tender', projectName: '多年期运维服务', budgetLineId: null, virtualBudgetId: 1, budgetType: 'virtual', budgetYear: 2026, filedAt: day(50) } },
    { filing: { ...base, contractNo: `HT-2026-${regionCode}.S01`, contractName: '2026年食堂食材自行采购合同', signedAt: '2026-07-01', amount: '38000.00', procurementMethod: 'inquiry', kind: 'self_run', projectName: '食堂食材', budgetLineId: `ZB2026${regionCode}0022`, budgetYear: 2026, filedAt: day(60), pushStatus: 'failed', lastPushError: '第 5/5 次推送失败：支付系统中间库连接超时' } },
  ];
  for (const { filing, acceptedOn } of cases) {
    const created = await ContractFiling.create(filing, { transaction });
    if (acceptedOn) {
      await AcceptanceFiling.create({
        contractFilingId: created.id, regionCode, acceptedAt: acceptedOn.toISOString().slice(0, 10), acceptedAmount: created.amount, filedAt: acceptedOn,
      }, { transaction });
    }
  }
}
