import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * A browser's session as express-session keeps it (http/session-store.ts), with what the panel's list of active
 * sessions and the time limits need beside the session's own data: whose it is, its public key (`handle`: the panel
 * names a session by it, never by its id, which is half of the cookie), the address it signed in from and when its
 * user was last active. Its login is `createdAt`: a login always starts a new row.
 */
export class Session extends Model<InferAttributes<Session>, InferCreationAttributes<Session>> {
  declare sid: string;
  declare expires: Date | null;
  declare data: string | null;
  declare userId: number | null;
  declare handle: string | null;
  declare ip: string | null;
  declare lastActiveAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  static initialize(sequelize: Sequelize): void {
    Session.init(
      {
        sid: { type: DataTypes.STRING(36), primaryKey: true },
        expires: { type: DataTypes.DATE, allowNull: true },
        data: { type: DataTypes.TEXT, allowNull: true },
        userId: { type: DataTypes.INTEGER, allowNull: true, field: 'user_id' },
        handle: { type: DataTypes.STRING(32), allowNull: true },
        ip: { type: DataTypes.STRING(64), allowNull: true },
        lastActiveAt: { type: DataTypes.DATE, allowNull: true, field: 'last_active_at' },
        createdAt: DataTypes.DATE,
        updatedAt: DataTypes.DATE,
      },
      {
        sequelize,
        modelName: 'Session',
        tableName: 'Sessions',
        indexes: [{ fields: ['userId'] }, { fields: ['handle'], unique: true }],
      },
    );
  }
}
