import { randomUUID } from 'node:crypto';
import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The identity of this database for its whole life: made once, by the first migration run, and kept by backups
 * and restores. Every job carries it, so a job queued for another database (an earlier one that was reset, or
 * another deployment sharing Redis) is never applied to this one, and job ids never collide across lifetimes.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('database_instance', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.bulkInsert('database_instance', [{ id: randomUUID(), created_at: new Date() }]);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('database_instance');
}
