import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * What ends a user's sessions when their rights change, and what the login limit and the administrators' security
 * events need: a version of each user's rights (role, region, active, password), the user a session belongs to,
 * and how each login attempt ended and from which trusted browser.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('supervisor_users', 'rights_version', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 });
  await qi.addColumn('Sessions', 'user_id', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addIndex('Sessions', ['user_id']);
  await qi.addColumn('login_attempts', 'outcome', { type: DataTypes.STRING(20), allowNull: true });
  await qi.addColumn('login_attempts', 'device_id', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addIndex('login_attempts', ['device_id', 'created_at']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeIndex('login_attempts', ['device_id', 'created_at']);
  await qi.removeColumn('login_attempts', 'device_id');
  await qi.removeColumn('login_attempts', 'outcome');
  await qi.removeIndex('Sessions', ['user_id']);
  await qi.removeColumn('Sessions', 'user_id');
  await qi.removeColumn('supervisor_users', 'rights_version');
}
