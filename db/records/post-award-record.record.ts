import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, choice, day, integer, longText, money, reference, text } from '../record/fields.js';

/** Post-award data (标后数据): how the winning supplier's contract was signed, accepted, paid and judged. */
export const POST_AWARD_RECORD = declareRecord({
  name: 'PostAwardRecord',
  table: 'post_award_records',
  large: true,
  indexes: [{ fields: ['regionCode'] }, { fields: ['projectId'] }, ...trigramIndexes('contractNo', 'supplierName')],
  label: { zh: '标后数据', en: 'Post-award data' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Project' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    supplierName: text(200, { zh: '中标（成交）供应商', en: 'Awarded supplier' }),
    contractNo: text(64, { zh: '合同编号', en: 'Contract no.' }),
    contractAmount: money({ zh: '合同金额（元）', en: 'Contract amount (yuan)' }),
    signedAt: day({ zh: '签订日期', en: 'Signed on' }),
    acceptedAt: day({ zh: '验收日期', en: 'Accepted on' }, { nullable: true }),
    paidAmount: money({ zh: '已支付（元）', en: 'Paid (yuan)' }, { default: 0 }),
    evaluation: choice(
      {
        excellent: { zh: '优秀', en: 'Excellent' },
        good: { zh: '良好', en: 'Good' },
        fair: { zh: '合格', en: 'Fair' },
        poor: { zh: '不合格', en: 'Poor' },
      },
      { zh: '履约评价', en: 'Evaluation' },
      { tones: { excellent: 'done', good: 'done', fair: 'neutral', poor: 'refused' }, nullable: true },
    ),
    remark: longText({ zh: '备注', en: 'Remark' }, { nullable: true }),
    ...timestamps(),
  },
});
