import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** One participant's quote in a bidding. */
export class BiddingQuote extends Model<InferAttributes<BiddingQuote>, InferCreationAttributes<BiddingQuote>> {
  declare id: CreationOptional<number>;
  declare biddingId: number;
  declare libraryRegionCode: string;
  declare supplierId: number;
  declare supplierName: string;
  declare quoteAmount: string;
  declare quotedAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'library', field: 'libraryRegionCode' };

  static initialize(sequelize: Sequelize): void {
    BiddingQuote.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        biddingId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'bidding_records', key: 'id' } },
        libraryRegionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        supplierId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_suppliers', key: 'id' } },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        quoteAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        quotedAt: { type: DataTypes.DATE, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'bidding_quotes', underscored: true },
    );
  }
}
