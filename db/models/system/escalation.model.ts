import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** An overdue record reported to the office above the one that must decide it, once per step and due date. */
export class Escalation extends Model<InferAttributes<Escalation>, InferCreationAttributes<Escalation>> {
  declare id: CreationOptional<number>;
  declare step: string;
  declare resourceId: string;
  declare recordId: string;
  declare recordTitle: string;
  declare regionCode: string;
  declare escalatedTo: string;
  declare dueDate: string;
  declare overdueDays: number;
  declare escalatedAt: Date;
  declare resolved: CreationOptional<boolean>;
  /** When, by whom (a username, or 系统 for the daily check) and by which decision the reported step was done. */
  declare resolvedAt: CreationOptional<Date | null>;
  declare resolvedBy: CreationOptional<string | null>;
  declare decision: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'escalatedTo' };

  static initialize(sequelize: Sequelize): void {
    Escalation.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        step: { type: DataTypes.STRING(40), allowNull: false },
        resourceId: { type: DataTypes.STRING(60), allowNull: false },
        recordId: { type: DataTypes.STRING(40), allowNull: false },
        recordTitle: { type: DataTypes.STRING(300), allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        escalatedTo: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        dueDate: { type: DataTypes.DATEONLY, allowNull: false },
        overdueDays: { type: DataTypes.INTEGER, allowNull: false },
        escalatedAt: { type: DataTypes.DATE, allowNull: false },
        resolved: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        resolvedAt: { type: DataTypes.DATE, allowNull: true },
        resolvedBy: { type: DataTypes.STRING(64), allowNull: true },
        decision: { type: DataTypes.STRING(100), allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'escalations', underscored: true },
    );
  }
}
