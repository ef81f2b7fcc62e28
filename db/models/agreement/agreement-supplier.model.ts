import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AGREEMENT_SUPPLIER } from '../../records/agreement-supplier.record.js';

/** A supplier admitted to a library (协议供应商) for a validity period; 已失效 once it has passed (see agreement-time-states). */
export class AgreementSupplier extends recordModel(AGREEMENT_SUPPLIER) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AgreementSupplier, sequelize, AGREEMENT_SUPPLIER);
  }
}
