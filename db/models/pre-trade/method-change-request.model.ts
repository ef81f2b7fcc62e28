import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A request to procure other than by public tender (采购方式变更审批), decided at city level or above. */
export class MethodChangeRequest extends Model<InferAttributes<MethodChangeRequest>, InferCreationAttributes<MethodChangeRequest>> {
  declare id: CreationOptional<number>;
  declare projectId: number | null;
  declare projectName: string;
  declare procurementUnitId: number;
  declare regionCode: string;
  declare category: 'goods' | 'works' | 'services';
  declare amount: string;
  declare originalMethod: string;
  declare requestedMethod: string;
  declare legalGround: string;
  declare reasons: string;
  declare expertOpinion: string;
  declare noticeStartAt: string | null;
  declare noticeEndAt: string | null;
  declare state: CreationOptional<'submitted' | 'approved' | 'rejected'>;
  declare approvingRegion: string;
  declare submittedAt: Date;
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
    MethodChangeRequest.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'procurement_projects', key: 'id' } },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        category: { type: DataTypes.ENUM('goods', 'works', 'services'), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        originalMethod: { type: DataTypes.STRING(40), allowNull: false },
        requestedMethod: { type: DataTypes.STRING(40), allowNull: false },
        legalGround: { type: DataTypes.STRING(300), allowNull: false },
        reasons: { type: DataTypes.TEXT, allowNull: false },
        expertOpinion: { type: DataTypes.TEXT, allowNull: false },
        noticeStartAt: { type: DataTypes.DATEONLY, allowNull: true },
        noticeEndAt: { type: DataTypes.DATEONLY, allowNull: true },
        state: { type: DataTypes.ENUM('submitted', 'approved', 'rejected'), allowNull: false, defaultValue: 'submitted' },
        approvingRegion: { type: DataTypes.STRING(6), allowNull: false },
        submittedAt: { type: DataTypes.DATE, allowNull: false },
        decidedAt: { type: DataTypes.DATE, allowNull: true },
        decidedBy: { type: DataTypes.STRING(64), allowNull: true },
        decisionReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        ...DEADLINE_ATTRIBUTES,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'method_change_requests', underscored: true },
    );
  }
}
