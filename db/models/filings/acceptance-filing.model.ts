import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** The acceptance form (验收单) of a contract; for agreement-type methods it is what makes a filing pushable. */
export class AcceptanceFiling extends Model<InferAttributes<AcceptanceFiling>, InferCreationAttributes<AcceptanceFiling>> {
  declare id: CreationOptional<number>;
  declare contractFilingId: number;
  declare regionCode: string;
  declare acceptedAt: string;
  declare acceptedAmount: string;
  declare filedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    AcceptanceFiling.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        contractFilingId: { type: DataTypes.INTEGER, allowNull: false, unique: true, references: { model: 'contract_filings', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        acceptedAt: { type: DataTypes.DATEONLY, allowNull: false },
        acceptedAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        filedAt: { type: DataTypes.DATE, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'acceptance_filings', underscored: true },
    );
  }
}
