import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PAYMENT_MIDDLE_RECORD } from '../../records/payment-middle-record.record.js';

/** A row of the treasury payment intermediate database (支付系统中间库), on its own connection. */
export class PaymentMiddleRecord extends recordModel(PAYMENT_MIDDLE_RECORD) {
  static initialize(sequelize: Sequelize): void {
    initRecord(PaymentMiddleRecord, sequelize, PAYMENT_MIDDLE_RECORD, { timestamps: false });
  }
}
