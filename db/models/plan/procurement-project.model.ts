import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PROCUREMENT_PROJECT } from '../../records/procurement-project.record.js';

export type BudgetReviewStatus = AttributesOf<typeof PROCUREMENT_PROJECT>['budgetReviewStatus'];
export type OrganisationForm = AttributesOf<typeof PROCUREMENT_PROJECT>['organisationForm'];
export type ProjectStage = AttributesOf<typeof PROCUREMENT_PROJECT>['stage'];

/** A procurement project (采购项目) as the purchaser planned it; the 计划管理 menus are read-only views of it. */
export class ProcurementProject extends recordModel(PROCUREMENT_PROJECT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ProcurementProject, sequelize, PROCUREMENT_PROJECT);
  }
}
