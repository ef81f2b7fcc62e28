import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';
import { virtualBudgetNo } from '../../../domain/virtual-budget.js';
import { SCENARIOS, type Category, type Scenario } from './plan-labels.js';

/**
 * A virtual budget (新增预算): created by a supervisor for an approved unit when one of the manual's five scenarios
 * applies; the purchaser later links it to an 一体化 budget line and pushes it.
 */
export class VirtualBudget extends Model<InferAttributes<VirtualBudget>, InferCreationAttributes<VirtualBudget>> {
  declare id: CreationOptional<number>;
  declare budgetNo: string;
  declare procurementUnitId: number;
  declare regionCode: string;
  declare fiscalYear: number;
  declare projectName: string;
  declare category: Category;
  declare amount: string;
  declare fundSource: string;
  declare scenario: Scenario;
  declare remark: CreationOptional<string | null>;
  declare linkedBudgetLineId: CreationOptional<string | null>;
  declare linkedAt: CreationOptional<Date | null>;
  declare createdBy: string;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    VirtualBudget.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        budgetNo: { type: DataTypes.STRING(40), allowNull: false, unique: true },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        fiscalYear: { type: DataTypes.INTEGER, allowNull: false },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        category: { type: DataTypes.ENUM('goods', 'works', 'services'), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        fundSource: { type: DataTypes.STRING(50), allowNull: false },
        scenario: { type: DataTypes.ENUM(...SCENARIOS), allowNull: false },
        remark: { type: DataTypes.TEXT, allowNull: true },
        linkedBudgetLineId: { type: DataTypes.STRING(64), allowNull: true },
        linkedAt: { type: DataTypes.DATE, allowNull: true },
        createdBy: { type: DataTypes.STRING(64), allowNull: false },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'virtual_budgets',
        underscored: true,
        hooks: {
          // The number is built from the id, so two supervisors saving at once can never draw the same one.
          afterCreate: async (budget, options) => {
            if (!budget.budgetNo.startsWith('pending-')) return;
            budget.budgetNo = virtualBudgetNo(budget.fiscalYear, budget.regionCode, budget.id);
            await budget.save({ fields: ['budgetNo'], transaction: options.transaction, hooks: false });
          },
        },
      },
    );
  }
}
