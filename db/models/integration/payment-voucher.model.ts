import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A payment voucher (支付凭证) the 一体化 platform pushes after a unit pays against a budget line. */
export class PaymentVoucher extends Model<InferAttributes<PaymentVoucher>, InferCreationAttributes<PaymentVoucher>> {
  declare id: CreationOptional<number>;
  declare voucherNo: string;
  declare budgetLineId: string;
  declare contractNo: string | null;
  declare payeeName: string;
  declare amount: string;
  declare paidAt: Date;
  declare regionCode: CreationOptional<string | null>;
  declare procurementUnitId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    PaymentVoucher.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        voucherNo: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        budgetLineId: { type: DataTypes.STRING(64), allowNull: false },
        contractNo: { type: DataTypes.STRING(64), allowNull: true },
        payeeName: { type: DataTypes.STRING(200), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        paidAt: { type: DataTypes.DATE, allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: true, references: { model: 'regions', key: 'code' } },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'procurement_units', key: 'id' } },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'payment_vouchers', underscored: true },
    );
  }
}
