import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PAYMENT_APPLICATION } from '../../records/payment-application.record.js';

export type PaymentApplicationStatus = AttributesOf<typeof PAYMENT_APPLICATION>['status'];

/** A purchaser's request to pay a winning supplier under a filed contract (支付审核). */
export class PaymentApplication extends recordModel(PAYMENT_APPLICATION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(PaymentApplication, sequelize, PAYMENT_APPLICATION);
  }
}
