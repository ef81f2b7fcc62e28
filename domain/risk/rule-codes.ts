/** The red-flag indicators of issue #30 (智慧监管), by code, with the name a supervisor reads. */
export const RULE_LABELS = {
  singleResponse: '单一响应',
  linkedBidders: '关联投标',
  failedThenNonCompetitive: '废标后转非竞争',
  splitPurchases: '化整为零',
  abnormalSavings: '节支率异常',
  lateContractSigning: '合同签订逾期',
  lateContractFiling: '合同备案逾期',
  contractAboveAward: '合同金额超中标/追加超限',
  latePayment: '付款逾期',
  paymentMismatch: '资金链不符',
  serialLoser: '陪标专业户',
  supplierConcentration: '供应商集中',
  shortIntentionNotice: '意向公开不足',
  repeatedExpert: '专家重复',
} as const;

export type RuleCode = keyof typeof RULE_LABELS;

export const RULE_CODES = Object.keys(RULE_LABELS) as RuleCode[];

export function isRuleCode(value: unknown): value is RuleCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RULE_LABELS, value);
}
