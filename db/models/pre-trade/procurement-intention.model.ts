import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { intentionShortfallDays } from '../../../domain/pre-procurement.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A published procurement intention (采购意向公开); a procurement may start no sooner than 30 days after it. */
export class ProcurementIntention extends Model<InferAttributes<ProcurementIntention>, InferCreationAttributes<ProcurementIntention>> {
  declare id: CreationOptional<number>;
  declare procurementUnitId: number;
  declare regionCode: string;
  declare projectName: string;
  declare requirementSummary: string;
  declare budgetAmount: string;
  declare expectedMonth: string;
  declare publishedAt: string;
  declare projectId: number | null;
  declare procurementStartAt: string | null;
  declare shortfallDays: CreationOptional<number>;
  declare insufficientNotice: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    ProcurementIntention.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        requirementSummary: { type: DataTypes.TEXT, allowNull: false },
        budgetAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        expectedMonth: { type: DataTypes.STRING(7), allowNull: false },
        publishedAt: { type: DataTypes.DATEONLY, allowNull: false },
        projectId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'procurement_projects', key: 'id' } },
        procurementStartAt: { type: DataTypes.DATEONLY, allowNull: true },
        shortfallDays: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        insufficientNotice: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'procurement_intentions',
        underscored: true,
        hooks: {
          // The flag is stored so the list can filter on it; it follows the two dates whenever either changes.
          beforeSave: (intention) => {
            const shortfall = intention.procurementStartAt
              ? intentionShortfallDays(intention.publishedAt, intention.procurementStartAt)
              : 0;
            intention.shortfallDays = shortfall;
            intention.insufficientNotice = shortfall > 0;
          },
        },
      },
    );
  }
}
