import type { Transaction } from 'sequelize';
import { creditCodeCheckChar } from '../domain/credit-code.js';
import { explainFailedTender, type ProcurementCategory } from '../domain/supervision-rules.js';
import { METHOD_LABELS, type ProcurementMethod } from '../domain/procurement-methods.js';
import {
  AcceptanceFiling,
  AwardNotice,
  ContractFiling,
  Expert,
  ExpertAssignment,
  FailedTenderHandling,
  IntegrationBudget,
  PaymentVoucher,
  PostAwardRecord,
  ProcurementProject,
  ProcurementUnit,
  SupplierRegistration,
} from '../db/models.js';
import { matchToProject } from '../services/integration/budget-match.js';
import { supervisionRules } from '../settings/supervision-rules.js';

/**
 * One budget year (2025) of one purchasing unit in 南昌县 and in 章贡区 (赣州市), written so that each red-flag rule that
 * reads projects, awards, contracts, payments or evaluations finds a case worth a supervisor's look (单一响应, 关联投标
 * and 意向公开不足 already arise from the 2026 demo data). The year is the previous one, so these rows leave the
 * current year's lists and counts of the rest of the demo as they were, and the year's suppliers are all written
 * here: the winners win every project they enter, so the one supplier that enters all and wins none lies below the
 * province's lower fence (陪标专业户).
 */
interface RegionCast {
  /** The purchasing unit whose year it is: its name ends with this (an approved unit of the region). */
  unitSuffix: string;
  agency: string;
  /** [name, first 17 characters of the credit code]: the dominant supplier first, the serial loser last. */
  suppliers: ReadonlyArray<readonly [string, string]>;
  contacts: readonly string[];
  /** The name on the voucher that pays someone other than the contract's supplier. */
  otherPayee: string;
}

const CASTS: Readonly<Record<string, RegionCast>> = {
  '360121': {
    unitSuffix: '卫生健康委员会',
    agency: '江西立信工程咨询有限公司',
    suppliers: [
      ['江西康源医疗器械有限公司', '91360121MA38KY2P4'],
      ['南昌县莲塘建筑工程有限公司', '91360121158312706'],
      ['江西洪都办公设备有限公司', '91360100MA35G7QH1'],
      ['南昌昌南物业管理有限公司', '91360121MA3A0B6D8'],
      ['江西瑞博信息技术有限公司', '91360100MA37T4LC0'],
      ['南昌向塘印务有限公司', '91360121MA39PM5E2'],
      ['南昌恒信商贸有限公司', '91360121MA3ND81W6'],
    ],
    contacts: ['徐志强', '万丽华', '熊建平', '涂晓敏', '胡国庆', '邓春燕', '罗文斌'],
    otherPayee: '南昌向塘文化传媒有限公司',
  },
  '360702': {
    unitSuffix: '卫生健康委员会',
    agency: '江西赣州正源工程咨询有限公司',
    suppliers: [
      ['赣州章贡医疗设备有限公司', '91360702MA35H1RX3'],
      ['赣州虔城建设工程有限公司', '91360702158410927'],
      ['江西赣南办公用品有限公司', '91360700MA38UC4T5'],
      ['赣州宋城物业服务有限公司', '91360702MA39F2KN0'],
      ['赣州市赣鑫信息科技有限公司', '91360702MA3B7QJ8X'],
      ['赣州红旗印刷有限公司', '91360702705614238'],
      ['赣州通达贸易有限公司', '91360702MA3C5WD19'],
    ],
    contacts: ['钟志华', '谢丽萍', '曾国平', '赖小红', '刘永生', '温秀梅', '黄德明'],
    otherPayee: '赣州红旗文化发展有限公司',
  },
};

/**
 * The year's projects: budget and award in yuan, the winner (index into the cast's suppliers), the award notice's day,
 * and what happened after it. Amounts and days are those of a county hospital's ordinary year.
 */
interface PlannedProject {
  name: string;
  category: ProcurementCategory;
  method: ProcurementMethod;
  budget: number;
  award: number;
  winner: number;
  awardedOn: string;
  signedOn: string;
  filedOn: string;
  /** Supplementary contract: amount and day (合同金额超中标/追加超限). */
  supplement?: { amount: number; signedOn: string };
  /** Acceptance, and the vouchers' days and amounts. */
  acceptedOn?: string;
  payments?: ReadonlyArray<{ on: string; amount: number; toOther?: boolean }>;
  /** Seats of the region's first approved expert (专家重复); the second sits on the others. */
  repeatedExpert?: boolean;
}

