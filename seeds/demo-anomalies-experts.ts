import type { Transaction } from 'sequelize';
import { firstSpecialtyStep, type SpecialtyState } from '../domain/expert-review.js';
import type { FailedTenderState } from '../domain/failed-tender-workflow.js';
import { METHOD_LABELS } from '../domain/procurement-methods.js';
import { explainFailedTender, explainPreAward, type ProcurementCategory } from '../domain/supervision-rules.js';
import {
  Expert,
  ExpertSpecialtyReview,
  FailedTenderHandling,
  PreAwardAnomaly,
  ProcurementProject,
  type ProcurementUnit,
} from '../db/models.js';
import { supervisionRules } from '../settings/supervision-rules.js';
import type { createRandom } from './random.js';

type Random = ReturnType<typeof createRandom>;
const methodName = (code: string): string => METHOD_LABELS[code as keyof typeof METHOD_LABELS] ?? code;

const FAILED: ReadonlyArray<{
  original: string;
  next: string;
  amount: number;
  category: ProcurementCategory;
  state: FailedTenderState;
  why: string;
}> = [
  {
    original: 'public_tender',
    next: 'competitive_negotiation',
    amount: 5_200_000,
    category: 'goods',
    state: 'awaiting_supervisor',
    why: '提交投标文件的供应商不足三家',
  },
  {
    original: 'public_tender',
    next: 'competitive_consultation',
    amount: 4_600_000,
    category: 'services',
    state: 'approved',
    why: '出现影响采购公正的违法、违规行为',
  },
  {
    original: 'public_tender',
    next: 'public_tender',
    amount: 6_800_000,
    category: 'goods',
    state: 'approved',
    why: '投标人的报价均超过了采购预算',
  },
  {
    original: 'public_tender',
    next: 'single_source',
    amount: 2_300_000,
    category: 'services',
    state: 'submitted',
    why: '符合专业条件的供应商不足三家',
  },
  {
    original: 'public_tender',
    next: 'competitive_negotiation',
    amount: 8_000_000,
    category: 'works',
    state: 'rejected',
    why: '提交投标文件的供应商不足三家',
  },
  {
    original: 'public_tender',
    next: 'public_tender',
    amount: 1_200_000,
    category: 'goods',
    state: 'editing',
    why: '因重大变故，采购任务取消后重新立项',
  },
  {
    original: 'competitive_negotiation',
    next: 'single_source',
    amount: 4_100_000,
    category: 'services',
    state: 'awaiting_supervisor',
    why: '谈判后仅一家供应商响应',
  },
  { original: 'inquiry', next: 'inquiry', amount: 380_000, category: 'goods', state: 'approved', why: '询价响应供应商不足三家' },
  {
    original: 'competitive_consultation',
    next: 'competitive_negotiation',
    amount: 900_000,
    category: 'services',
    state: 'submitted',
    why: '磋商小组认定所有响应文件无效',
  },
];

const PRE_AWARD: ReadonlyArray<{ method: boolean; ranking: boolean; name: boolean; state: FailedTenderState; what: string }> = [
  { method: false, ranking: true, name: true, state: 'awaiting_supervisor', what: '质疑成立，第一中标候选人资格无效，由第二名递补' },
  { method: false, ranking: false, name: false, state: 'approved', what: '结果公示中联系电话有误，更正后重新公示' },
  { method: true, ranking: false, name: false, state: 'approved', what: '重新评审后改为竞争性谈判' },
  { method: false, ranking: true, name: false, state: 'rejected', what: '评审报告计算错误，排名调整' },
  { method: false, ranking: false, name: true, state: 'submitted', what: '中标单位更名，营业执照已变更' },
  { method: false, ranking: false, name: false, state: 'editing', what: '补正结果公示附件' },
];

const EXPERT_NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'];
const SPECIALTIES = [
  ['B010101', '计算机硬件'],
  ['B020301', '物业管理服务'],
  ['B030201', '医疗设备'],
  ['B040101', '房屋建筑工程'],
  ['B050201', '财务会计'],
] as const;
const CHAIN: readonly SpecialtyState[] = ['city_review', 'province_review', 'gongguanban_review', 'approved', 'returned'];

