import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** Goods (商品) of a library, under a leaf category, offered by one of its suppliers. */
export class AgreementGoods extends Model<InferAttributes<AgreementGoods>, InferCreationAttributes<AgreementGoods>> {
  declare id: CreationOptional<number>;
  declare libraryId: number;
  declare libraryRegionCode: string;
  declare categoryId: number;
  declare name: string;
  declare brand: string;
  declare modelNo: string;
  declare specification: string | null;
  declare unitPrice: string;
  declare supplierId: number;
  declare createdBy: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'library', field: 'libraryRegionCode' };

  static initialize(sequelize: Sequelize): void {
    AgreementGoods.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        libraryId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_libraries', key: 'id' } },
        libraryRegionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        categoryId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_categories', key: 'id' } },
        name: { type: DataTypes.STRING(200), allowNull: false },
        brand: { type: DataTypes.STRING(100), allowNull: false },
        modelNo: { type: DataTypes.STRING(100), allowNull: false },
        specification: { type: DataTypes.TEXT, allowNull: true },
        unitPrice: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        supplierId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_suppliers', key: 'id' } },
        createdBy: { type: DataTypes.STRING(64), allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'agreement_goods', underscored: true },
    );
  }
}
