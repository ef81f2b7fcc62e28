import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { tryRegionLevel, type Role } from '../../../domain/jurisdiction.js';
import { roleRegionMismatch } from '../../../domain/user-rules.js';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export class SupervisorUser extends Model<InferAttributes<SupervisorUser>, InferCreationAttributes<SupervisorUser>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare displayName: string;
  declare role: Role;
  declare regionCode: string;
  declare passwordHash: string;
  declare active: CreationOptional<boolean>;
  declare lastLoginAt: Date | null;
  /** Moves on whenever role, region, active or password change; a session signed in under another version ends. */
  declare rightsVersion: CreationOptional<number>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'admin' };
  static secretFields = ['passwordHash'] as const;

  static initialize(sequelize: Sequelize): void {
    SupervisorUser.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        username: {
          type: DataTypes.STRING(50),
          allowNull: false,
          unique: true,
          // Lower case only: login lower-cases what is typed, so an upper-case name could never sign in.
          validate: { is: { args: /^[a-z0-9_.-]{3,50}$/, msg: '用户名只能包含小写字母、数字、下划线、点和横线，3 到 50 个字符' } },
        },
        displayName: { type: DataTypes.STRING(50), allowNull: false },
        role: { type: DataTypes.ENUM('admin', 'province', 'city', 'county', 'gongguanban'), allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
        passwordHash: { type: DataTypes.STRING(200), allowNull: false },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        lastLoginAt: { type: DataTypes.DATE, allowNull: true },
        rightsVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        tableName: 'supervisor_users',
        underscored: true,
        validate: {
          // Whoever creates a user (the panel, seeds, a script) cannot store one whose role and region disagree.
          // Only a change to either is checked, so a user stored before this rule can still sign in (login writes
          // lastLoginAt); a bulk update naming neither field has nothing to check.
          roleFitsRegion(this: SupervisorUser) {
            if (this.role === undefined || this.regionCode === undefined) return;
            if (!this.isNewRecord && !this.changed('role') && !this.changed('regionCode')) return;
            const mismatch = roleRegionMismatch(this.role, tryRegionLevel(this.regionCode));
            if (mismatch) throw new Error(mismatch);
          },
        },
      },
    );
  }
}