/** Anomaly handlings in every state, half needing the office; experts and specialty reviews at every step. */
export async function seedDemoAnomaliesAndExperts(
  regionCode: string,
  units: readonly ProcurementUnit[],
  random: Random,
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<void> {
  const thresholds = supervisionRules().thresholdsFor(regionCode);
  let serial = 0;
  const failedProject = async (name: string, amount: number, category: ProcurementCategory, method: string, unit: ProcurementUnit) => {
    serial += 1;
    return ProcurementProject.create(
      {
        projectNo: `CG-2026-${regionCode}-F${String(serial).padStart(3, '0')}`,
        name,
        procurementUnitId: unit.id,
        regionCode,
        budgetYear: 2026,
        budgetAmount: amount.toFixed(2),
        category,
        procurementMethod: method,
        budgetReviewStatus: 'approved',
        budgetReviewedAt: day(90),
        organisationForm: 'centralized',
        designatedAgency: '政府采购中心',
        stage: 'failed',
      },
      { transaction },
    );
  };
  for (const [i, f] of FAILED.entries()) {
    const unit = units[i % units.length]!;
    const project = await failedProject(
      `${unit.name}${['信息化设备', '物业服务', '医疗设备', '运维服务', '维修改造工程', '办公家具', '保洁服务', '办公用品', '咨询服务'][i]}采购项目`,
      f.amount,
      f.category,
      f.original,
      unit,
    );
    const { needsConfirmation, basis } = explainFailedTender(
      { originalMethod: f.original, newMethod: f.next, amount: f.amount, category: f.category, methodName },
      { thresholds },
    );
    const past = ['awaiting_supervisor', 'approved', 'rejected'].includes(f.state);
    const state = f.state === 'awaiting_supervisor' && !needsConfirmation ? 'approved' : f.state;
    await FailedTenderHandling.create(
      {
        projectId: project.id,
        projectNo: project.projectNo,
        projectName: project.name,
        regionCode,
        category: f.category,
        amount: f.amount.toFixed(2),
        originalMethod: f.original,
        newMethod: f.next,
        failureReason: f.why,
        state,
        confirmationRequired: needsConfirmation,
        confirmationBasis: basis,
        unitApprovedAt: past ? day(10 - i / 2) : null,
        decidedAt: (state === 'approved' && needsConfirmation) || state === 'rejected' ? day(5) : null,
        decidedBy: (state === 'approved' && needsConfirmation) || state === 'rejected' ? '演示审核员' : null,
        decisionReason: state === 'rejected' ? '变更理由不充分，请按公开招标重新组织' : null,
      },
      { transaction },
    );
  }
  for (const [i, p] of PRE_AWARD.entries()) {
    const unit = units[(i + 1) % units.length]!;
    const project = await failedProject(
      `${unit.name}${['网络设备', '安保服务', '教学设备', '印刷服务', '车辆维修', '会议服务'][i]}采购项目`,
      random.int(500_000, 3_000_000),
      'goods',
      'public_tender',
      unit,
    );
    await project.update({ stage: 'awarded' }, { transaction });
    const { needsConfirmation, basis } = explainPreAward({ methodChanged: p.method, rankingChanged: p.ranking, winnerNameChanged: p.name });
    await PreAwardAnomaly.create(
      {
        projectId: project.id,
        projectNo: project.projectNo,
        projectName: project.name,
        regionCode,
        agencyName: '江西国际招标有限公司',
        methodChanged: p.method,
        rankingChanged: p.ranking,
        winnerNameChanged: p.name,
        originalWinner: '江西赣新科技有限公司',
        newWinner: p.name || p.ranking ? '九江长江信息工程有限公司' : '江西赣新科技有限公司',
        description: p.what,
        state: p.state,
        confirmationRequired: needsConfirmation,
        confirmationBasis: basis,
        unitApprovedAt: ['awaiting_supervisor', 'approved', 'rejected'].includes(p.state) ? day(8) : null,
        decidedAt: p.state === 'rejected' || (p.state === 'approved' && needsConfirmation) ? day(4) : null,
        decidedBy: p.state === 'rejected' || (p.state === 'approved' && needsConfirmation) ? '演示审核员' : null,
        decisionReason: p.state === 'rejected' ? '排名调整依据不足' : null,
      },
      { transaction },
    );
  }
  const offset = Number(regionCode.slice(2)) % EXPERT_NAMES.length;
  for (let i = 0; i < 5; i += 1) {
    const name = EXPERT_NAMES[(i + offset) % EXPERT_NAMES.length]!;
    const state = (['submitted', 'submitted', 'approved', 'rejected', 'approved'] as const)[i]!;
    const expert = await Expert.create(
      {
        name,
        idNumberMasked: `${regionCode}${'19' + String(random.int(60, 90))}****${String(random.int(1000, 9999))}`.slice(0, 18),
        gender: i % 2 ? 'female' : 'male',
        title: ['高级工程师', '副教授', '高级会计师', '主任医师', '教授级高工'][i]!,
        workUnit: ['江西省信息中心', '南昌大学', '江西财经大学', '江西省人民医院', '江西省建筑设计研究总院'][i]!,
        phone: `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
        registrationRegion: regionCode,
        specialties: SPECIALTIES.slice(i % 3, (i % 3) + 2)
          .map(([, s]) => s)
          .join('、'),
        state,
        submittedAt: day(20 + i),
        reviewedAt: state === 'submitted' ? null : day(10),
        reviewedBy: state === 'submitted' ? null : '演示审核员',
        reviewReason: state === 'rejected' ? '职称证书扫描件不清晰，请重新上传' : null,
      },
      { transaction },
    );
    if (state !== 'approved') continue;
    for (const [s, target] of CHAIN.entries()) {
      if (regionCode === '360000' && target === 'city_review') continue;
      const [code, specialty] = SPECIALTIES[(s + i) % SPECIALTIES.length]!;
      const start = firstSpecialtyStep(regionCode);
      const passed = (step: SpecialtyState) => CHAIN.indexOf(target) > CHAIN.indexOf(step) && target !== 'returned';
      await ExpertSpecialtyReview.create(
        {
          expertId: expert.id,
          expertName: expert.name,
          registrationRegion: regionCode,
          specialtyCode: code,
          specialtyName: specialty,
          state: target,
          appliedAt: day(20 - s),
          cityReviewedBy: start === 'city_review' && (passed('city_review') || target === 'returned') ? '市级演示审核员' : null,
          cityReviewedAt: start === 'city_review' && (passed('city_review') || target === 'returned') ? day(12) : null,
          provinceReviewedBy: passed('province_review') ? '省级演示审核员' : null,
          provinceReviewedAt: passed('province_review') ? day(9) : null,
          gongguanbanReviewedBy: passed('gongguanban_review') ? '省公管办演示审核员' : null,
          gongguanbanReviewedAt: passed('gongguanban_review') ? day(6) : null,
          returnedAt: target === 'returned' ? day(7) : null,
          returnedBy: target === 'returned' ? '省级演示审核员' : null,
          returnReason: target === 'returned' ? '近三年无该专业相关工作业绩' : null,
        },
        { transaction },
      );
    }
  }
}
