import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The password policy (issue #29 item 2): when each password was set, whether someone other than its user set it
 * (an initial or reset password, to be changed at the next login), and the hashes of each account's earlier
 * passwords. Expand only. Accounts stored before count their password as set now: none expires on the day of the
 * upgrade.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('supervisor_users', 'password_changed_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('supervisor_users', 'password_change_due', { type: DataTypes.STRING(10), allowNull: true });
  await qi.bulkUpdate('supervisor_users', { password_changed_at: new Date() }, {});
  await qi.createTable('password_history', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    user_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'supervisor_users', key: 'id' },
      onDelete: 'CASCADE',
    },
    password_hash: { type: DataTypes.STRING(200), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('password_history', ['user_id', 'id']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('password_history');
  await qi.removeColumn('supervisor_users', 'password_change_due');
  await qi.removeColumn('supervisor_users', 'password_changed_at');
}
