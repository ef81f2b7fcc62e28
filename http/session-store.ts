import connectSessionSequelize from 'connect-session-sequelize';
import session, { type SessionData } from 'express-session';
import { DataTypes, QueryTypes, type Sequelize } from 'sequelize';

const SequelizeStore = connectSessionSequelize(session.Store);

/** Sessions end 8 h after login: the cookie is not rolling. */
export const SESSION_HOURS = 8;

/**
 * Sessions in the database, so that every web instance sees the same ones (a logout on one ends it on all). This is
 * connect-session-sequelize with one change found by `npm run bench`: a session is read with one plain statement
 * with its id bound, where the library's `get` builds a model instance and, on SQLite, asks for the table's column
 * types first, on every request of every signed-in user.
 */
export class SessionStore extends SequelizeStore {
  private readonly db: Sequelize;

  constructor(db: Sequelize) {
    // The library's model, with the user a session belongs to, so a change to that user's rights ends them all.
    db.define(
      'Session',
      {
        sid: { type: DataTypes.STRING(36), primaryKey: true },
        expires: DataTypes.DATE,
        data: DataTypes.TEXT,
        userId: { type: DataTypes.INTEGER, allowNull: true, field: 'user_id' },
      },
      { tableName: 'Sessions' },
    );
    super({
      db,
      table: 'Session',
      checkExpirationInterval: 15 * 60_000,
      expiration: SESSION_HOURS * 3600_000,
      extendDefaultFields: (defaults, data: { adminUser?: { id?: number } }) => ({
        ...defaults,
        userId: data.adminUser?.id ?? null,
      }),
      // No touch: the cookie is not rolling, so a session ends 8 h after login anyway; touching wrote a row per request.
      ...{ disableTouch: true }, // in connect-session-sequelize 7, not in its typings
    });
    this.db = db;
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    // On the primary: a session written at login must be found by the next request, whatever the standby's lag.
    this.db
      .query<{ data: string }>('SELECT data FROM "Sessions" WHERE sid = $1', { bind: [sid], type: QueryTypes.SELECT, useMaster: true })
      .then(
        (rows) => callback(null, rows[0] ? (JSON.parse(rows[0].data) as SessionData) : null),
        (error: unknown) => callback(error),
      );
  }
}
