import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** Unit basic information as pushed by the 一体化 platform: the reference for every budget-code check. */
export class IntegrationUnit extends Model<InferAttributes<IntegrationUnit>, InferCreationAttributes<IntegrationUnit>> {
  declare id: CreationOptional<number>;
  declare unitBudgetCode: string;
  declare unitName: string;
  declare creditCode: string | null;
  declare regionCode: string;
  declare sourceUpdatedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    IntegrationUnit.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        unitBudgetCode: { type: DataTypes.STRING(50), allowNull: false, unique: true },
        unitName: { type: DataTypes.STRING(200), allowNull: false },
        creditCode: { type: DataTypes.STRING(18), allowNull: true },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        sourceUpdatedAt: { type: DataTypes.DATE, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'integration_units', underscored: true },
    );
  }
}
