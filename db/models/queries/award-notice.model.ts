import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** An award notice (中标通知书), of an entrusted procurement or of a unit's self-run procurement. */
export class AwardNotice extends Model<InferAttributes<AwardNotice>, InferCreationAttributes<AwardNotice>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare regionCode: string;
  declare kind: 'entrusted' | 'self_run';
  declare noticeNo: string;
  declare supplierName: string;
  declare supplierCreditCode: string;
  declare awardAmount: string;
  declare issuedAt: Date;
  declare agencyName: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    AwardNotice.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        kind: { type: DataTypes.ENUM('entrusted', 'self_run'), allowNull: false },
        noticeNo: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        supplierCreditCode: { type: DataTypes.STRING(18), allowNull: false },
        awardAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        issuedAt: { type: DataTypes.DATE, allowNull: false },
        agencyName: { type: DataTypes.STRING(200), allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'award_notices', underscored: true },
    );
  }
}