const PROJECTS: readonly PlannedProject[] = [
  // Three batches of the same consumables, each under the public-tender threshold, 425 万元 together (化整为零).
  {
    name: '2025年医用耗材采购（第一批）',
    category: 'goods',
    method: 'inquiry',
    budget: 1_380_000,
    award: 1_352_000,
    winner: 0,
    awardedOn: '2025-02-24',
    signedOn: '2025-03-05',
    filedOn: '2025-03-07',
    repeatedExpert: true,
  },
  {
    name: '2025年医用耗材采购（第二批）',
    category: 'goods',
    method: 'inquiry',
    budget: 1_450_000,
    award: 1_421_000,
    winner: 0,
    awardedOn: '2025-05-19',
    signedOn: '2025-05-28',
    filedOn: '2025-05-30',
    repeatedExpert: true,
  },
  {
    name: '2025年医用耗材采购（第三批）',
    category: 'goods',
    method: 'competitive_consultation',
    budget: 1_420_000,
    award: 1_396_000,
    winner: 0,
    awardedOn: '2025-08-11',
    signedOn: '2025-08-20',
    filedOn: '2025-08-22',
    repeatedExpert: true,
  },
  // A supplementary contract of 15% on top of the original (the law allows 10%).
  {
    name: '2025年门诊楼维修改造工程',
    category: 'works',
    method: 'public_tender',
    budget: 2_600_000,
    award: 2_540_000,
    winner: 1,
    awardedOn: '2025-03-17',
    signedOn: '2025-03-26',
    filedOn: '2025-03-28',
    supplement: { amount: 381_000, signedOn: '2025-09-15' },
  },
  // Awarded at 63% of the budget (节支率异常).
  {
    name: '2025年办公设备购置',
    category: 'goods',
    method: 'public_tender',
    budget: 2_000_000,
    award: 1_260_000,
    winner: 2,
    awardedOn: '2025-04-14',
    signedOn: '2025-04-23',
    filedOn: '2025-04-25',
    repeatedExpert: true,
  },
  // Signed 73 days after the award notice (合同签订逾期).
  {
    name: '2025年物业管理服务',
    category: 'services',
    method: 'competitive_consultation',
    budget: 960_000,
    award: 948_000,
    winner: 3,
    awardedOn: '2025-04-08',
    signedOn: '2025-06-20',
    filedOn: '2025-06-24',
  },
  // Filed seven weeks after signing (合同备案逾期).
  {
    name: '2025年信息系统运维服务',
    category: 'services',
    method: 'competitive_negotiation',
    budget: 780_000,
    award: 772_000,
    winner: 4,
    awardedOn: '2025-04-28',
    signedOn: '2025-05-12',
    filedOn: '2025-06-30',
  },
  // Accepted in August, paid at the end of October (付款逾期).
  {
    name: '2025年病案档案数字化服务',
    category: 'services',
    method: 'inquiry',
    budget: 560_000,
    award: 551_000,
    winner: 5,
    awardedOn: '2025-06-09',
    signedOn: '2025-06-16',
    filedOn: '2025-06-18',
    acceptedOn: '2025-08-15',
    payments: [{ on: '2025-10-28', amount: 551_000 }],
    repeatedExpert: true,
  },
  // Part of the payment went to a company other than the contract's supplier (资金链不符).
  {
    name: '2025年健康宣传资料印制',
    category: 'services',
    method: 'inquiry',
    budget: 320_000,
    award: 316_000,
    winner: 5,
    awardedOn: '2025-07-07',
    signedOn: '2025-07-14',
    filedOn: '2025-07-16',
    acceptedOn: '2025-09-05',
    payments: [
      { on: '2025-09-18', amount: 200_000 },
      { on: '2025-09-18', amount: 116_000, toOther: true },
    ],
  },
  // The dominant supplier's fourth award of the year: more than half of what the unit awarded (供应商集中).
  {
    name: '2025年医疗设备采购',
    category: 'goods',
    method: 'public_tender',
    budget: 3_600_000,
    award: 3_560_000,
    winner: 0,
    awardedOn: '2025-10-20',
    signedOn: '2025-10-29',
    filedOn: '2025-10-31',
    repeatedExpert: true,
  },
];

const LOSER = 6;
const at = (day: string, hour = 10): Date => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const yuan = (n: number): string => n.toFixed(2);
const daysBefore = (day: string, n: number): string => new Date(at(day).getTime() - n * 86_400_000).toISOString().slice(0, 10);

/** The regions given a year of red-flag cases, each with the cast above. */
export const RISK_DEMO_REGIONS = Object.keys(CASTS);

