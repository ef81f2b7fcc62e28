import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { ESCALATION } from '../../records/escalation.record.js';

/** An overdue record reported to the office above the one that must decide it, once per step and due date. */
export class Escalation extends recordModel(ESCALATION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(Escalation, sequelize, ESCALATION);
  }
}
