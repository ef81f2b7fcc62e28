/** 付款逾期: the 一体化 platform shows the unit paid later than the days allowed after acceptance. */
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { compareText, dayOf, daysBetween, fenOf, type Moment } from './inputs.js';
import type { VoucherInput } from './voucher-input.js';
import { vouchersByContract } from './vouchers-by-contract.js';

/** A contract_filings row with its acceptance day (acceptance_filings.acceptedAt, or post_award_records.acceptedAt). */
export interface AcceptedContractInput {
  id: number;
  contractNo: string;
  label: string;
  regionCode: string;
  acceptedAt: Moment | null;
}

export interface LatePaymentThresholds {
  /** Calendar days from the acceptance day to the payment day. */
  maxDays: number;
}

export const latePayment = defineRule<
  { contracts: readonly AcceptedContractInput[]; vouchers: readonly VoucherInput[] },
  LatePaymentThresholds
>('latePayment', ({ contracts, vouchers }, t, raise) => {
  const paidFor = vouchersByContract(vouchers);
  return contracts.flatMap((c) => {
    const accepted = dayOf(c.acceptedAt);
    if (!accepted) return [];
    const late = paidFor.of(c.contractNo).flatMap((v) => {
      const paid = dayOf(v.paidAt);
      const fen = fenOf(v.amount);
      if (!paid || fen === null) return [];
      const days = daysBetween(accepted, paid);
      return days > t.maxDays ? [{ v, paid, fen, days }] : [];
    });
    if (!late.length) return [];
    late.sort((a, b) => compareText(a.paid, b.paid) || a.v.id - b.v.id);
    const amount = late.reduce((sum, l) => sum + l.fen, 0);
    return [
      raise(
        { type: 'ContractFiling', id: c.id, label: c.label, regionCode: c.regionCode },
        amount,
        {
          验收日期: accepted,
          逾期支付凭证: late.map((l) => `${l.v.voucherNo}（${l.paid}，${yuanText(l.fen)}，验收后第 ${l.days} 日）`).join('、'),
          逾期支付金额: yuanText(amount),
          最长间隔天数: Math.max(...late.map((l) => l.days)),
        },
        `验收（交付）之日起 ${t.maxDays} 日后才支付`,
      ),
    ];
  });
});