export async function seedDemoRisk(regionCode: string, transaction: Transaction): Promise<void> {
  const cast = CASTS[regionCode]!;
  const units = await ProcurementUnit.findAll({ where: { regionCode, status: 'approved' }, order: [['id', 'ASC']], transaction });
  const unit = units.find((u) => u.name.endsWith(cast.unitSuffix)) ?? units[0]!;
  const suppliers = cast.suppliers.map(([name, first17]) => ({ name, creditCode: `${first17}${creditCodeCheckChar(first17)}` }));
  const experts = await Expert.findAll({
    where: { registrationRegion: regionCode, state: 'approved' },
    order: [['id', 'ASC']],
    transaction,
  });
  const prefix = `CG-2025-${regionCode}-R`;
  const project = (
    n: number,
    p: Omit<PlannedProject, 'award' | 'winner' | 'awardedOn' | 'signedOn' | 'filedOn'>,
    stage: string,
    on: string,
  ) =>
    ProcurementProject.create(
      {
        projectNo: `${prefix}${String(n).padStart(2, '0')}`,
        name: `${unit.name}${p.name}`,
        procurementUnitId: unit.id,
        regionCode,
        budgetYear: 2025,
        budgetAmount: yuan(p.budget),
        category: p.category,
        procurementMethod: p.method,
        budgetReviewStatus: 'approved',
        budgetReviewedAt: at(daysBefore(on, 20)),
        budgetReviewOpinion: '预算与采购计划一致，同意',
        organisationForm: 'decentralized',
        agencyMode: 'entrusted',
        agencyName: cast.agency,
        socialAgencyName: cast.agency,
        entrustedAt: at(daysBefore(on, 15)),
        stage: stage as ProcurementProject['stage'],
        createdAt: at(daysBefore(on, 30)),
      },
      { transaction },
    );

  for (const [i, plan] of PROJECTS.entries()) {
    const created = await project(i + 1, plan, 'contracted', plan.awardedOn);
    const winner = suppliers[plan.winner]!;
    // The winner and the serial loser enter every project; nobody else enters this year.
    for (const [s, supplier] of [winner, suppliers[LOSER]!].entries()) {
      const index = s === 0 ? plan.winner : LOSER;
      await SupplierRegistration.create(
        {
          projectId: created.id,
          regionCode,
          packageNo: '第1包',
          supplierName: supplier.name,
          supplierCreditCode: supplier.creditCode,
          contactName: cast.contacts[index]!,
          contactPhone: `13${index + 3}${regionCode.slice(2)}${String(i * 7 + index).padStart(4, '0')}`,
          registeredAt: at(daysBefore(plan.awardedOn, 21 - s), 9 + s),
          status: 'documents_obtained',
        },
        { transaction },
      );
    }
    await AwardNotice.create(
      {
        projectId: created.id,
        regionCode,
        kind: 'entrusted',
        noticeNo: `ZB-${created.projectNo}`,
        supplierName: winner.name,
        supplierCreditCode: winner.creditCode,
        awardAmount: yuan(plan.award),
        issuedAt: at(plan.awardedOn),
        agencyName: cast.agency,
      },
      { transaction },
    );
    for (const [e, expert] of experts.slice(0, 2).entries()) {
      if ((e === 0) !== !!plan.repeatedExpert) continue;
      await ExpertAssignment.create(
        {
          expertId: expert.id,
          projectId: created.id,
          regionCode,
          role: i % 2 ? 'member' : 'leader',
          evaluatedAt: at(daysBefore(plan.awardedOn, 3), 14),
        },
        { transaction },
      );
    }
    // The 一体化 line that funds the project, matched to it by the unit as the 2026 demo's lines are.
    const line = await IntegrationBudget.create(
      {
        budgetLineId: `ZB2025${regionCode}R${String(i + 1).padStart(2, '0')}`,
        fiscalYear: 2025,
        regionCode,
        unitBudgetCode: unit.unitBudgetCode,
        unitName: unit.name,
        projectName: plan.name,
        categoryCode: plan.category === 'goods' ? 'A02320000' : plan.category === 'works' ? 'B06000000' : 'C16070000',
        amount: yuan(plan.budget + (plan.supplement?.amount ?? 0)),
        fundType: '一般公共预算',
        sourceUpdatedAt: at(daysBefore(plan.awardedOn, 60)),
        procurementUnitId: unit.id,
      },
      { transaction },
    );
    await line.update(matchToProject(created, at(daysBefore(plan.awardedOn, 25))), { transaction });
    const contracts = [
      { no: `HT-${created.projectNo}`, name: `${plan.name}合同`, amount: plan.award, signedOn: plan.signedOn, filedOn: plan.filedOn },
      ...(plan.supplement
        ? [
            {
              no: `HT-${created.projectNo}-BC1`,
              name: `${plan.name}补充协议`,
              amount: plan.supplement.amount,
              signedOn: plan.supplement.signedOn,
              filedOn: daysBefore(plan.supplement.signedOn, -2),
            },
          ]
        : []),
    ];
    for (const c of contracts) {
      const filing = await ContractFiling.create(
        {
          kind: 'procurement',
          contractNo: c.no,
          contractName: `${unit.name}${c.name}`,
          signedAt: c.signedOn,
          amount: yuan(c.amount),
          supplierName: winner.name,
          procurementMethod: plan.method,
          projectName: created.name,
          procurementUnitId: unit.id,
          regionCode,
          budgetLineId: line.budgetLineId,
          budgetYear: 2025,
          paidAmount: yuan(c === contracts[0] ? (plan.payments ?? []).reduce((sum, p) => sum + p.amount, 0) : 0),
          budgetType: 'integrated',
          filedAt: at(c.filedOn, 16),
        },
        { transaction },
      );
      await PostAwardRecord.create(
        {
          projectId: created.id,
          regionCode,
          supplierName: winner.name,
          contractNo: c.no,
          contractAmount: yuan(c.amount),
          signedAt: c.signedOn,
          acceptedAt: c === contracts[0] ? (plan.acceptedOn ?? null) : null,
          paidAmount: yuan(c === contracts[0] ? (plan.payments ?? []).reduce((sum, p) => sum + p.amount, 0) : 0),
          evaluation: plan.acceptedOn && c === contracts[0] ? 'good' : null,
          remark: plan.supplement && c !== contracts[0] ? '追加门诊楼外立面及屋面防水工程' : null,
        },
        { transaction },
      );
      if (c !== contracts[0]) continue;
      if (plan.acceptedOn)
        await AcceptanceFiling.create(
          {
            contractFilingId: filing.id,
            regionCode,
            acceptedAt: plan.acceptedOn,
            acceptedAmount: yuan(plan.award),
            filedAt: at(daysBefore(plan.acceptedOn, -2), 11),
          },
          { transaction },
        );
      for (const [v, payment] of (plan.payments ?? []).entries()) {
        await PaymentVoucher.create(
          {
            voucherNo: `PZ2025${regionCode}${String(i + 1).padStart(2, '0')}${v + 1}`,
            budgetLineId: filing.budgetLineId!,
            contractNo: c.no,
            payeeName: payment.toOther ? cast.otherPayee : winner.name,
            amount: yuan(payment.amount),
            paidAt: at(payment.on, 15),
            regionCode,
            procurementUnitId: unit.id,
          },
          { transaction },
        );
      }
    }
  }

  // A tender that failed, then the same canteen service bought from a single source a month later (废标后转非竞争).
  const failedPlan = { name: '2025年食堂食材配送服务', category: 'services' as const, method: 'public_tender' as const, budget: 1_100_000 };
  const failed = await project(PROJECTS.length + 1, failedPlan, 'failed', '2025-03-03');
  const thresholds = supervisionRules().thresholdsFor(regionCode);
  const { needsConfirmation, basis } = explainFailedTender(
    {
      originalMethod: 'public_tender',
      newMethod: 'competitive_negotiation',
      amount: failedPlan.budget,
      category: 'services',
      methodName: (m) => METHOD_LABELS[m as ProcurementMethod] ?? m,
    },
    { thresholds },
  );
  await FailedTenderHandling.create(
    {
      projectId: failed.id,
      projectNo: failed.projectNo,
      projectName: failed.name,
      regionCode,
      category: 'services',
      amount: yuan(failedPlan.budget),
      originalMethod: 'public_tender',
      newMethod: 'competitive_negotiation',
      failureReason: '提交投标文件的供应商不足三家',
      state: 'approved',
      confirmationRequired: needsConfirmation,
      confirmationBasis: basis,
      unitApprovedAt: at('2025-03-06'),
      decidedAt: needsConfirmation ? at('2025-03-10') : null,
      decidedBy: needsConfirmation ? '演示审核员' : null,
      decisionReason: null,
      createdAt: at('2025-03-04'),
    },
    { transaction },
  );
  await project(
    PROJECTS.length + 2,
    { name: '2025年食堂食材配送服务（单一来源）', category: 'services', method: 'single_source', budget: 1_080_000 },
    'bidding',
    '2025-05-05',
  );
}
