import type { Money, Moment } from './inputs.js';

/** A payment_vouchers row. */
export interface VoucherInput {
  id: number;
  voucherNo: string;
  contractNo: string | null;
  payeeName: string | null;
  amount: Money | null;
  paidAt: Moment | null;
  regionCode: string | null;
}
