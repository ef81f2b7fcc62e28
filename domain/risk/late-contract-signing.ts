/** 合同签订逾期: the contract was signed later than the law allows after the award notice. */
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { dayOf, daysBetween, fenOf, type Money, type Moment } from './inputs.js';

/**
 * A contract_filings row (id, contractName or projectName, regionCode, amount, signedAt) with the issuedAt of its award
 * notice (award_notices, joined through the project: post_award_records or payment_applications carry projectId).
 */
export interface SignedContractInput {
  id: number;
  label: string;
  regionCode: string;
  amount: Money | null;
  signedAt: Moment | null;
  awardIssuedAt: Moment | null;
}

export interface LateContractSigningThresholds {
  /** Calendar days from the notice's day to the signing day. */
  maxDays: number;
}

export const lateContractSigning = defineRule<readonly SignedContractInput[], LateContractSigningThresholds>(
  'lateContractSigning',
  (contracts, t, raise) =>
    contracts.flatMap((c) => {
      const issued = dayOf(c.awardIssuedAt);
      const signed = dayOf(c.signedAt);
      if (!issued || !signed) return [];
      const days = daysBetween(issued, signed);
      if (days <= t.maxDays) return [];
      const amount = fenOf(c.amount) ?? 0;
      return [
        raise(
          { type: 'ContractFiling', id: c.id, label: c.label, regionCode: c.regionCode },
          amount,
          { 中标通知书发出日期: issued, 合同签订日期: signed, 相隔天数: days, 超出天数: days - t.maxDays, 合同金额: yuanText(amount) },
          `中标（成交）通知书发出之日起 ${t.maxDays} 日内未签订合同`,
        ),
      ];
    }),
);
