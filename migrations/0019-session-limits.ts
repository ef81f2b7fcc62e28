import { DataTypes, type QueryInterface } from 'sequelize';

/*
 * 在线会话: the signed-in sessions with their users, for the security administrator. The role is cast to text so the
 * view reads the same on both engines (an enum on PostgreSQL); a session before its login (no user, no handle) is
 * not listed. Its columns are the tables' own, so SQLite reports their types and the times are read as times.
 */
const ACTIVE_SESSIONS = `
CREATE VIEW active_sessions AS
SELECT s.handle AS id, s.user_id, u.username, u.display_name, CAST(u.role AS VARCHAR(20)) AS role, u.region_code, s.ip,
       s."createdAt" AS started_at, s.last_active_at
  FROM "Sessions" s JOIN supervisor_users u ON u.id = s.user_id
 WHERE s.handle IS NOT NULL`;

/**
 * Session time limits and the list of active sessions (issue #29 item 3): when each session's user was last active
 * (the idle end), the address it signed in from, and a public handle to name it by in the panel and the audit trail.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('Sessions', 'handle', { type: DataTypes.STRING(32), allowNull: true });
  await qi.addColumn('Sessions', 'ip', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addColumn('Sessions', 'last_active_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addIndex('Sessions', ['handle'], { unique: true });
  await qi.sequelize.query(ACTIVE_SESSIONS);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.sequelize.query('DROP VIEW active_sessions');
  await qi.removeIndex('Sessions', ['handle']);
  await qi.removeColumn('Sessions', 'last_active_at');
  await qi.removeColumn('Sessions', 'ip');
  await qi.removeColumn('Sessions', 'handle');
}
