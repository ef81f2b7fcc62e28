import {
  AGENCY_MODE_LABELS,
  BUDGET_REVIEW_LABELS,
  CATEGORY_LABELS,
  CATEGORY_LABELS_EN,
  ORGANISATION_FORM_LABELS,
  PROJECT_STAGE_LABELS,
} from '../models/plan/plan-labels.js';
import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, bilingual, choice, integer, longText, moment, money, reference, text } from '../record/fields.js';

/** A procurement project (采购项目) as the purchaser planned it; the 计划管理 menus are read-only views of it. */
export const PROCUREMENT_PROJECT = declareRecord({
  name: 'ProcurementProject',
  table: 'procurement_projects',
  large: true,
  indexes: [
    { fields: ['regionCode'] },
    { fields: ['organisationForm'] },
    { fields: ['budgetReviewStatus'] },
    ...trigramIndexes('projectNo', 'name', 'procurementMethod', 'designatedAgency', 'agencyName', 'socialAgencyName'),
  ],
  label: { zh: '采购项目', en: 'Procurement project' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    projectNo: text(64, { zh: '项目编号', en: 'Project no.' }, { unique: true }),
    name: text(300, { zh: '项目名称', en: 'Project name' }),
    procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    budgetYear: integer({ zh: '预算年度', en: 'Budget year' }),
    budgetAmount: money({ zh: '预算金额（元）', en: 'Budget amount (yuan)' }),
    category: choice(bilingual(CATEGORY_LABELS, CATEGORY_LABELS_EN), { zh: '品目类别', en: 'Category' }),
    procurementMethod: text(40, { zh: '采购方式', en: 'Procurement method' }),
    budgetReviewStatus: choice(
      bilingual(BUDGET_REVIEW_LABELS, { pending: 'Awaiting review', approved: 'Approved', returned: 'Returned' }),
      { zh: '预算审核状态', en: 'Budget review' },
      { tones: { pending: 'pending', approved: 'done', returned: 'refused' } },
    ),
    budgetReviewedAt: moment({ zh: '预算审核时间', en: 'Budget reviewed at' }, { nullable: true }),
    budgetReviewOpinion: longText({ zh: '预算审核意见', en: 'Budget review opinion' }, { nullable: true }),
    organisationForm: choice(
      bilingual(ORGANISATION_FORM_LABELS, {
        centralized: 'Centralised procurement',
        departmental: 'Departmental centralised procurement',
        decentralized: 'Decentralised procurement',
      }),
      { zh: '组织形式', en: 'Organisation form' },
    ),
    designatedAgency: text(200, { zh: '指定集中采购机构', en: 'Designated central agency' }, { nullable: true }),
    agencyMode: choice(
      bilingual(AGENCY_MODE_LABELS, { self_organised: 'Self-organised', entrusted: 'Entrusted to an agency' }),
      { zh: '组织方式', en: 'Agency mode' },
      { nullable: true },
    ),
    agencyName: text(200, { zh: '采购机构', en: 'Procurement agency' }, { nullable: true }),
    socialAgencyName: text(200, { zh: '委托的社会代理机构', en: 'Entrusted social agency' }, { nullable: true }),
    entrustedAt: moment({ zh: '委托时间', en: 'Entrusted at' }, { nullable: true }),
    stage: choice(
      bilingual(PROJECT_STAGE_LABELS, {
        planning: 'Planning',
        bidding: 'In procurement',
        awarded: 'Winner determined',
        contracted: 'Contract signed',
        failed: 'Failed tender',
      }),
      { zh: '项目进度', en: 'Stage' },
      { tones: { planning: 'neutral', bidding: 'progress', awarded: 'progress', contracted: 'done', failed: 'refused' } },
    ),
    ...timestamps({ createdAt: { zh: '创建时间', en: 'Created at' }, updatedAt: { zh: '更新时间', en: 'Updated at' } }),
  },
});
