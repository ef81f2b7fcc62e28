import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** One row of 预算管理: an 一体化 budget line or a virtual budget, read from the `budget_overview` view. */
export class BudgetOverview extends Model<InferAttributes<BudgetOverview>, InferCreationAttributes<BudgetOverview>> {
  declare id: string;
  declare kind: 'integrated' | 'virtual';
  declare sourceId: number;
  declare budgetNo: string;
  declare fiscalYear: number;
  declare regionCode: string;
  declare procurementUnitId: number | null;
  declare unitName: string | null;
  declare projectName: string;
  declare category: string;
  declare amount: string;
  declare fundSource: string;
  declare scenario: string | null;
  declare linkStatus: string;
  declare createdAt: Date;
  declare updatedAt: Date;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    BudgetOverview.init(
      {
        id: { type: DataTypes.STRING(20), primaryKey: true },
        kind: { type: DataTypes.ENUM('integrated', 'virtual') },
        sourceId: DataTypes.INTEGER,
        budgetNo: DataTypes.STRING(64),
        fiscalYear: DataTypes.INTEGER,
        regionCode: { type: DataTypes.STRING(6), references: { model: 'regions', key: 'code' } },
        procurementUnitId: { type: DataTypes.INTEGER, references: { model: 'procurement_units', key: 'id' } },
        unitName: DataTypes.STRING(200),
        projectName: DataTypes.STRING(300),
        category: { type: DataTypes.ENUM('goods', 'works', 'services') },
        amount: DataTypes.DECIMAL(15, 2),
        fundSource: DataTypes.STRING(50),
        scenario: {
          type: DataTypes.ENUM('funds_assured', 'province_wide_split', 'multi_year_service', 'partly_self_funded', 'central_unit'),
        },
        linkStatus: { type: DataTypes.ENUM('matched', 'unmatched', 'linked', 'unlinked') },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'budget_overview', underscored: true },
    );
  }
}
