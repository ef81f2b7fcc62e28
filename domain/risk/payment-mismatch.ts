/** 资金链不符: what the 一体化 platform paid does not match the contract it names. */
import { defineRule } from './define-rule.js';
import { yuanText } from './figures.js';
import { fenOf, partyKey, type Money } from './inputs.js';
import type { VoucherInput } from './voucher-input.js';
import { vouchersByContract } from './vouchers-by-contract.js';

/** A contract_filings row. */
export interface PaidContractInput {
  id: number;
  contractNo: string;
  label: string;
  regionCode: string;
  supplierName: string;
  amount: Money | null;
}

export type PaymentMismatchThresholds = Record<string, never>;

export const paymentMismatch = defineRule<
  {
    contracts: readonly PaidContractInput[];
    /** contractNo of every payment_middle_records row: contracts pushed to the treasury, filed here or not. */
    pushedContractNos: readonly string[];
    vouchers: readonly VoucherInput[];
  },
  PaymentMismatchThresholds
>('paymentMismatch', ({ contracts, pushedContractNos, vouchers }, _t, raise) => {
  const known = new Set([...contracts.map((c) => c.contractNo.trim()), ...pushedContractNos.map((no) => no.trim())]);
  const paidFor = vouchersByContract(vouchers);
  const onContracts = contracts.flatMap((c) => {
    const paid = paidFor.of(c.contractNo);
    const contractFen = fenOf(c.amount);
    const paidFen = paid.reduce((sum, v) => sum + (fenOf(v.amount) ?? 0), 0);
    const supplier = partyKey(c.supplierName);
    const otherPayees = paid.filter((v) => supplier && partyKey(v.payeeName) && partyKey(v.payeeName) !== supplier);
    const overpaid = contractFen !== null && paidFen > contractFen;
    if (!overpaid && !otherPayees.length) return [];
    const figures: Record<string, string | number> = {
      合同金额: contractFen === null ? '未填写' : yuanText(contractFen),
      凭证支付合计: yuanText(paidFen),
    };
    if (overpaid) figures['超出合同金额'] = yuanText(paidFen - contractFen);
    if (otherPayees.length) {
      figures['合同供应商'] = c.supplierName;
      figures['收款人不符的凭证'] = otherPayees
        .map((v) => `${v.voucherNo}（收款人 ${v.payeeName}，${yuanText(fenOf(v.amount) ?? 0)}）`)
        .join('、');
    }
    const atStake = overpaid ? paidFen - contractFen : otherPayees.reduce((sum, v) => sum + (fenOf(v.amount) ?? 0), 0);
    return [
      raise(
        { type: 'ContractFiling', id: c.id, label: c.label, regionCode: c.regionCode },
        atStake,
        figures,
        '支付凭证合计不得超过合同金额，收款人应为合同供应商',
      ),
    ];
  });
  const unknown = vouchers.flatMap((v) => {
    const no = v.contractNo?.trim();
    const fen = fenOf(v.amount);
    if (!no || known.has(no) || !v.regionCode || fen === null) return [];
    return [
      raise(
        { type: 'PaymentVoucher', id: v.id, label: v.voucherNo, regionCode: v.regionCode },
        fen,
        { 凭证号: v.voucherNo, 合同编号: no, 收款人: v.payeeName ?? '未填写', 金额: yuanText(fen) },
        '支付凭证所付合同既未备案，也未推送至支付系统中间库',
      ),
    ];
  });
  return [...onContracts, ...unknown];
});
