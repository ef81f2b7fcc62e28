import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { DEADLINE_ATTRIBUTES } from '../deadline-attributes.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A request to buy an imported product (进口产品采购审核), decided at city level or above. */
export class ImportProductRequest extends Model<InferAttributes<ImportProductRequest>, InferCreationAttributes<ImportProductRequest>> {
  declare id: CreationOptional<number>;
  declare projectId: number | null;
  declare projectName: string;
  declare procurementUnitId: number;
  declare regionCode: string;
  declare productName: string;
  declare originCountry: string;
  declare amount: string;
  declare reasons: string;
  declare expertOpinion: string;
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
    ImportProductRequest.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'procurement_projects', key: 'id' } },
        projectName: { type: DataTypes.STRING(300), allowNull: false },
        procurementUnitId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        productName: { type: DataTypes.STRING(200), allowNull: false },
        originCountry: { type: DataTypes.STRING(50), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
        reasons: { type: DataTypes.TEXT, allowNull: false },
        expertOpinion: { type: DataTypes.TEXT, allowNull: false },
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
      { sequelize, tableName: 'import_product_requests', underscored: true },
    );
  }
}
