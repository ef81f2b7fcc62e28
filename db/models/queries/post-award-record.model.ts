import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** Post-award data (标后数据): how the winning supplier's contract was signed, accepted, paid and judged. */
export class PostAwardRecord extends Model<InferAttributes<PostAwardRecord>, InferCreationAttributes<PostAwardRecord>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare regionCode: string;
  declare supplierName: string;
  declare contractNo: string;
  declare contractAmount: string;
  declare signedAt: string;
  declare acceptedAt: string | null;
  declare paidAmount: CreationOptional<string>;
  declare evaluation: 'excellent' | 'good' | 'fair' | 'poor' | null;
  declare remark: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    PostAwardRecord.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        contractNo: { type: DataTypes.STRING(64), allowNull: false },
        contractAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        signedAt: { type: DataTypes.DATEONLY, allowNull: false },
        acceptedAt: { type: DataTypes.DATEONLY, allowNull: true },
        paidAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false, defaultValue: 0 },
        evaluation: { type: DataTypes.ENUM('excellent', 'good', 'fair', 'poor'), allowNull: true },
        remark: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'post_award_records', underscored: true },
    );
  }
}
