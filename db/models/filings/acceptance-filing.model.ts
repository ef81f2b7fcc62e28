import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { ACCEPTANCE_FILING } from '../../records/acceptance-filing.record.js';

/** The acceptance form (验收单) of a contract; for agreement-type methods it is what makes a filing pushable. */
export class AcceptanceFiling extends recordModel(ACCEPTANCE_FILING) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AcceptanceFiling, sequelize, ACCEPTANCE_FILING);
  }
}
