import { decision, deadline, timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, choice, integer, money, moment, reference, text } from '../record/fields.js';

/** A purchaser's request to pay a winning supplier under a filed contract (支付审核). */
export const PAYMENT_APPLICATION = declareRecord({
  name: 'PaymentApplication',
  table: 'payment_applications',
  large: true,
  indexes: [
    { fields: ['regionCode', 'status'] },
    { fields: ['contractFilingId', 'status'] },
    ...trigramIndexes('applicationNo', 'supplierName'),
  ],
  label: { zh: '支付审核', en: 'Payment review' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    applicationNo: text(64, { zh: '申请编号', en: 'Application number' }, { unique: true }),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Procurement project' })),
    contractFilingId: reference('contract_filings', 'id', integer({ zh: '合同备案', en: 'Contract filing' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    supplierName: text(200, { zh: '中标供应商', en: 'Winning supplier' }),
    contractAmount: money({ zh: '合同金额（元）', en: 'Contract amount (yuan)' }),
    requestedAmount: money({ zh: '本次申请（元）', en: 'Requested (yuan)' }),
    paidAmount: money({ zh: '已支付（元）', en: 'Paid (yuan)' }, { default: 0 }),
    appliedAt: moment({ zh: '申请时间', en: 'Applied at' }),
    status: choice(
      {
        pending: { zh: '待审核', en: 'Awaiting review' },
        approved: { zh: '审核通过', en: 'Approved' },
        rejected: { zh: '审核退回', en: 'Returned' },
      },
      { zh: '审核状态', en: 'Review status' },
      { tones: { pending: 'pending', approved: 'done', rejected: 'refused' }, default: 'pending' },
    ),
    ...decision({
      at: { name: 'reviewedAt', label: { zh: '审核时间', en: 'Reviewed at' } },
      by: { name: 'reviewerName', label: { zh: '审核人', en: 'Reviewer' }, length: 64 },
      reason: { name: 'reviewOpinion', label: { zh: '审核意见', en: 'Review opinion' } },
    }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'status', in: ['pending'], since: 'appliedAt', title: 'applicationNo', step: 'paymentReview' },
});
