import { formatYuan, toFen } from './money.js';

export interface PaymentFigures {
  contractAmount: string | number;
  /** What was already approved for the same contract, before this application. */
  paidAmount: string | number;
  requestedAmount: string | number;
}

export type PaymentLimitVerdict = { allowed: true; remainingAfter: number } | { allowed: false; refusal: string };

/** 支付审核: the total paid to the supplier may never exceed the contract amount. */
export function paymentLimit(figures: PaymentFigures): PaymentLimitVerdict {
  const contract = toFen(figures.contractAmount);
  const paid = toFen(figures.paidAmount);
  const requested = toFen(figures.requestedAmount);
  if (requested <= 0) return { allowed: false, refusal: `申请支付金额必须大于 0（当前 ${formatYuan(requested)}）` };
  const total = paid + requested;
  if (total > contract) {
    return {
      allowed: false,
      refusal:
        `不能审核通过：已支付 ${formatYuan(paid)} + 本次申请 ${formatYuan(requested)} = ${formatYuan(total)}，` +
        `超过合同金额 ${formatYuan(contract)}（超出 ${formatYuan(total - contract)}）`,
    };
  }
  return { allowed: true, remainingAfter: contract - total };
}
