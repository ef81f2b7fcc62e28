/** Procurement method codes as stored, and the two groups that decide when a filing is pushed. */

export const TENDER_TYPE_METHODS = [
  'public_tender',
  'invited_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'inquiry',
  'single_source',
] as const;

export const AGREEMENT_TYPE_METHODS = ['agreement', 'new_agreement', 'designated', 'batch'] as const;

export const PROCUREMENT_METHODS = [...TENDER_TYPE_METHODS, ...AGREEMENT_TYPE_METHODS] as const;

export type TenderTypeMethod = (typeof TENDER_TYPE_METHODS)[number];
export type AgreementTypeMethod = (typeof AGREEMENT_TYPE_METHODS)[number];
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export const METHOD_LABELS: Readonly<Record<ProcurementMethod, string>> = Object.freeze({
  public_tender: '公开招标',
  invited_tender: '邀请招标',
  competitive_negotiation: '竞争性谈判',
  competitive_consultation: '竞争性磋商',
  inquiry: '询价',
  single_source: '单一来源',
  agreement: '协议采购',
  new_agreement: '新协议采购',
  designated: '定点采购',
  batch: '批量采购',
});

export function isProcurementMethod(value: unknown): value is ProcurementMethod {
  return typeof value === 'string' && (PROCUREMENT_METHODS as readonly string[]).includes(value);
}

export function isAgreementType(m: string): m is AgreementTypeMethod {
  return (AGREEMENT_TYPE_METHODS as readonly string[]).includes(m);
}

export function isTenderType(m: string): m is TenderTypeMethod {
  return (TENDER_TYPE_METHODS as readonly string[]).includes(m);
}
