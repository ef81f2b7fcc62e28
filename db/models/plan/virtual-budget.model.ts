import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { VIRTUAL_BUDGET } from '../../records/virtual-budget.record.js';
import { virtualBudgetNo } from '../../../domain/virtual-budget.js';

/**
 * A virtual budget (新增预算): created by a supervisor for an approved unit when one of the manual's five scenarios
 * applies; the purchaser later links it to an 一体化 budget line and pushes it.
 */
export class VirtualBudget extends recordModel(VIRTUAL_BUDGET) {
  static initialize(sequelize: Sequelize): void {
    initRecord(VirtualBudget, sequelize, VIRTUAL_BUDGET, {
      hooks: {
        // The number is built from the id, so two supervisors saving at once can never draw the same one.
        afterCreate: async (budget, options) => {
          if (!budget.budgetNo.startsWith('pending-')) return;
          budget.budgetNo = virtualBudgetNo(budget.fiscalYear, budget.regionCode, budget.id);
          await budget.save({ fields: ['budgetNo'], transaction: options.transaction, hooks: false });
        },
      },
    });
  }
}
