import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { ExpertState } from '../../../domain/expert-review.js';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** An evaluation expert's registration (专家注册), reviewed by the office of the registration region. */
export class Expert extends Model<InferAttributes<Expert>, InferCreationAttributes<Expert>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare idNumberMasked: string;
  declare gender: 'male' | 'female';
  declare title: string;
  declare workUnit: string;
  declare phone: string;
  declare registrationRegion: string;
  declare specialties: string;
  declare state: ExpertState;
  declare submittedAt: Date;
  declare reviewedAt: CreationOptional<Date | null>;
  declare reviewedBy: CreationOptional<string | null>;
  declare reviewReason: CreationOptional<string | null>;
  declare version: CreationOptional<number>;
  declare dueDate: CreationOptional<string | null>;
  declare overdueDays: CreationOptional<number>;
  declare overdue: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'registrationRegion' };

  static initialize(sequelize: Sequelize): void {
    Expert.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        name: { type: DataTypes.STRING(50), allowNull: false },
        idNumberMasked: { type: DataTypes.STRING(18), allowNull: false },
        gender: { type: DataTypes.ENUM('male', 'female'), allowNull: false },
        title: { type: DataTypes.STRING(50), allowNull: false },
        workUnit: { type: DataTypes.STRING(200), allowNull: false },
        phone: { type: DataTypes.STRING(30), allowNull: false },
        registrationRegion: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        specialties: { type: DataTypes.STRING(300), allowNull: false },
        state: { type: DataTypes.ENUM('submitted', 'approved', 'rejected'), allowNull: false },
        submittedAt: { type: DataTypes.DATE, allowNull: false },
        reviewedAt: { type: DataTypes.DATE, allowNull: true },
        reviewedBy: { type: DataTypes.STRING(64), allowNull: true },
        reviewReason: { type: DataTypes.TEXT, allowNull: true },
        version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        ...DEADLINE_ATTRIBUTES,
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'experts', underscored: true },
    );
  }
}
