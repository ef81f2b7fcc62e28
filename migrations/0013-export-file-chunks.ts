import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Export files move from the worker's disk into the main database, in chunks, so every web instance serves them and
 * backups hold them. Expand only: a table and columns added, nothing the previous release reads is changed.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('export_file_chunks', {
    export_id: {
      type: DataTypes.STRING(36),
      primaryKey: true,
      allowNull: false,
      references: { model: 'data_exports', key: 'id' },
      onDelete: 'CASCADE',
    },
    attempt: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    seq: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    bytes: { type: DataTypes.BLOB, allowNull: false },
  });
  await qi.addColumn('data_exports', 'attempt', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('data_exports', 'byte_size', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addColumn('data_exports', 'chunk_count', { type: DataTypes.INTEGER, allowNull: true });
  // SQLite keeps an ENUM as TEXT; PostgreSQL extends its type in place (no table rewrite).
  if (qi.sequelize.getDialect() === 'postgres') {
    await qi.sequelize.query(`ALTER TYPE "enum_data_exports_state" ADD VALUE IF NOT EXISTS 'expired'`);
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  // PostgreSQL cannot drop an enum value; an expired export reads as done, and its download answers 410 by its date.
  await qi.sequelize.query(`UPDATE data_exports SET state = 'done' WHERE state = 'expired'`);
  for (const column of ['chunk_count', 'byte_size', 'attempt']) await qi.removeColumn('data_exports', column);
  await qi.dropTable('export_file_chunks');
}
