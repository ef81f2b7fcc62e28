import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PROJECT_BUDGET_LINE } from '../../records/project-budget-line.record.js';

/** How much of one budget (an 一体化 line or a virtual budget) a project uses. */
export class ProjectBudgetLine extends recordModel(PROJECT_BUDGET_LINE) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ProjectBudgetLine, sequelize, PROJECT_BUDGET_LINE);
  }
}
