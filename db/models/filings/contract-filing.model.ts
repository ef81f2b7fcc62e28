import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export type FilingKind = 'procurement' | 'agreement' | 'self_run';
export type PushStatus = 'not_pushed' | 'queued' | 'pushed' | 'failed';

/** A contract filing (合同备案) made by a supervising budget unit; what gets pushed to the payment system. */
export class ContractFiling extends Model<InferAttributes<ContractFiling>, InferCreationAttributes<ContractFiling>> {
  declare id: CreationOptional<number>;
  declare kind: FilingKind;
  declare contractNo: string;
  declare contractName: string | null;
  declare signedAt: string | null;
  declare amount: string;
  declare supplierName: string;
  declare procurementMethod: string;
  declare projectName: string;
  declare procurementUnitId: number | null;
  declare regionCode: string;
  declare budgetLineId: string | null;
  declare virtualBudgetId: number | null;
  declare budgetYear: number;
  declare budgetType: 'integrated' | 'virtual';
  declare filedAt: Date;
  declare pushStatus: CreationOptional<PushStatus>;
  declare pushedAt: CreationOptional<Date | null>;
  declare lastPushError: CreationOptional<string | null>;
  declare status: CreationOptional<'filed' | 'returned'>;
  declare returnedAt: CreationOptional<Date | null>;
  declare returnReason: CreationOptional<string | null>;
  declare pushVerdict: CreationOptional<'pushable' | 'blocked'>;
  declare pushRoute: CreationOptional<'manual' | 'legacy' | 'purchaser' | 'not_integrated'>;
  declare pushReasons: CreationOptional<string | null>;
  declare triggerDate: CreationOptional<string | null>;
  declare paidAmount: CreationOptional<string>;
  declare overpaid: CreationOptional<boolean>;
  declare lateFilingDays: CreationOptional<number>;
  declare lateFiling: CreationOptional<boolean>;
  declare version: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    ContractFiling.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        kind: { type: DataTypes.ENUM('procurement', 'agreement', 'self_run'), allowNull: false },
        contractNo: { type: DataTypes.STRING(64), allowNull: false },
        contractName: { type: DataTypes.STRING(300), allowNull: true },
        signedAt: { type: DataTypes.DATEONLY, allowNull: true },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        supplierName: { type: DataTypes.STRING(200), allowNull: false },
        procurementMethod: { type: DataTypes.STRING(40), allowNull: false },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'procurement_units', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        budgetLineId: { type: DataTypes.STRING(64), allowNull: true },
        virtualBudgetId: { type: DataTypes.INTEGER, allowNull: true },
        budgetYear: { type: DataTypes.INTEGER, allowNull: false },
        budgetType: { type: DataTypes.ENUM('integrated', 'virtual'), allowNull: false },
        filedAt: { type: DataTypes.DATE, allowNull: false },
        pushStatus: { type: DataTypes.ENUM('not_pushed', 'queued', 'pushed', 'failed'), allowNull: false, defaultValue: 'not_pushed' },
        pushedAt: { type: DataTypes.DATE, allowNull: true },
        lastPushError: { type: DataTypes.TEXT, allowNull: true },
        status: { type: DataTypes.ENUM('filed', 'returned'), allowNull: false, defaultValue: 'filed' },
        returnedAt: { type: DataTypes.DATE, allowNull: true },
        returnReason: { type: DataTypes.TEXT, allowNull: true },
        pushVerdict: { type: DataTypes.ENUM('pushable', 'blocked'), allowNull: false, defaultValue: 'blocked' },
        pushRoute: { type: DataTypes.ENUM('manual', 'legacy', 'purchaser', 'not_integrated'), allowNull: false, defaultValue: 'manual' },
        pushReasons: { type: DataTypes.TEXT, allowNull: true },
        triggerDate: { type: DataTypes.DATEONLY, allowNull: true },
        paidAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false, defaultValue: 0 },
        overpaid: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        lateFilingDays: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        lateFiling: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'contract_filings',
        underscored: true,
        indexes: [
          { fields: ['region_code', 'push_status'] },
          { fields: ['budget_line_id'] },
          { fields: ['contract_no'] },
          { fields: ['push_verdict', 'push_route'] },
        ],
      },
    );
  }
}
