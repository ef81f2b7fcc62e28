import {
  DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize,
} from 'sequelize';
import type { JurisdictionKind } from '../jurisdiction-kind.js';

/** An overdue record reported to the parent region's workbench (county → city → province), once per step and due date. */
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
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'escalations', underscored: true },
    );
  }
}
