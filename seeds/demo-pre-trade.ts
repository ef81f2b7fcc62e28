import type { Transaction } from 'sequelize';
import { chinaDay } from '../domain/dates.js';
import { approvingRegion } from '../domain/pre-procurement.js';
import { ImportProductRequest, MethodChangeRequest, ProcurementIntention, ProcurementProject, type ProcurementUnit } from '../db/models.js';

const isoDay = (date: Date): string => chinaDay(date);
const shift = (day: string, days: number): string => isoDay(new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000));

/**
 * 交易前 for one region: intentions published long enough and too shortly before their projects started; method
 * changes in each state, among them a single-source notice that has ended and one still running (relative to the day
 * the demo is seeded, so it runs when someone looks); imported-product requests in each state.
 */
export async function seedDemoPreTrade(
  regionCode: string,
  units: readonly ProcurementUnit[],
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<void> {
  const projects = await ProcurementProject.findAll({
    where: { regionCode, stage: ['bidding', 'awarded', 'contracted'] },
    order: [['id', 'ASC']],
    limit: 6,
    transaction,
  });
  for (const [i, project] of projects.entries()) {
    const start = shift(isoDay(day(40)), i);
    const lead = [45, 20, 31, 29, 60, 10][i]!;
    await ProcurementIntention.create(
      {
        procurementUnitId: project.procurementUnitId,
        regionCode,
        projectName: project.name,
        requirementSummary: `${project.name}：满足本单位日常办公需要，技术参数详见采购文件。`,
        budgetAmount: project.budgetAmount,
        expectedMonth: start.slice(0, 7),
        publishedAt: shift(start, -lead),
        projectId: project.id,
        procurementStartAt: start,
      },
      { transaction },
    );
  }
  for (const [i, unit] of units.slice(0, 2).entries()) {
    await ProcurementIntention.create(
      {
        procurementUnitId: unit.id,
        regionCode,
        projectName: `${unit.name}2027年${['信息系统运维', '物业管理'][i]}服务项目`,
        requirementSummary: '预计2027年第一季度开展采购，需求以届时公开的采购文件为准。',
        budgetAmount: ['860000.00', '1200000.00'][i]!,
        expectedMonth: '2027-02',
        publishedAt: isoDay(day(5)),
        projectId: null,
        procurementStartAt: null,
      },
      { transaction },
    );
  }

  const approver = approvingRegion(regionCode);
  const today = isoDay(new Date());
  const requests = [
    {
      method: 'competitive_negotiation',
      amount: '1800000.00',
      ground: '政府采购法第三十条第（一）项：招标后没有供应商投标',
      state: 'submitted' as const,
    },
    {
      method: 'single_source',
      amount: '5600000.00',
      ground: '政府采购法第三十一条第（一）项：只能从唯一供应商处采购',
      state: 'submitted' as const,
      notice: ['2026-10-19', '2026-10-23'],
    },
    {
      method: 'single_source',
      amount: '4800000.00',
      ground: '政府采购法第三十一条第（二）项：发生了不可预见的紧急情况',
      state: 'submitted' as const,
      notice: [shift(today, -1), shift(today, 7)],
    },
    {
      method: 'competitive_consultation',
      amount: '900000.00',
      ground: '政府采购竞争性磋商采购方式管理暂行办法第三条第（二）项',
      state: 'approved' as const,
    },
    {
      method: 'inquiry',
      amount: '450000.00',
      ground: '政府采购法第三十二条：规格、标准统一、现货货源充足且价格变化幅度小',
      state: 'rejected' as const,
    },
  ];
  for (const [i, r] of requests.entries()) {
    const unit = units[i % units.length]!;
    await MethodChangeRequest.create(
      {
        projectId: null,
        projectName: `${unit.name}${['档案数字化', '专用检测设备', '应急通信保障', '课题研究咨询', '办公耗材'][i]}采购项目`,
        procurementUnitId: unit.id,
        regionCode,
        category: i === 3 ? 'services' : 'goods',
        amount: r.amount,
        originalMethod: 'public_tender',
        requestedMethod: r.method,
        legalGround: r.ground,
        reasons: '经市场调查，符合变更条件，申请变更采购方式。',
        expertOpinion: '经专家论证，同意变更采购方式（专家论证意见已附）。',
        noticeStartAt: r.notice?.[0] ?? null,
        noticeEndAt: r.notice?.[1] ?? null,
        state: r.state,
        approvingRegion: approver,
        submittedAt: day(12 - i),
        decidedAt: r.state === 'submitted' ? null : day(3),
        decidedBy: r.state === 'submitted' ? null : '演示审核员',
        decisionReason: r.state === 'rejected' ? '询价适用条件不成立，应公开招标' : null,
      },
      { transaction },
    );
  }
  const imports = [
    { product: '高分辨率质谱仪', country: '德国', amount: '3200000.00', state: 'submitted' as const },
    { product: '达芬奇手术机器人配套器械', country: '美国', amount: '1500000.00', state: 'approved' as const },
    { product: '通用台式计算机', country: '日本', amount: '200000.00', state: 'rejected' as const },
  ];
  for (const [i, r] of imports.entries()) {
    const unit = units[(i + 1) % units.length]!;
    await ImportProductRequest.create(
      {
        projectId: null,
        projectName: `${unit.name}${r.product}采购项目`,
        procurementUnitId: unit.id,
        regionCode,
        productName: r.product,
        originCountry: r.country,
        amount: r.amount,
        reasons: '国内产品无法满足科研（诊疗）需求。',
        expertOpinion: '经五名专家论证，国内同类产品在关键指标上不能满足需求，同意采购进口产品。',
        state: r.state,
        approvingRegion: approver,
        submittedAt: day(9 - i),
        decidedAt: r.state === 'submitted' ? null : day(2),
        decidedBy: r.state === 'submitted' ? null : '演示审核员',
        decisionReason: r.state === 'rejected' ? '国内产品可以满足需求，不同意采购进口产品' : null,
      },
      { transaction },
    );
  }
}
