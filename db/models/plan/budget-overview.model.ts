import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { BUDGET_OVERVIEW } from '../../records/budget-overview.record.js';

/** One row of 预算管理: an 一体化 budget line or a virtual budget, read from the `budget_overview` view. */
export class BudgetOverview extends recordModel(BUDGET_OVERVIEW) {
  static initialize(sequelize: Sequelize): void {
    initRecord(BudgetOverview, sequelize, BUDGET_OVERVIEW);
  }
}
