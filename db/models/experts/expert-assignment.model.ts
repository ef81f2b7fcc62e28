import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { EXPERT_ASSIGNMENT } from '../../records/expert-assignment.record.js';

/** One expert's seat on one project's evaluation (专家评审记录). */
export class ExpertAssignment extends recordModel(EXPERT_ASSIGNMENT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ExpertAssignment, sequelize, EXPERT_ASSIGNMENT);
  }
}
