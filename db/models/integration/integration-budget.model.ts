import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { INTEGRATION_BUDGET } from '../../records/integration-budget.record.js';

export type MatchStatus = AttributesOf<typeof INTEGRATION_BUDGET>['matchStatus'];

/** A procurement budget line (采购预算指标) approved and pushed by the 一体化 platform; read-only here. */
export class IntegrationBudget extends recordModel(INTEGRATION_BUDGET) {
  static initialize(sequelize: Sequelize): void {
    initRecord(IntegrationBudget, sequelize, INTEGRATION_BUDGET);
  }
}
