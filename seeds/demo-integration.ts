import type { CreationAttributes, Transaction } from 'sequelize';
import { chinaDay } from '../domain/dates.js';
import { fenToDecimal, toFen } from '../domain/money.js';
import { reconcileContracts } from '../services/integration/link-units.js';
import { matchToProject } from '../services/integration/budget-match.js';
import {
  AcceptanceFiling,
  ContractFiling,
  IntegrationBudget,
  PaymentVoucher,
  ProcurementProject,
  ProjectBudgetLine,
  type ProcurementUnit,
  type SupervisorUser,
} from '../db/models.js';
import { clickPush, failPush, type DemoPush } from './demo-pushes.js';
import type { createRandom } from './random.js';

const PROJECTS = ['办公设备购置', '信息化运维服务', '物业管理服务', '教学设备采购', '医疗设备采购', '印刷服务'];

/**
 * 一体化 budgets, vouchers and two contract filings for one demo region's approved units. Lines arrive unmatched, as
 * 一体化 pushes them; the projects that use them match them (demo-plan.ts). Where the region has a demo office, its
 * first contract is pushed by the push job (returned for `completePushes` once the seed has committed) and paid.
 */
export async function seedDemoIntegration(
  regionCode: string,
  approved: readonly ProcurementUnit[],
  office: SupervisorUser | null,
  random: ReturnType<typeof createRandom>,
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<DemoPush[]> {
  const budgets: Array<CreationAttributes<IntegrationBudget>> = [];
  const filings: Array<CreationAttributes<ContractFiling>> = [];
  for (const [i, unit] of approved.entries()) {
    for (const [j, year] of [2026, 2026, 2021].entries()) {
      const budgetLineId = demoLineId(year, regionCode, i, j);
      const project = `${year}年${PROJECTS[(i + j) % PROJECTS.length]}`;
      const amount = random.int(50_000, 3_000_000).toFixed(2);
      budgets.push({
        budgetLineId,
        fiscalYear: year,
        regionCode,
        unitBudgetCode: unit.unitBudgetCode,
        unitName: unit.name,
        projectName: project,
        categoryCode: ['A02010104', 'C16070000', 'C21040000'][j]!,
        amount,
        fundType: j === 2 ? '政府性基金预算' : '一般公共预算',
        sourceUpdatedAt: day(60 - i),
        procurementUnitId: unit.id,
      });
      if (i > 1 || j !== 0) continue;
      filings.push({
        kind: 'procurement',
        contractNo: `HT-${year}-${regionCode}.${String(i + 1).padStart(3, '0')}`,
        contractName: `${project}合同`,
        signedAt: '2026-10-15',
        amount,
        supplierName: ['江西赣新科技有限公司', '南昌洪城物业服务有限公司'][i]!,
        procurementMethod: 'public_tender',
        projectName: `${project}项目`,
        procurementUnitId: unit.id,
        regionCode,
        budgetLineId,
        virtualBudgetId: null,
        budgetYear: year,
        budgetType: 'integrated',
        filedAt: day(20),
      });
    }
  }
  await IntegrationBudget.bulkCreate(budgets, { transaction });
  const created = await ContractFiling.bulkCreate(filings, { transaction });
  await seedRuleCases(regionCode, approved[0]!, office, day, transaction);
  const first = created[0];
  if (!office || !first) return [];
  const push = await clickPush(first, office, day(18), transaction);
  // 一体化 pays the first 40 % that 支付审核 approved (demo-plan.ts); the voucher batch totals it into the filing as
  // the ingest job does.
  await PaymentVoucher.create(
    {
      voucherNo: `PZ2026${regionCode}0001`,
      budgetLineId: first.budgetLineId!,
      contractNo: first.contractNo,
      payeeName: first.supplierName,
      amount: fenToDecimal(Math.floor(toFen(first.amount) * 0.4)),
      paidAt: day(10),
      regionCode,
      procurementUnitId: first.procurementUnitId,
    },
    { transaction },
  );
  await reconcileContracts(ContractFiling.sequelize!, [first.contractNo], transaction);
  return [push];
}

/** The id of unit `unit`'s `line`-th demo line of `year` in a region: a project of the unit takes it (demo-plan.ts). */
export function demoLineId(year: number, regionCode: string, unit: number, line: number): string {
  return `ZB${year}${regionCode}${String(unit + 1).padStart(3, '0')}${line + 1}`;
}

/**
 * A month of earlier pushes by the region's office, each a contract of its own project on its own matched line, pushed
 * by the push job at its date, so the workbench's push chart, each filing's history and the intermediate database
 * read as they would after a month of use. Nothing where the demo has no office to push.
 */
export async function seedDemoPushHistory(
  regionCode: string,
  approved: readonly ProcurementUnit[],
  office: SupervisorUser | null,
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<DemoPush[]> {
  if (!office) return [];
  const pushes: DemoPush[] = [];
  for (let i = 0; i < 10; i += 1) {
    const unit = approved[i % approved.length]!;
    const pushedAt = day(2 + i * 3);
    const before = (days: number) => new Date(pushedAt.getTime() - days * 86_400_000);
    const kind = PROJECTS[i % PROJECTS.length]!;
    const method = i % 4 === 3 ? 'competitive_consultation' : 'public_tender';
    const amount = (200_000 + ((i * 7_919) % 23) * 50_000).toFixed(2);
    const line = await IntegrationBudget.create(
      {
        budgetLineId: `ZB2026${regionCode}H${String(i + 1).padStart(3, '0')}`,
        fiscalYear: 2026,
        regionCode,
        unitBudgetCode: unit.unitBudgetCode,
        unitName: unit.name,
        projectName: `2026年${kind}（第${i + 1}期）`,
        categoryCode: i % 2 ? 'C16070000' : 'A02010104',
        amount,
        fundType: '一般公共预算',
        sourceUpdatedAt: before(60),
        procurementUnitId: unit.id,
      },
      { transaction },
    );
    const project = await ProcurementProject.create(
      {
        projectNo: `CG-2026-${regionCode}-H${String(i + 1).padStart(3, '0')}`,
        name: `${line.projectName}项目`,
        procurementUnitId: unit.id,
        regionCode,
        budgetYear: 2026,
        budgetAmount: amount,
        category: i % 2 ? 'services' : 'goods',
        procurementMethod: method,
        budgetReviewStatus: 'approved',
        budgetReviewedAt: before(40),
        budgetReviewOpinion: '预算与采购计划一致，同意',
        organisationForm: 'centralized',
        designatedAgency: '政府采购中心',
        stage: 'contracted',
      },
      { transaction },
    );
    await ProjectBudgetLine.create(
      { projectId: project.id, regionCode, budgetKind: 'integrated', budgetNo: line.budgetLineId, amount },
      { transaction },
    );
    await line.update(matchToProject(project, before(35)), { transaction });
    const filing = await ContractFiling.create(
      {
        kind: 'procurement',
        contractNo: `HT-2026-${regionCode}.H${String(i + 1).padStart(2, '0')}`,
        contractName: `${line.projectName}合同`,
        signedAt: chinaDay(before(9)),
        amount: (Number(amount) * 0.95).toFixed(2),
        supplierName: ['江西赣新科技有限公司', '南昌洪城物业服务有限公司', '江西天工印务有限公司'][i % 3]!,
        procurementMethod: method,
        projectName: project.name,
        procurementUnitId: unit.id,
        regionCode,
        budgetLineId: line.budgetLineId,
        virtualBudgetId: null,
        budgetYear: 2026,
        budgetType: 'integrated',
        filedAt: before(3),
      },
      { transaction },
    );
    pushes.push(await clickPush(filing, office, new Date(pushedAt.getTime() - 120_000), transaction));
  }
  return pushes;
}

/** One filing per situation of the manual's push rules, so every verdict can be seen and tried in each region. */
async function seedRuleCases(
  regionCode: string,
  unit: ProcurementUnit,
  office: SupervisorUser | null,
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<void> {
  const base = {
    supplierName: '江西天工印务有限公司',
    procurementUnitId: unit.id,
    regionCode,
    virtualBudgetId: null,
    budgetType: 'integrated' as const,
    kind: 'procurement' as const,
  };
  const cases: Array<{ filing: CreationAttributes<ContractFiling>; acceptedOn?: Date; failedPush?: true }> = [
    {
      filing: {
        ...base,
        contractNo: `HT-2026-${regionCode}.A01`,
        contractName: '2026年打印耗材协议供货合同',
        signedAt: '2026-09-01',
        amount: '86000.00',
        procurementMethod: 'agreement',
        kind: 'agreement',
        projectName: '打印耗材协议供货',
        budgetLineId: `ZB2026${regionCode}A01`,
        budgetYear: 2026,
        filedAt: day(40),
      },
      acceptedOn: day(12),
    },
    {
      filing: {
        ...base,
        contractNo: `HT-2026-${regionCode}.A02`,
        contractName: '2026年办公家具定点采购合同',
        signedAt: '2026-10-08',
        amount: '152000.00',
        procurementMethod: 'designated',
        kind: 'agreement',
        projectName: '办公家具定点采购',
        budgetLineId: `ZB2026${regionCode}A02`,
        budgetYear: 2026,
        filedAt: day(25),
      },
    },
    {
      filing: {
        ...base,
        contractNo: `HT-2022-${regionCode}.L01`,
        contractName: null,
        signedAt: null,
        amount: '45000.00',
        procurementMethod: 'agreement',
        kind: 'agreement',
        projectName: '2022年电脑协议采购',
        budgetLineId: `ZB2022${regionCode}L01`,
        budgetYear: 2022,
        filedAt: new Date('2022-05-06T10:00:00+08:00'),
      },
      acceptedOn: new Date('2022-05-20T10:00:00+08:00'),
    },
    {
      filing: {
        ...base,
        contractNo: `HT-2022-${regionCode}.L02`,
        contractName: '2022年物业服务合同',
        signedAt: '2022-03-01',
        amount: '260000.00',
        procurementMethod: 'public_tender',
        projectName: '2022年物业服务',
        budgetLineId: `ZB2022${regionCode}L02`,
        budgetYear: 2022,
        filedAt: new Date('2022-03-10T10:00:00+08:00'),
        pushStatus: 'not_pushed',
      },
    },
    {
      filing: {
        ...base,
        contractNo: `HT-2021-${regionCode}.O01`,
        contractName: '2021年安保服务合同',
        signedAt: '2021-04-01',
        amount: '98000.00',
        procurementMethod: 'competitive_consultation',
        projectName: '2021年安保服务',
        budgetLineId: `ZB2021${regionCode}O01`,
        budgetYear: 2021,
        filedAt: new Date('2021-04-15T10:00:00+08:00'),
      },
    },
    // Its virtual budget is the unit's first, made by demo-plan.ts, which links the filing to it.
    {
      filing: {
        ...base,
        contractNo: `HT-2026-${regionCode}.V01`,
        contractName: '2026年物业管理服务合同（一招三年）',
        signedAt: '2026-08-01',
        amount: '300000.00',
        procurementMethod: 'public_tender',
        projectName: '物业管理服务（一招三年）',
        budgetLineId: null,
        virtualBudgetId: null,
        budgetType: 'virtual',
        budgetYear: 2026,
        filedAt: day(50),
      },
    },
    {
      filing: {
        ...base,
        contractNo: `HT-2026-${regionCode}.S01`,
        contractName: '2026年食堂食材自行采购合同',
        signedAt: '2026-07-01',
        amount: '38000.00',
        procurementMethod: 'inquiry',
        kind: 'self_run',
        projectName: '食堂食材',
        budgetLineId: `ZB2026${regionCode}S01`,
        budgetYear: 2026,
        filedAt: day(60),
      },
      failedPush: true,
    },
  ];
  // Each case on a line of its own, of its unit and budget year, that no project has matched yet.
  await IntegrationBudget.bulkCreate(
    cases
      .filter(({ filing }) => filing.budgetLineId)
      .map(({ filing }) => ({
        budgetLineId: filing.budgetLineId!,
        fiscalYear: filing.budgetYear,
        regionCode,
        unitBudgetCode: unit.unitBudgetCode,
        unitName: unit.name,
        projectName: `${filing.budgetYear}年${filing.projectName.replace(/^\d{4}年/, '')}`,
        categoryCode: filing.kind === 'agreement' ? 'A02010104' : 'C21040000',
        amount: filing.amount,
        fundType: '一般公共预算',
        sourceUpdatedAt: new Date(`${filing.budgetYear}-01-10T10:00:00+08:00`),
        procurementUnitId: unit.id,
      })),
    { transaction },
  );
  for (const { filing, acceptedOn, failedPush } of cases) {
    const created = await ContractFiling.create(filing, { transaction });
    // Pushed by the office, and every attempt failed; where the demo has no office, nobody pushed it.
    if (failedPush && office) {
      const push = await clickPush(created, office, day(58), transaction);
      await failPush(push, office, '第 5/5 次推送失败：支付系统中间库连接超时', new Date(day(58).getTime() + 31 * 60_000), transaction);
    }
    if (acceptedOn) {
      await AcceptanceFiling.create(
        {
          contractFilingId: created.id,
          regionCode,
          acceptedAt: acceptedOn.toISOString().slice(0, 10),
          acceptedAmount: created.amount,
          filedAt: acceptedOn,
        },
        { transaction },
      );
    }
  }
}
