import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export const ANNOUNCEMENT_TYPES = ['procurement', 'change', 'tender_document', 'addendum', 'result'] as const;
export type AnnouncementType = (typeof ANNOUNCEMENT_TYPES)[number];

/** An announcement or procurement document published for a project (公告及文件). */
export class Announcement extends Model<InferAttributes<Announcement>, InferCreationAttributes<Announcement>> {
  declare id: CreationOptional<number>;
  declare projectId: number;
  declare regionCode: string;
  declare type: AnnouncementType;
  declare title: string;
  declare publishedAt: Date;
  declare body: string;
  declare attachmentName: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'region', field: 'regionCode' };

  static initialize(sequelize: Sequelize): void {
    Announcement.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        projectId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        type: { type: DataTypes.ENUM(...ANNOUNCEMENT_TYPES), allowNull: false },
        title: { type: DataTypes.STRING(300), allowNull: false },
        publishedAt: { type: DataTypes.DATE, allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false },
        attachmentName: { type: DataTypes.STRING(200), allowNull: true },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'announcements', underscored: true },
    );
  }
}
