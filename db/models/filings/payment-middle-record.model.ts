import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A row of the treasury payment intermediate database (支付系统中间库), on its own connection. */
export class PaymentMiddleRecord extends Model<InferAttributes<PaymentMiddleRecord>, InferCreationAttributes<PaymentMiddleRecord>> {
  declare id: CreationOptional<number>;
  declare sourceFilingId: number;
  declare sourceVersion: number;
  declare contractNo: string;
  declare contractName: string;
  declare signedAt: string;
  declare amount: string;
  declare supplierName: string;
  declare budgetLineId: string;
  declare unitBudgetCode: string | null;
  declare regionCode: string;
  declare pushedAt: Date;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    PaymentMiddleRecord.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        sourceFilingId: { type: DataTypes.INTEGER, allowNull: false },
        sourceVersion: { type: DataTypes.INTEGER, allowNull: false },
        contractNo: { type: DataTypes.STRING(64), allowNull: false },
        contractName: { type: DataTypes.STRING(300), allowNull: false },
        signedAt: { type: DataTypes.DATEONLY, allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        budgetLineId: { type: DataTypes.STRING(64), allowNull: false },
        unitBudgetCode: { type: DataTypes.STRING(50), allowNull: true },
        regionCode: { type: DataTypes.STRING(6), allowNull: false },
        pushedAt: { type: DataTypes.DATE, allowNull: false },
      },
      {
        sequelize,
        tableName: 'payment_middle_records',
        underscored: true,
        timestamps: false,
        indexes: [{ unique: true, fields: ['source_filing_id', 'source_version'], name: 'payment_middle_records_source_unique' }],
      },
    );
  }
}
