import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export type PaymentApplicationStatus = 'pending' | 'approved' | 'rejected';

/** A purchaser's request to pay a winning supplier under a filed contract (支付审核). */
export class PaymentApplication extends Model<InferAttributes<PaymentApplication>, InferCreationAttributes<PaymentApplication>> {
  declare id: CreationOptional<number>;
  declare applicationNo: string;
  declare projectId: number;
  declare contractFilingId: number;
  declare regionCode: string;
  declare supplierName: string;
  declare contractAmount: string;
  declare requestedAmount: string;
  declare paidAmount: CreationOptional<string>;
  declare appliedAt: Date;
  declare status: CreationOptional<PaymentApplicationStatus>;
  declare reviewedAt: CreationOptional<Date | null>;
  declare reviewerName: CreationOptional<string | null>;
  declare reviewOpinion: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare dueDate: CreationOptional<string | null>;
  declare overdueDays: CreationOptional<number>;
  declare overdue: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    PaymentApplication.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        applicationNo: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        contractFilingId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'contract_filings', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        contractAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        requestedAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        paidAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false, defaultValue: 0 },
        appliedAt: { type: DataTypes.DATE, allowNull: false },
        status: { type: DataTypes.ENUM('pending', 'approved', 'rejected'), allowNull: false, defaultValue: 'pending' },
        reviewedAt: { type: DataTypes.DATE, allowNull: true },
        reviewerName: { type: DataTypes.STRING(64), allowNull: true },
        reviewOpinion: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        ...DEADLINE_ATTRIBUTES,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'payment_applications', underscored: true },
    );
  }
}
