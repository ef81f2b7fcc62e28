import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, choice, integer, money, moment, reference, text } from '../record/fields.js';

/** An award notice (中标通知书), of an entrusted procurement or of a unit's self-run procurement. */
export const AWARD_NOTICE = declareRecord({
  name: 'AwardNotice',
  table: 'award_notices',
  large: true,
  indexes: [
    { fields: ['regionCode', 'kind', 'issuedAt'] },
    { fields: ['projectId'] },
    ...trigramIndexes('noticeNo', 'supplierName', 'supplierCreditCode', 'agencyName'),
  ],
  label: { zh: '中标通知书', en: 'Award notice' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Project' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    kind: choice(
      {
        entrusted: { zh: '委托采购', en: 'Entrusted' },
        self_run: { zh: '自行采购', en: 'Self-run' },
      },
      { zh: '类型', en: 'Kind' },
    ),
    noticeNo: text(64, { zh: '通知书编号', en: 'Notice no.' }, { unique: true }),
    supplierName: text(200, { zh: '中标（成交）供应商', en: 'Awarded supplier' }),
    supplierCreditCode: text(18, { zh: '供应商统一社会信用代码', en: 'Supplier credit code' }),
    awardAmount: money({ zh: '中标（成交）金额（元）', en: 'Award amount (yuan)' }),
    issuedAt: moment({ zh: '发出时间', en: 'Issued at' }),
    agencyName: text(200, { zh: '代理机构', en: 'Agency' }, { nullable: true }),
    ...timestamps(),
  },
});
