import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export type AffiliationStatus = 'pending' | 'confirmed' | 'unbound';

export class Affiliation extends Model<InferAttributes<Affiliation>, InferCreationAttributes<Affiliation>> {
  declare id: CreationOptional<number>;
  declare subordinateUnitId: number;
  declare supervisingUnitId: number;
  /** The subordinate's region: the office of that region watches the link. */
  declare regionCode: string;
  declare status: AffiliationStatus;
  declare requestedAt: Date;
  declare confirmedAt: Date | null;
  declare unboundAt: CreationOptional<Date | null>;
  declare unboundBy: CreationOptional<string | null>;
  declare unbindReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    Affiliation.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        subordinateUnitId: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'procurement_units', key: 'id' },
        },
        supervisingUnitId: {
          type: DataTypes.INTEGER,
          allowNull: false,
          references: { model: 'procurement_units', key: 'id' },
        },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        status: { type: DataTypes.ENUM('pending', 'confirmed', 'unbound'), allowNull: false },
        requestedAt: { type: DataTypes.DATE, allowNull: false },
        confirmedAt: { type: DataTypes.DATE, allowNull: true },
        unboundAt: { type: DataTypes.DATE, allowNull: true },
        unboundBy: { type: DataTypes.STRING(50), allowNull: true },
        unbindReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'affiliations', underscored: true },
    );
  }
}
