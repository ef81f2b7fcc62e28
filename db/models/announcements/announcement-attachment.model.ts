import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

/** The file attached to an announcement; served only through its announcement's jurisdiction check. */
export class AnnouncementAttachment extends Model<
  InferAttributes<AnnouncementAttachment>,
  InferCreationAttributes<AnnouncementAttachment>
> {
  declare id: CreationOptional<number>;
  declare announcementId: number;
  declare fileName: string;
  declare mimeType: string;
  declare content: Buffer;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'admin' };

  static initialize(sequelize: Sequelize): void {
    AnnouncementAttachment.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        announcementId: { type: DataTypes.INTEGER, allowNull: false, unique: true },
        fileName: { type: DataTypes.STRING(200), allowNull: false },
        mimeType: { type: DataTypes.STRING(100), allowNull: false },
        content: { type: DataTypes.BLOB, allowNull: false },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'announcement_attachments', underscored: true },
    );
  }
}
