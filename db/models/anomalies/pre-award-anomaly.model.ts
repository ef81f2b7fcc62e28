import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PRE_AWARD_ANOMALY } from '../../records/pre-award-anomaly.record.js';

/** A pre-award anomaly (预中标/成交异常) an agency handles after a complaint or a re-published result. */
export class PreAwardAnomaly extends recordModel(PRE_AWARD_ANOMALY) {
  static initialize(sequelize: Sequelize): void {
    initRecord(PreAwardAnomaly, sequelize, PRE_AWARD_ANOMALY);
  }
}
