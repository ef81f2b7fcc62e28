import { BUDGET_CODE_VERDICT_LABELS } from '../../domain/budget-code-verdict.js';
import { validateCreditCode } from '../../domain/credit-code.js';
import { decision, deadline, timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { personalPhone } from '../record/personal-fields.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, bilingual, boolean, choice, moment, reference, text } from '../record/fields.js';

/** A purchasing unit (采购单位): registers itself, is reviewed by its region's office and becomes a formal member. */
export const PROCUREMENT_UNIT = declareRecord({
  name: 'ProcurementUnit',
  table: 'procurement_units',
  large: true,
  indexes: [
    { fields: ['regionCode', 'status'] },
    { fields: ['creditCode'] },
    { fields: ['unitBudgetCode'] },
    { fields: ['phoneIndex'] },
    ...trigramIndexes('name', 'creditCode', 'unitBudgetCode'),
  ],
  label: { zh: '采购单位', en: 'Purchasing unit' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    name: text(200, { zh: '单位名称', en: 'Name' }),
    creditCode: text(
      18,
      { zh: '统一社会信用代码', en: 'Unified social credit code' },
      {
        validate: {
          checksum(value: string) {
            const result = validateCreditCode(value);
            if (!result.valid) throw new Error(result.message);
          },
        },
      },
    ),
    unitBudgetCode: text(50, { zh: '单位预算编码', en: 'Unit budget code' }),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    address: text(300, { zh: '地址', en: 'Address' }, { nullable: true }),
    contactName: text(50, { zh: '联系人', en: 'Contact' }, { nullable: true }),
    ...personalPhone('phone', { zh: '联系电话', en: 'Phone' }, { nullable: true }),
    status: choice(
      {
        draft: { zh: '草稿', en: 'Draft' },
        submitted: { zh: '待审核', en: 'Awaiting review' },
        approved: { zh: '已审核', en: 'Approved' },
        returned: { zh: '已退回', en: 'Returned' },
      },
      { zh: '状态', en: 'Status' },
      { tones: { draft: 'neutral', submitted: 'pending', approved: 'done', returned: 'refused' } },
    ),
    formalMember: boolean({ zh: '正式库会员', en: 'Formal member' }, { default: false }),
    integrationBudgetCode: text(50, { zh: '一体化预算编码', en: 'Integration budget code' }, { nullable: true }),
    budgetCodeVerdict: choice(
      bilingual(BUDGET_CODE_VERDICT_LABELS, { match: 'Match', mismatch: 'Mismatch', missing: 'Not in integration' }),
      { zh: '预算编码核对', en: 'Budget code check' },
      { tones: { match: 'done', mismatch: 'refused', missing: 'pending' }, default: 'missing' },
    ),
    submittedAt: moment({ zh: '提交时间', en: 'Submitted at' }, { nullable: true }),
    ...decision({
      at: { name: 'reviewedAt', label: { zh: '审核时间', en: 'Reviewed at' } },
      by: { name: 'reviewerName', label: { zh: '审核人', en: 'Reviewer' }, length: 50 },
      reason: { name: 'reviewComment', label: { zh: '审核意见', en: 'Review comment' } },
    }),
    ...versioned(),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'status', in: ['submitted'], since: 'submittedAt', title: 'name', step: 'unitReview' },
});
