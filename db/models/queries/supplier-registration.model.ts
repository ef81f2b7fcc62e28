import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A supplier's registration for one package of a project (报名情况). */
export class SupplierRegistration extends Model<InferAttributes<SupplierRegistration>, InferCreationAttributes<SupplierRegistration>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare regionCode: string;
  declare packageNo: string;
  declare supplierName: string;
  declare supplierCreditCode: string;
  declare contactName: string;
  declare contactPhone: string;
  declare registeredAt: Date;
  declare status: 'registered' | 'documents_obtained' | 'withdrawn';
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    SupplierRegistration.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        packageNo: { type: DataTypes.STRING(20), allowNull: false },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        supplierCreditCode: { type: DataTypes.STRING(18), allowNull: false },
        contactName: { type: DataTypes.STRING(50), allowNull: false },
        contactPhone: { type: DataTypes.STRING(30), allowNull: false },
        registeredAt: { type: DataTypes.DATE, allowNull: false },
        status: { type: DataTypes.ENUM('registered', 'documents_obtained', 'withdrawn'), allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'supplier_registrations', underscored: true },
    );
  }
}
