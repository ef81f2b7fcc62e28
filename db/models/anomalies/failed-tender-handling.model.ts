import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { FailedTenderState } from '../../../domain/failed-tender-workflow.js';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A failed tender's handling (废标处理): re-tender, or change of method, approved by the unit and, when the rule says so, confirmed by the office. */
export class FailedTenderHandling extends Model<InferAttributes<FailedTenderHandling>, InferCreationAttributes<FailedTenderHandling>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare projectNo: string;
  declare projectName: string;
  declare regionCode: string;
  declare category: 'goods' | 'works' | 'services';
  declare amount: string;
  declare originalMethod: string;
  declare newMethod: string;
  declare failureReason: string;
  declare state: FailedTenderState;
  declare confirmationRequired: boolean;
  declare confirmationBasis: string;
  declare unitApprovedAt: Date | null;
  declare decidedAt: CreationOptional<Date | null>;
  declare decidedBy: CreationOptional<string | null>;
  declare decisionReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare dueDate: CreationOptional<string | null>;
  declare overdueDays: CreationOptional<number>;
  declare overdue: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    FailedTenderHandling.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        projectNo: { type: DataTypes.STRING(64), allowNull: false },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        category: { type: DataTypes.ENUM('goods', 'works', 'services'), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        originalMethod: { type: DataTypes.STRING(40), allowNull: false },
        newMethod: { type: DataTypes.STRING(40), allowNull: false },
        failureReason: { type: DataTypes.TEXT, allowNull: false },
        state: {
          type: DataTypes.ENUM('editing', 'submitted', 'unit_approved', 'awaiting_supervisor', 'approved', 'rejected'),
          allowNull: false,
        },
        confirmationRequired: { type: DataTypes.BOOLEAN, allowNull: false },
        confirmationBasis: { type: DataTypes.TEXT, allowNull: false },
        unitApprovedAt: { type: DataTypes.DATE, allowNull: true },
        decidedAt: { type: DataTypes.DATE, allowNull: true },
        decidedBy: { type: DataTypes.STRING(64), allowNull: true },
        decisionReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        ...DEADLINE_ATTRIBUTES,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'failed_tender_handlings', underscored: true },
    );
  }
}
