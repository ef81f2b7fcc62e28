import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A goods library (商品库) owned by a city, a county that built its own, or 省本级. */
export class AgreementLibrary extends Model<InferAttributes<AgreementLibrary>, InferCreationAttributes<AgreementLibrary>> {
  declare id: CreationOptional<number>;
  declare ownerRegionCode: string;
  declare name: string;
  declare createdBy: string;
  declare categoriesInitializedAt: CreationOptional<Date | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'library', field: 'ownerRegionCode' };

  static initialize(sequelize: Sequelize): void {
    AgreementLibrary.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        ownerRegionCode: { type: DataTypes.STRING(6), allowNull: false, unique: true, references: { model: 'regions', key: 'code' } },
        name: { type: DataTypes.STRING(100), allowNull: false },
        createdBy: { type: DataTypes.STRING(64), allowNull: false },
        categoriesInitializedAt: { type: DataTypes.DATE, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'agreement_libraries', underscored: true },
    );
  }
}
