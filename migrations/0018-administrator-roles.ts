import type { QueryInterface } from 'sequelize';

/**
 * 三员分立: besides the system administrator (`admin`), a security administrator (`security`) and an audit
 * administrator (`auditor`) may hold an account.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  // SQLite keeps an ENUM as TEXT; PostgreSQL has a type of its own, extended in place (no table rewrite).
  if (qi.sequelize.getDialect() === 'postgres') {
    for (const role of ['security', 'auditor'])
      await qi.sequelize.query(`ALTER TYPE "enum_supervisor_users_role" ADD VALUE IF NOT EXISTS '${role}'`);
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  // PostgreSQL cannot drop an enum value. Their accounts stay, so the audit trail still names them, but as
  // deactivated system administrators that nobody can sign in with until one is enabled again on purpose.
  await qi.sequelize.query(
    `UPDATE supervisor_users SET role = 'admin', active = false, rights_version = rights_version + 1 WHERE role IN ('security', 'auditor')`,
  );
}
