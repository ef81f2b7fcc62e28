import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export class AuditLog extends Model<InferAttributes<AuditLog>, InferCreationAttributes<AuditLog>> {
  declare id: CreationOptional<number>;
  declare actorId: number | null;
  declare actorUsername: string;
  declare actorRole: string;
  declare actorRegion: string | null;
  declare action: string;
  declare resourceId: string;
  declare recordId: string | null;
  declare regionCode: string | null;
  /** JSON text `{field: {before, after}}`: text keeps SQLite and PostgreSQL identical. */
  declare changes: string | null;
  declare reason: string | null;
  declare createdAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    AuditLog.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        actorId: { type: DataTypes.INTEGER, allowNull: true },
        actorUsername: { type: DataTypes.STRING(50), allowNull: false },
        actorRole: { type: DataTypes.STRING(20), allowNull: false },
        actorRegion: { type: DataTypes.STRING(6), allowNull: true },
        action: { type: DataTypes.STRING(50), allowNull: false },
        resourceId: { type: DataTypes.STRING(50), allowNull: false },
        recordId: { type: DataTypes.STRING(50), allowNull: true },
        regionCode: { type: DataTypes.STRING(6), allowNull: true },
        changes: { type: DataTypes.TEXT, allowNull: true },
        reason: { type: DataTypes.TEXT, allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'audit_logs', underscored: true, updatedAt: false },
    );
  }
}
