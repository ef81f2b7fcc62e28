/**
 * The red-flag rules of 智慧监管 (issue #30), by code, with the words the panel shows. One list: the rules, the flag
 * record's choice, the menus and the exports all read it, so a rule named here is named the same everywhere.
 */
export const RISK_RULE_LABELS = Object.freeze({
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
} as const);

export type RiskRuleCode = keyof typeof RISK_RULE_LABELS;

export const RISK_RULE_CODES = Object.keys(RISK_RULE_LABELS) as readonly RiskRuleCode[];

/** English names for the panel's second language. */
export const RISK_RULE_LABELS_EN: Readonly<Record<RiskRuleCode, string>> = Object.freeze({
  singleResponse: 'Single response',
  linkedBidders: 'Linked bidders',
  failedThenNonCompetitive: 'Non-competitive after a failed tender',
  splitPurchases: 'Split purchases',
  abnormalSavings: 'Abnormal savings rate',
  lateContractSigning: 'Late contract signing',
  lateContractFiling: 'Late contract filing',
  contractAboveAward: 'Contract above award / excess addition',
  latePayment: 'Late payment',
  paymentMismatch: 'Payment chain mismatch',
  serialLoser: 'Serial losing bidder',
  supplierConcentration: 'Supplier concentration',
  shortIntentionNotice: 'Intention published too late',
  repeatedExpert: 'Repeated expert',
});

export function isRiskRuleCode(value: unknown): value is RiskRuleCode {
  return typeof value === 'string' && Object.hasOwn(RISK_RULE_LABELS, value);
}
