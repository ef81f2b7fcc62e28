/** 合同备案逾期: filed later than the working days the law allows after signing, counted on the national calendar. */
import { lateFilingDays } from '../deadlines.js';
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { dayOf, fenOf, type Money, type Moment } from './inputs.js';

/** A contract_filings row. */
export interface FiledContractInput {
  id: number;
  label: string;
  regionCode: string;
  amount: Money | null;
  signedAt: Moment | null;
  filedAt: Moment | null;
}

export interface LateContractFilingThresholds {
  /** The same limit the workbench's 逾期备案 uses: config/deadlines.yaml steps.contractFiling. */
  maxWorkingDays: number;
}

export const lateContractFiling = defineRule<readonly FiledContractInput[], LateContractFilingThresholds>(
  'lateContractFiling',
  (contracts, t, raise, context) =>
    contracts.flatMap((c) => {
      const signed = dayOf(c.signedAt);
      const filed = dayOf(c.filedAt);
      if (!signed || !filed) return [];
      const late = lateFilingDays(signed, filed, t.maxWorkingDays, context.calendar);
      if (late <= 0) return [];
      const amount = fenOf(c.amount) ?? 0;
      return [
        raise(
          { type: 'ContractFiling', id: c.id, label: c.label, regionCode: c.regionCode },
          amount,
          { 合同签订日期: signed, 备案日期: filed, 逾期工作日: late, 合同金额: yuanText(amount) },
          `合同自签订之日起 ${t.maxWorkingDays} 个工作日内未备案`,
        ),
      ];
    }),
);
