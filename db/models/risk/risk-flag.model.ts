import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { RISK_FLAG } from '../../records/risk-flag.record.js';

/** A red flag a rule raised on a record (风险预警). */
export class RiskFlag extends recordModel(RISK_FLAG) {
  static initialize(sequelize: Sequelize): void {
    initRecord(RiskFlag, sequelize, RISK_FLAG);
  }
}
