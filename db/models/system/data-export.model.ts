import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** An Excel export asked for by one user: the list's filters and sort, its progress and its file (kept 24 h). */
export class DataExport extends Model<InferAttributes<DataExport>, InferCreationAttributes<DataExport>> {
  declare id: string;
  declare userId: number;
  declare username: string;
  declare userRole: string;
  declare userRegion: string;
  declare resourceId: string;
  declare filters: string;
  declare sortBy: string | null;
  declare direction: string | null;
  declare state: 'queued' | 'running' | 'done' | 'failed';
  declare total: CreationOptional<number | null>;
  declare done: CreationOptional<number>;
  declare fileName: CreationOptional<string | null>;
  declare error: CreationOptional<string | null>;
  declare expiresAt: Date;
  declare finishedAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'admin' };

  static initialize(sequelize: Sequelize): void {
    DataExport.init(
      {
        id: { type: DataTypes.STRING(36), primaryKey: true },
        userId: { type: DataTypes.INTEGER, allowNull: false },
        username: { type: DataTypes.STRING(64), allowNull: false },
        userRole: { type: DataTypes.STRING(20), allowNull: false },
        userRegion: { type: DataTypes.STRING(6), allowNull: false },
        resourceId: { type: DataTypes.STRING(60), allowNull: false },
        filters: { type: DataTypes.TEXT, allowNull: false },
        sortBy: { type: DataTypes.STRING(60), allowNull: true },
        direction: { type: DataTypes.STRING(4), allowNull: true },
        state: { type: DataTypes.ENUM('queued', 'running', 'done', 'failed'), allowNull: false },
        total: { type: DataTypes.INTEGER, allowNull: true },
        done: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        fileName: { type: DataTypes.STRING(200), allowNull: true },
        error: { type: DataTypes.TEXT, allowNull: true },
        expiresAt: { type: DataTypes.DATE, allowNull: false },
        finishedAt: { type: DataTypes.DATE, allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'data_exports', underscored: true },
    );
  }
}
