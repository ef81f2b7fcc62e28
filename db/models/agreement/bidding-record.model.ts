import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { BiddingStatus } from '../../../domain/agreement-library.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A bidding or quotation (竞价/报价) held in a library for a purchaser's project. */
export class BiddingRecord extends Model<InferAttributes<BiddingRecord>, InferCreationAttributes<BiddingRecord>> {
  declare id: CreationOptional<number>;
  declare biddingNo: string;
  declare projectName: string;
  declare purchaserName: string;
  declare regionCode: string;
  declare libraryId: number;
  declare libraryRegionCode: string;
  declare goodsId: number | null;
  declare goodsSummary: string;
  declare quantity: number;
  declare ceilingPrice: string;
  declare status: BiddingStatus;
  declare startAt: Date;
  declare endAt: Date;
  declare participantCount: CreationOptional<number>;
  declare lowestQuote: CreationOptional<string | null>;
  declare winningSupplierName: CreationOptional<string | null>;
  declare returnedAt: CreationOptional<Date | null>;
  declare returnReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'library', field: 'libraryRegionCode' };

  static initialize(sequelize: Sequelize): void {
    BiddingRecord.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        biddingNo: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        purchaserName: { type: DataTypes.STRING(200), allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        libraryId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_libraries', key: 'id' } },
        libraryRegionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        goodsId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'agreement_goods', key: 'id' } },
        goodsSummary: { type: DataTypes.STRING(300), allowNull: false },
        quantity: { type: DataTypes.INTEGER, allowNull: false },
        ceilingPrice: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        status: { type: DataTypes.ENUM('bidding', 'quoting', 'ended', 'returned'), allowNull: false },
        startAt: { type: DataTypes.DATE, allowNull: false },
        endAt: { type: DataTypes.DATE, allowNull: false },
        participantCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lowestQuote: { type: DataTypes.DECIMAL(15, 2), allowNull: true },
        winningSupplierName: { type: DataTypes.STRING(200), allowNull: true },
        returnedAt: { type: DataTypes.DATE, allowNull: true },
        returnReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'bidding_records', underscored: true },
    );
  }
}
