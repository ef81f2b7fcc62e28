import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { SUPPLIER_REGISTRATION } from '../../records/supplier-registration.record.js';

/** A supplier's registration for one package of a project (报名情况). */
export class SupplierRegistration extends recordModel(SUPPLIER_REGISTRATION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(SupplierRegistration, sequelize, SUPPLIER_REGISTRATION);
  }
}
