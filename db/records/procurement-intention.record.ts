import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, boolean, day, integer, longText, money, reference, text } from '../record/fields.js';

/** A published procurement intention (采购意向公开); a procurement may start no sooner than 30 days after it. */
export const PROCUREMENT_INTENTION = declareRecord({
  name: 'ProcurementIntention',
  table: 'procurement_intentions',
  large: true,
  indexes: [{ fields: ['regionCode', 'insufficientNotice'] }, ...trigramIndexes('projectName', 'expectedMonth')],
  label: { zh: '采购意向公开', en: 'Procurement intention' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    projectName: text(300, { zh: '项目名称', en: 'Project name' }),
    requirementSummary: longText({ zh: '采购需求概况', en: 'Summary of requirements' }),
    budgetAmount: money({ zh: '预算金额（元）', en: 'Budget (yuan)' }),
    expectedMonth: text(7, { zh: '预计采购时间', en: 'Expected month' }),
    publishedAt: day({ zh: '意向公开日期', en: 'Published on' }),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Procurement project' }, { nullable: true })),
    procurementStartAt: day({ zh: '采购活动开始日期', en: 'Procurement started on' }, { nullable: true }),
    // Kept current by the model's beforeSave from the two dates, stored so the list can filter on it.
    shortfallDays: integer({ zh: '差几日', en: 'Days short' }, { default: 0 }),
    insufficientNotice: boolean({ zh: '意向公开不足30日', en: 'Published less than 30 days before' }, { default: false }),
    ...timestamps(),
  },
});
