import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PAYMENT_VOUCHER } from '../../records/payment-voucher.record.js';

/** A payment voucher (支付凭证) the 一体化 platform pushes after a unit pays against a budget line. */
export class PaymentVoucher extends recordModel(PAYMENT_VOUCHER) {
  static initialize(sequelize: Sequelize): void {
    initRecord(PaymentVoucher, sequelize, PAYMENT_VOUCHER);
  }
}
