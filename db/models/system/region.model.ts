import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export type RegionLevel = 'province' | 'city' | 'county';

export class Region extends Model<InferAttributes<Region>, InferCreationAttributes<Region>> {
  declare code: string;
  declare name: string;
  declare level: RegionLevel;
  declare parentCode: string | null;

  static jurisdiction: JurisdictionKind = { kind: 'reference' };

  static initialize(sequelize: Sequelize): void {
    Region.init(
      {
        code: { type: DataTypes.STRING(6), primaryKey: true },
        name: { type: DataTypes.STRING(50), allowNull: false },
        level: { type: DataTypes.ENUM('province', 'city', 'county'), allowNull: false },
        parentCode: { type: DataTypes.STRING(6), allowNull: true },
      },
      { sequelize, tableName: 'regions', underscored: true, timestamps: false },
    );
  }
}
