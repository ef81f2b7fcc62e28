import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * An escalation closes with its decision (when, who, which), and an agreement supplier past its validity period is
 * 已失效 (`expired`), a state the list can filter on.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('escalations', 'resolved_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('escalations', 'resolved_by', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addColumn('escalations', 'decision', { type: DataTypes.STRING(100), allowNull: true });
  // SQLite keeps an ENUM as TEXT; PostgreSQL has a type of its own, extended in place (no table rewrite).
  if (qi.sequelize.getDialect() === 'postgres') {
    await qi.sequelize.query(`ALTER TYPE "enum_agreement_suppliers_status" ADD VALUE IF NOT EXISTS 'expired'`);
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  // PostgreSQL cannot drop an enum value; expired suppliers go back to 有效 and the next round moves them again.
  await qi.sequelize.query(`UPDATE agreement_suppliers SET status = 'active' WHERE status = 'expired'`);
  for (const column of ['decision', 'resolved_by', 'resolved_at']) await qi.removeColumn('escalations', column);
}
