import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { EXPERT } from '../../records/expert.record.js';

/** An evaluation expert's registration (专家注册), reviewed by the office of the registration region. */
export class Expert extends recordModel(EXPERT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(Expert, sequelize, EXPERT);
  }
}
