import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { SpecialtyState } from '../../../domain/expert-review.js';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** An expert's application for an evaluation specialty (评标专业), reviewed city → province → 省公管办. */
export class ExpertSpecialtyReview extends Model<InferAttributes<ExpertSpecialtyReview>, InferCreationAttributes<ExpertSpecialtyReview>> {
  declare id: CreationOptional<number>;
  declare expertId: number;
  declare expertName: string;
  declare registrationRegion: string;
  declare specialtyCode: string;
  declare specialtyName: string;
  declare state: SpecialtyState;
  declare appliedAt: Date;
  declare cityReviewedBy: CreationOptional<string | null>;
  declare cityReviewedAt: CreationOptional<Date | null>;
  declare provinceReviewedBy: CreationOptional<string | null>;
  declare provinceReviewedAt: CreationOptional<Date | null>;
  declare gongguanbanReviewedBy: CreationOptional<string | null>;
  declare gongguanbanReviewedAt: CreationOptional<Date | null>;
  declare returnedAt: CreationOptional<Date | null>;
  declare returnedBy: CreationOptional<string | null>;
  declare returnReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare dueDate: CreationOptional<string | null>;
  declare overdueDays: CreationOptional<number>;
  declare overdue: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'registrationRegion' };

  static initialize(sequelize: Sequelize): void {
    ExpertSpecialtyReview.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        expertId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'experts', key: 'id' } },
        expertName: { type: DataTypes.STRING(50), allowNull: false },
        registrationRegion: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        specialtyCode: { type: DataTypes.STRING(20), allowNull: false },
        specialtyName: { type: DataTypes.STRING(100), allowNull: false },
        state: { type: DataTypes.ENUM('city_review', 'province_review', 'gongguanban_review', 'approved', 'returned'), allowNull: false },
        appliedAt: { type: DataTypes.DATE, allowNull: false },
        cityReviewedBy: { type: DataTypes.STRING(64), allowNull: true },
        cityReviewedAt: { type: DataTypes.DATE, allowNull: true },
        provinceReviewedBy: { type: DataTypes.STRING(64), allowNull: true },
        provinceReviewedAt: { type: DataTypes.DATE, allowNull: true },
        gongguanbanReviewedBy: { type: DataTypes.STRING(64), allowNull: true },
        gongguanbanReviewedAt: { type: DataTypes.DATE, allowNull: true },
        returnedAt: { type: DataTypes.DATE, allowNull: true },
        returnedBy: { type: DataTypes.STRING(64), allowNull: true },
        returnReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        ...DEADLINE_ATTRIBUTES,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'expert_specialty_reviews', underscored: true },
    );
  }
}
