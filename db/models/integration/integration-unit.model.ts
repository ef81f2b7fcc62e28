import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { INTEGRATION_UNIT } from '../../records/integration-unit.record.js';

/** Unit basic information as pushed by the 一体化 platform: the reference for every budget-code check. */
export class IntegrationUnit extends recordModel(INTEGRATION_UNIT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(IntegrationUnit, sequelize, INTEGRATION_UNIT);
  }
}
