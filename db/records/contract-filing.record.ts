import { BUDGET_KIND_LABELS, BUDGET_KIND_LABELS_EN } from '../models/plan/plan-labels.js';
import { timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, bilingual, boolean, choice, day, integer, longText, money, moment, reference, text } from '../record/fields.js';

/**
 * A contract filing (合同备案) made by a supervising budget unit; what gets pushed to the payment system. Its choices'
 * labels are the ones filing-labels.ts gives the rest of the code.
 */
export const CONTRACT_FILING = declareRecord({
  name: 'ContractFiling',
  table: 'contract_filings',
  large: true,
  indexes: [
    { fields: ['regionCode', 'pushStatus'] },
    { fields: ['budgetLineId'] },
    { fields: ['contractNo'] },
    { fields: ['pushVerdict', 'pushRoute'] },
    ...trigramIndexes('contractNo', 'contractName', 'procurementMethod'),
  ],
  label: { zh: '合同备案', en: 'Contract filing' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    kind: choice(
      {
        procurement: { zh: '采购合同备案', en: 'Procurement contract filing' },
        agreement: { zh: '协议采购合同备案', en: 'Agreement procurement contract filing' },
        self_run: { zh: '自行采购合同备案', en: 'Self-run procurement contract filing' },
      },
      { zh: '备案类型', en: 'Filing type' },
    ),
    contractNo: text(64, { zh: '合同编号', en: 'Contract no.' }),
    contractName: text(300, { zh: '合同名称', en: 'Contract name' }, { nullable: true }),
    signedAt: day({ zh: '签订日期', en: 'Signed on' }, { nullable: true }),
    amount: money({ zh: '合同金额（元）', en: 'Contract amount (yuan)' }),
    supplierName: text(200, { zh: '供应商', en: 'Supplier' }),
    procurementMethod: text(40, { zh: '采购方式', en: 'Procurement method' }),
    projectName: text(300, { zh: '采购项目', en: 'Procurement project' }),
    procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' }, { nullable: true })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    budgetLineId: text(64, { zh: '指标ID', en: 'Budget line ID' }, { nullable: true }),
    virtualBudgetId: integer({ zh: '新增预算', en: 'Virtual budget' }, { nullable: true }),
    budgetYear: integer({ zh: '预算年度', en: 'Budget year' }),
    budgetType: choice(bilingual(BUDGET_KIND_LABELS, BUDGET_KIND_LABELS_EN), { zh: '预算类型', en: 'Budget type' }),
    filedAt: moment({ zh: '备案时间', en: 'Filed at' }),
    pushStatus: choice(
      {
        not_pushed: { zh: '未推送', en: 'Not pushed' },
        queued: { zh: '推送中', en: 'Pushing' },
        pushed: { zh: '已推送', en: 'Pushed' },
        failed: { zh: '推送失败', en: 'Push failed' },
      },
      { zh: '推送状态', en: 'Push status' },
      { tones: { not_pushed: 'pending', queued: 'progress', pushed: 'done', failed: 'refused' }, default: 'not_pushed' },
    ),
    pushedAt: moment({ zh: '推送时间', en: 'Pushed at' }, { nullable: true }),
    lastPushError: longText({ zh: '推送错误', en: 'Push error' }, { nullable: true }),
    status: choice(
      { filed: { zh: '已备案', en: 'Filed' }, returned: { zh: '已退回', en: 'Returned' } },
      { zh: '备案状态', en: 'Filing status' },
      { tones: { filed: 'done', returned: 'refused' }, default: 'filed' },
    ),
    returnedAt: moment({ zh: '退回时间', en: 'Returned at' }, { nullable: true }),
    returnReason: longText({ zh: '退回原因', en: 'Return reason' }, { nullable: true }),
    pushVerdict: choice(
      { pushable: { zh: '可推送', en: 'Pushable' }, blocked: { zh: '不可推送', en: 'Not pushable' } },
      { zh: '推送条件', en: 'Push verdict' },
      { tones: { pushable: 'done', blocked: 'refused' }, default: 'blocked' },
    ),
    pushRoute: choice(
      {
        manual: { zh: '监管端手动推送', en: 'Manual push by the supervisor' },
        legacy: { zh: '原自动推送（可补推）', en: 'Former automatic push (may be pushed again)' },
        purchaser: { zh: '采购单位推送', en: 'Pushed by the purchaser' },
        not_integrated: { zh: '原支付方式（不推送）', en: 'Former payment method (not pushed)' },
      },
      { zh: '推送途径', en: 'Push route' },
      { default: 'manual' },
    ),
    pushReasons: longText({ zh: '不能推送的原因', en: 'Why it cannot be pushed' }, { nullable: true }),
    triggerDate: day({ zh: '触发日期', en: 'Trigger date' }, { nullable: true }),
    paidAmount: money({ zh: '已支付（元）', en: 'Paid (yuan)' }, { default: 0 }),
    overpaid: boolean({ zh: '超额支付', en: 'Overpaid' }, { default: false }),
    // Named by the panel's global labels (逾期工作日, 逾期备案).
    lateFilingDays: integer(undefined, { default: 0 }),
    lateFiling: boolean(undefined, { default: false }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...timestamps({ createdAt: { zh: '创建时间', en: 'Created at' }, updatedAt: { zh: '更新时间', en: 'Updated at' } }),
  },
});
