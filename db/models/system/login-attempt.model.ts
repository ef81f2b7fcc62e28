import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { JurisdictionKind } from '../../jurisdiction-kind.js';

export const LOGIN_OUTCOMES = ['succeeded', 'wrongPassword', 'unknownUser', 'inactive', 'throttled'] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

/** Failed logins live in the database so that every web instance counts the same attempts. */
export class LoginAttempt extends Model<InferAttributes<LoginAttempt>, InferCreationAttributes<LoginAttempt>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare ip: string;
  declare succeeded: boolean;
  declare outcome: LoginOutcome | null;
  /** The trusted browser the attempt came from (set at an earlier successful login), if any. */
  declare deviceId: string | null;
  declare createdAt: CreationOptional<Date>;

  static jurisdiction: JurisdictionKind = { kind: 'admin' };

  static initialize(sequelize: Sequelize): void {
    LoginAttempt.init(
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        username: { type: DataTypes.STRING(100), allowNull: false },
        ip: { type: DataTypes.STRING(64), allowNull: false },
        succeeded: { type: DataTypes.BOOLEAN, allowNull: false },
        outcome: { type: DataTypes.STRING(20), allowNull: true },
        deviceId: { type: DataTypes.STRING(64), allowNull: true },
        createdAt: DataTypes.DATE,
      },
      { sequelize, tableName: 'login_attempts', underscored: true, updatedAt: false },
    );
  }
}
