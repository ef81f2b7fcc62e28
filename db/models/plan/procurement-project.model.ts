import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';
import type { Category } from './plan-labels.js';

export type BudgetReviewStatus = 'pending' | 'approved' | 'returned';
export type OrganisationForm = 'centralized' | 'departmental' | 'decentralized';
export type ProjectStage = 'planning' | 'bidding' | 'awarded' | 'contracted' | 'failed';

/** A procurement project (采购项目) as the purchaser planned it; the 计划管理 menus are read-only views of it. */
export class ProcurementProject extends Model<InferAttributes<ProcurementProject>, InferCreationAttributes<ProcurementProject>> {
  declare id: CreationOptional<number>;
  declare projectNo: string;
  declare name: string;
  declare procurementUnitId: number;
  declare regionCode: string;
  declare budgetYear: number;
  declare budgetAmount: string;
  declare category: Category;
  declare procurementMethod: string;
  declare budgetReviewStatus: BudgetReviewStatus;
  declare budgetReviewedAt: CreationOptional<Date | null>;
  declare budgetReviewOpinion: CreationOptional<string | null>;
  declare organisationForm: OrganisationForm;
  declare designatedAgency: CreationOptional<string | null>;
  declare agencyMode: CreationOptional<'self_organised' | 'entrusted' | null>;
  declare agencyName: CreationOptional<string | null>;
  declare socialAgencyName: CreationOptional<string | null>;
  declare entrustedAt: CreationOptional<Date | null>;
  declare stage: ProjectStage;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    ProcurementProject.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectNo: { type: DataTypes.STRING(64), allowNull: false, unique: true },
        name: { type: DataTypes.STRING(300), allowNull: false },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        budgetYear: { type: DataTypes.INTEGER, allowNull: false },
        budgetAmount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        category: { type: DataTypes.ENUM('goods', 'works', 'services'), allowNull: false },
        procurementMethod: { type: DataTypes.STRING(40), allowNull: false },
        budgetReviewStatus: { type: DataTypes.ENUM('pending', 'approved', 'returned'), allowNull: false },
        budgetReviewedAt: { type: DataTypes.DATE, allowNull: true },
        budgetReviewOpinion: { type: DataTypes.TEXT, allowNull: true },
        organisationForm: { type: DataTypes.ENUM('centralized', 'departmental', 'decentralized'), allowNull: false },
        designatedAgency: { type: DataTypes.STRING(200), allowNull: true },
        agencyMode: { type: DataTypes.ENUM('self_organised', 'entrusted'), allowNull: true },
        agencyName: { type: DataTypes.STRING(200), allowNull: true },
        socialAgencyName: { type: DataTypes.STRING(200), allowNull: true },
        entrustedAt: { type: DataTypes.DATE, allowNull: true },
        stage: { type: DataTypes.ENUM('planning', 'bidding', 'awarded', 'contracted', 'failed'), allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'procurement_projects', underscored: true },
    );
  }
}
