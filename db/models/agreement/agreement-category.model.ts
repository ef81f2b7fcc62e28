import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** A category (品目) of one library; goods hang only under leaves. */
export class AgreementCategory extends Model<InferAttributes<AgreementCategory>, InferCreationAttributes<AgreementCategory>> {
  declare id: CreationOptional<number>;
  declare libraryId: number;
  declare libraryRegionCode: string;
  declare code: string;
  declare name: string;
  declare parentCode: string | null;
  declare level: number;
  declare isLeaf: boolean;
  declare title: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'library', field: 'libraryRegionCode' };

  static initialize(sequelize: Sequelize): void {
    AgreementCategory.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        libraryId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_libraries', key: 'id' } },
        libraryRegionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        code: { type: DataTypes.STRING(20), allowNull: false },
        name: { type: DataTypes.STRING(100), allowNull: false },
        parentCode: { type: DataTypes.STRING(20), allowNull: true },
        level: { type: DataTypes.INTEGER, allowNull: false },
        isLeaf: { type: DataTypes.BOOLEAN, allowNull: false },
        title: { type: DataTypes.STRING(200), allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'agreement_categories',
        underscored: true,
        hooks: {
          // A category with a child is no longer a leaf, so no goods can be added under it from now on.
          afterCreate: async (category, options) => {
            if (!category.parentCode) return;
            await AgreementCategory.update(
              { isLeaf: false },
              { where: { libraryId: category.libraryId, code: category.parentCode }, transaction: options.transaction },
            );
          },
        },
      },
    );
  }
}
