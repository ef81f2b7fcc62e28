import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { FailedTenderState } from '../../../domain/failed-tender-workflow.js';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A pre-award anomaly (预中标/成交异常) an agency handles after a complaint or a re-published result. */
export class PreAwardAnomaly extends Model<InferAttributes<PreAwardAnomaly>, InferCreationAttributes<PreAwardAnomaly>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare projectNo: string;
  declare projectName: string;
  declare regionCode: string;
  declare agencyName: string;
  declare methodChanged: boolean;
  declare rankingChanged: boolean;
  declare winnerNameChanged: boolean;
  declare originalWinner: string;
  declare newWinner: string;
  declare description: string;
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
    PreAwardAnomaly.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        projectNo: { type: DataTypes.STRING(64), allowNull: false },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        agencyName: { type: DataTypes.STRING(200), allowNull: false },
        methodChanged: { type: DataTypes.BOOLEAN, allowNull: false },
        rankingChanged: { type: DataTypes.BOOLEAN, allowNull: false },
        winnerNameChanged: { type: DataTypes.BOOLEAN, allowNull: false },
        originalWinner: { type: DataTypes.STRING(200), allowNull: false },
        newWinner: { type: DataTypes.STRING(200), allowNull: false },
        description: { type: DataTypes.TEXT, allowNull: false },
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
      { sequelize, tableName: 'pre_award_anomalies', underscored: true },
    );
  }
}
