import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export type MatchStatus = 'unmatched' | 'matched';

/** A procurement budget line (采购预算指标) approved and pushed by the 一体化 platform; read-only here. */
export class IntegrationBudget extends Model<InferAttributes<IntegrationBudget>, InferCreationAttributes<IntegrationBudget>> {
  declare id: CreationOptional<number>;
  declare budgetLineId: string;
  declare fiscalYear: number;
  declare regionCode: string;
  declare unitBudgetCode: string;
  declare unitName: string;
  declare projectName: string;
  declare categoryCode: string;
  declare amount: string;
  declare fundType: string;
  declare sourceUpdatedAt: Date;
  declare procurementUnitId: CreationOptional<number | null>;
  declare matchStatus: CreationOptional<MatchStatus>;
  declare matchedProjectCode: CreationOptional<string | null>;
  declare matchedProjectName: CreationOptional<string | null>;
  declare matchedAt: CreationOptional<Date | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    IntegrationBudget.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        budgetLineId: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        fiscalYear: { type: DataTypes.INTEGER, allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        unitBudgetCode: { type: DataTypes.STRING(50), allowNull: false },
        unitName: { type: DataTypes.STRING(200), allowNull: false },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        categoryCode: { type: DataTypes.STRING(30), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        fundType: { type: DataTypes.STRING(50), allowNull: false },
        sourceUpdatedAt: { type: DataTypes.DATE, allowNull: false },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'procurement_units', key: 'id' } },
        matchStatus: { type: DataTypes.ENUM('unmatched', 'matched'), allowNull: false, defaultValue: 'unmatched' },
        matchedProjectCode: { type: DataTypes.STRING(64), allowNull: true },
        matchedProjectName: { type: DataTypes.STRING(300), allowNull: true },
        matchedAt: { type: DataTypes.DATE, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'integration_budgets', underscored: true },
    );
  }
}
