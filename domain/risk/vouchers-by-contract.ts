/** The 一体化 vouchers of each contract, by the contract number they name (spaces around it are not part of it). */
import type { VoucherInput } from './voucher-input.js';

export interface VouchersByContract {
  of(contractNo: string): readonly VoucherInput[];
}

export function vouchersByContract(vouchers: readonly VoucherInput[]): VouchersByContract {
  const groups = new Map<string, VoucherInput[]>();
  for (const v of vouchers) {
    const no = v.contractNo?.trim();
    if (!no) continue;
    const group = groups.get(no);
    if (group) group.push(v);
    else groups.set(no, [v]);
  }
  return { of: (contractNo) => groups.get(contractNo.trim()) ?? [] };
}
