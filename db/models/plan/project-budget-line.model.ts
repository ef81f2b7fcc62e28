import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** How much of one budget (an 一体化 line or a virtual budget) a project uses. */
export class ProjectBudgetLine extends Model<InferAttributes<ProjectBudgetLine>, InferCreationAttributes<ProjectBudgetLine>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare regionCode: string;
  declare budgetKind: 'integrated' | 'virtual';
  declare budgetNo: string;
  declare amount: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    ProjectBudgetLine.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        budgetKind: { type: DataTypes.ENUM('integrated', 'virtual'), allowNull: false },
        budgetNo: { type: DataTypes.STRING(64), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'project_budget_lines', underscored: true },
    );
  }
}
