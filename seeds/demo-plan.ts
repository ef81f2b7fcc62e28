import type { CreationAttributes, Transaction } from 'sequelize';
import { creditCodeCheckChar } from '../domain/credit-code.js';
import { fenToDecimal, toFen } from '../domain/money.js';
import { virtualBudgetNo } from '../domain/virtual-budget.js';
import { ANNOUNCEMENT_TYPE_LABELS } from '../db/models/announcements/announcement-labels.js';
import {
  Announcement,
  AnnouncementAttachment,
  AwardNotice,
  ContractFiling,
  IntegrationBudget,
  PaymentApplication,
  PostAwardRecord,
  ProcurementProject,
  ProjectBudgetLine,
  SupplierRegistration,
  VirtualBudget,
  type ProcurementUnit,
} from '../db/models.js';
import type { OrganisationForm, ProjectStage } from '../db/models/plan/procurement-project.model.js';
import { matchToProject } from '../services/integration/budget-match.js';
import { demoLineId } from './demo-integration.js';
import type { createRandom } from './random.js';

type Random = ReturnType<typeof createRandom>;

/** Suppliers with real-looking credit codes: the 18th character is computed, so every code passes the checksum. */
const SUPPLIERS = (
  [
    ['江西赣新科技有限公司', '91360100MA35F0XK1'],
    ['南昌洪城物业服务有限公司', '91360100705520461'],
    ['江西天工印务有限公司', '91360100158260349'],
    ['赣州南康家具制造有限公司', '91360782MA39A1QX5'],
    ['江西省医疗器械有限公司', '91360000158304127'],
    ['九江长江信息工程有限公司', '91360400MA38L2WB7'],
  ] as const
).map(([name, first17]) => [name, `${first17}${creditCodeCheckChar(first17)}`] as const);
const CENTRAL_AGENCIES: Record<string, string> = {
  '360000': '江西省公共资源交易集团',
  '360100': '南昌市政府采购中心',
  '360700': '赣州市政府采购中心',
};
const SOCIAL_AGENCIES = [
  '江西国际招标有限公司',
  '江西省机电设备招标有限公司',
  '中机国际招标有限公司江西分公司',
  '江西立信工程咨询有限公司',
];
const PLANS: ReadonlyArray<{ form: OrganisationForm; method: string; stage: ProjectStage; social?: boolean; selfRun?: boolean }> = [
  { form: 'centralized', method: 'public_tender', stage: 'contracted' },
  { form: 'departmental', method: 'competitive_consultation', stage: 'awarded', social: true },
  { form: 'decentralized', method: 'inquiry', stage: 'contracted', selfRun: true },
  { form: 'decentralized', method: 'public_tender', stage: 'bidding', social: true },
  { form: 'centralized', method: 'single_source', stage: 'planning' },
];
const SCENARIOS = ['funds_assured', 'province_wide_split', 'multi_year_service', 'partly_self_funded', 'central_unit'] as const;

/**
 * 计划管理 … 支付审核 demo data for one region: virtual budgets in every scenario, projects in every organisation
 * form with their budget lines, announcements (each type, with a file), registrations, award notices, post-award
 * data, and payment requests under the region's filed contracts — one of which would overpay if approved.
 */
