import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { SupplierStatus } from '../../../domain/agreement-time-states.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A supplier admitted to a library (协议供应商) for a validity period; 已失效 once it has passed (see agreement-time-states). */
export class AgreementSupplier extends Model<InferAttributes<AgreementSupplier>, InferCreationAttributes<AgreementSupplier>> {
  declare id: CreationOptional<number>;
  declare libraryId: number;
  declare libraryRegionCode: string;
  declare supplierName: string;
  declare creditCode: string;
  declare contactName: CreationOptional<string | null>;
  declare contactPhone: CreationOptional<string | null>;
  declare validFrom: string;
  declare validTo: string;
  declare status: CreationOptional<SupplierStatus>;
  declare title: string;
  declare removedAt: CreationOptional<Date | null>;
  declare removedBy: CreationOptional<string | null>;
  declare removeReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'library', field: 'libraryRegionCode' };

  static initialize(sequelize: Sequelize): void {
    AgreementSupplier.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        libraryId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_libraries', key: 'id' } },
        libraryRegionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        creditCode: { type: DataTypes.STRING(18), allowNull: false },
        contactName: { type: DataTypes.STRING(50), allowNull: true },
        contactPhone: { type: DataTypes.STRING(30), allowNull: true },
        validFrom: { type: DataTypes.DATEONLY, allowNull: false },
        validTo: { type: DataTypes.DATEONLY, allowNull: false },
        status: { type: DataTypes.ENUM('active', 'expired', 'removed'), allowNull: false, defaultValue: 'active' },
        title: { type: DataTypes.STRING(300), allowNull: false },
        removedAt: { type: DataTypes.DATE, allowNull: true },
        removedBy: { type: DataTypes.STRING(64), allowNull: true },
        removeReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'agreement_suppliers', underscored: true },
    );
  }
}