export async function seedDemoPlan(
  regionCode: string,
  approved: readonly ProcurementUnit[],
  random: Random,
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<void> {
  const regionNo = regionCode.slice(2);
  const virtualBudgets = approved.slice(0, 3).map((unit, i): CreationAttributes<VirtualBudget> => ({
    budgetNo: `pending-${regionCode}-${i}`,
    procurementUnitId: unit.id,
    regionCode,
    fiscalYear: 2026,
    projectName: ['2026年物业管理服务（一招三年）', '2026年全省统招分签办公设备', '2026年信息系统建设（部分自筹）'][i]!,
    category: i === 1 ? 'goods' : 'services',
    amount: fenToDecimal(random.int(20_000, 900_000) * 100),
    fundSource: ['一般公共预算', '一般公共预算', '财政拨款+单位自筹'][i]!,
    scenario: SCENARIOS[(i * 2 + Number(regionNo)) % SCENARIOS.length]!,
    remark: null,
    linkedBudgetLineId: i === 0 ? `ZB2026${regionCode}0012` : null,
    linkedAt: i === 0 ? day(3) : null,
    createdBy: '演示数据',
    createdAt: day(30),
  }));
  const created = await VirtualBudget.bulkCreate(virtualBudgets, { transaction });
  for (const budget of created) {
    await budget.update({ budgetNo: virtualBudgetNo(budget.fiscalYear, regionCode, budget.id) }, { transaction, hooks: false });
  }
  // The unit's multi-year contract (demo-integration.ts) is filed against its first virtual budget.
  if (created[0])
    await ContractFiling.update(
      { virtualBudgetId: created[0].id },
      { where: { regionCode, budgetType: 'virtual', procurementUnitId: created[0].procurementUnitId }, transaction },
    );

  const filings = await ContractFiling.findAll({
    where: { regionCode, kind: 'procurement', status: 'filed' },
    order: [['id', 'ASC']],
    transaction,
  });
  let serial = 0;
  for (const [u, unit] of approved.entries()) {
    // The unit's lines from 一体化, each funding one project: the first its main contract, the second the next project
    // (or, once linked, the virtual budget's); a project beyond them gets a line of its own.
    const virtualBudget = created[u];
    const first = await IntegrationBudget.findOne({ where: { budgetLineId: demoLineId(2026, regionCode, u, 0) }, transaction });
    const second = await IntegrationBudget.findOne({ where: { budgetLineId: demoLineId(2026, regionCode, u, 1) }, transaction });
    const free = [second].filter(
      (line): line is IntegrationBudget => line !== null && line.budgetLineId !== virtualBudget?.linkedBudgetLineId,
    );
    for (const [p, plan] of PLANS.entries()) {
      if (u >= 2 && p >= 3) continue;
      serial += 1;
      const no = `CG-2026-${regionCode}-${String(serial).padStart(4, '0')}`;
      const funding = p === 1 && virtualBudget ? ('virtual' as const) : ('integrated' as const);
      const line =
        funding === 'virtual'
          ? virtualBudget!.linkedBudgetLineId
            ? second
            : null
          : p === 0
            ? first
            : (free.shift() ??
              (await IntegrationBudget.create(
                {
                  budgetLineId: `ZB2026${regionCode}${String(u + 1).padStart(3, '0')}P${p}`,
                  fiscalYear: 2026,
                  regionCode,
                  unitBudgetCode: unit.unitBudgetCode,
                  unitName: unit.name,
                  projectName: `2026年${['办公设备购置', '信息化运维服务', '食堂食材采购', '教学设备采购', '安保服务'][p]}`,
                  categoryCode: p === 2 ? 'A02010104' : 'C16070000',
                  amount: fenToDecimal(random.int(100_000, 2_000_000) * 100),
                  fundType: '一般公共预算',
                  sourceUpdatedAt: day(70),
                  procurementUnitId: unit.id,
                },
                { transaction },
              )));
      const filing = p === 0 ? filings.find((f) => f.budgetLineId === line?.budgetLineId) : undefined;
      const name =
        filing?.projectName ?? `${unit.name}${['办公设备购置', '信息化运维服务', '食堂食材采购', '教学设备采购', '安保服务'][p]}项目`;
      const amount = filing
        ? filing.amount
        : line
          ? fenToDecimal(Math.floor(toFen(line.amount) * 0.9))
          : fenToDecimal(random.int(10_000, 500_000) * 100);
      const reviewed = plan.stage !== 'planning';
      const project = await ProcurementProject.create(
        {
          projectNo: no,
          name,
          procurementUnitId: unit.id,
          regionCode,
          budgetYear: 2026,
          budgetAmount: amount,
          category: p === 2 ? 'goods' : p === 1 || p === 4 ? 'services' : 'goods',
          procurementMethod: plan.method,
          budgetReviewStatus: reviewed ? 'approved' : u % 2 ? 'returned' : 'pending',
          budgetReviewedAt: reviewed || u % 2 ? day(40 - p) : null,
          budgetReviewOpinion: reviewed ? '预算与采购计划一致，同意' : u % 2 ? '采购预算与一体化指标金额不符，请核对后重报' : null,
          organisationForm: plan.form,
          designatedAgency: plan.form === 'centralized' ? (CENTRAL_AGENCIES[regionCode] ?? `${unit.name.slice(0, 3)}政府采购中心`) : null,
          agencyMode: plan.form === 'centralized' ? null : plan.social ? 'entrusted' : 'self_organised',
          agencyName: plan.form === 'centralized' ? null : plan.social ? SOCIAL_AGENCIES[(u + p) % SOCIAL_AGENCIES.length]! : unit.name,
          socialAgencyName: plan.social ? SOCIAL_AGENCIES[(u + p) % SOCIAL_AGENCIES.length]! : null,
          entrustedAt: plan.social ? day(35 - p) : null,
          stage: plan.stage,
        },
        { transaction },
      );
      const budgetNo = funding === 'virtual' ? virtualBudget!.budgetNo : line?.budgetLineId;
      if (budgetNo)
        await ProjectBudgetLine.create({ projectId: project.id, regionCode, budgetKind: funding, budgetNo, amount }, { transaction });
      // The purchaser matches the project's 一体化 line to it (a virtual budget's through the line it was linked to).
      if (line) await line.update(matchToProject(project, day(38 - p)), { transaction });
      if (plan.stage === 'planning') continue;
      await seedProjectPublicity(project, plan.stage, random, day, transaction);
      const [supplier, creditCode] = SUPPLIERS[(u + p) % SUPPLIERS.length]!;
      if (plan.stage === 'awarded' || plan.stage === 'contracted') {
        await AwardNotice.create(
          {
            projectId: project.id,
            regionCode,
            kind: plan.selfRun ? 'self_run' : 'entrusted',
            noticeNo: `ZB-${no}`,
            supplierName: filing?.supplierName ?? supplier,
            supplierCreditCode: creditCode,
            awardAmount: amount,
            issuedAt: day(25 - p),
            agencyName: plan.selfRun ? null : (project.designatedAgency ?? project.agencyName),
          },
          { transaction },
        );
      }
      if (plan.stage === 'contracted') {
        const paid = filing ? toFen(filing.paidAmount ?? '0') : Math.floor(toFen(amount) * 0.3);
        await PostAwardRecord.create(
          {
            projectId: project.id,
            regionCode,
            supplierName: filing?.supplierName ?? supplier,
            contractNo: filing?.contractNo ?? `HT-${no}`,
            contractAmount: amount,
            signedAt: filing?.signedAt ?? '2026-09-20',
            acceptedAt: p === 2 ? '2026-10-30' : null,
            paidAmount: fenToDecimal(paid),
            evaluation: p === 2 ? 'good' : null,
            remark: null,
          },
          { transaction },
        );
      }
      if (filing) await seedPaymentApplications(project, filing, day, transaction);
    }
  }
}

async function seedProjectPublicity(
  project: ProcurementProject,
  stage: ProjectStage,
  random: Random,
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<void> {
  const types =
    stage === 'bidding'
      ? (['procurement', 'tender_document', 'addendum'] as const)
      : (['procurement', 'tender_document', 'change', 'result'] as const);
  for (const [i, type] of types.entries()) {
    const title = `${project.name}${ANNOUNCEMENT_TYPE_LABELS[type]}`;
    const withFile = type === 'tender_document' || type === 'addendum';
    const announcement = await Announcement.create(
      {
        projectId: project.id,
        regionCode: project.regionCode,
        type,
        title,
        publishedAt: day(50 - i * 7),
        body:
          `项目编号：${project.projectNo}\n项目名称：${project.name}\n预算金额：${project.budgetAmount} 元\n\n` +
          `一、${ANNOUNCEMENT_TYPE_LABELS[type]}内容\n本项目按${project.organisationForm === 'centralized' ? '集中采购' : '分散采购'}组织实施，` +
          `详见附件。\n\n二、联系方式\n采购人联系人：${random.pick(['王老师', '李科长', '张主任'])}`,
        attachmentName: withFile ? `${project.projectNo}-${ANNOUNCEMENT_TYPE_LABELS[type]}.txt` : null,
      },
      { transaction },
    );
    if (withFile) {
      await AnnouncementAttachment.create(
        {
          announcementId: announcement.id,
          fileName: announcement.attachmentName!,
          mimeType: 'text/plain; charset=utf-8',
          content: Buffer.from(`${title}\n\n（演示附件）${project.name}的${ANNOUNCEMENT_TYPE_LABELS[type]}正文。\n`, 'utf8'),
        },
        { transaction },
      );
    }
  }
  for (let s = 0; s < 3; s++) {
    const [supplierName, creditCode] = SUPPLIERS[(project.id + s) % SUPPLIERS.length]!;
    await SupplierRegistration.create(
      {
        projectId: project.id,
        regionCode: project.regionCode,
        packageNo: `第${(s % 2) + 1}包`,
        supplierName,
        supplierCreditCode: creditCode,
        contactName: random.pick(['刘经理', '陈经理', '杨经理', '黄经理']),
        contactPhone: `1${random.int(3, 9)}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
        registeredAt: day(45 - s),
        status: s === 2 ? 'withdrawn' : s === 1 ? 'documents_obtained' : 'registered',
      },
      { transaction },
    );
  }
}

/** One approved request, one that fits, and one that would pay beyond the contract if approved. */
async function seedPaymentApplications(
  project: ProcurementProject,
  filing: ContractFiling,
  day: (n: number) => Date,
  transaction: Transaction,
): Promise<void> {
  const contract = toFen(filing.amount);
  const first = Math.floor(contract * 0.4);
  const requests = [
    { share: first, status: 'approved' as const, paid: 0 },
    { share: Math.floor(contract * 0.3), status: 'pending' as const, paid: first },
    { share: Math.floor(contract * 0.7), status: 'pending' as const, paid: first },
  ];
  for (const [i, r] of requests.entries()) {
    await PaymentApplication.create(
      {
        applicationNo: `ZF-${filing.contractNo}-${i + 1}`,
        projectId: project.id,
        contractFilingId: filing.id,
        regionCode: filing.regionCode,
        supplierName: filing.supplierName,
        contractAmount: filing.amount,
        requestedAmount: fenToDecimal(r.share),
        paidAmount: fenToDecimal(r.paid),
        appliedAt: day(15 - i * 3),
        status: r.status,
        reviewedAt: r.status === 'approved' ? day(12) : null,
        reviewerName: r.status === 'approved' ? '演示审核员' : null,
        reviewOpinion: r.status === 'approved' ? '首付款，同意支付' : null,
      },
      { transaction },
    );
  }
}
