import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * Runs `work` as someone who can change the database under the product would: with the audit trail's triggers
 * (migrations/0017-audit-chain.ts) out of the way, as a table owner or the SQLite file's holder can, then puts them
 * back. What the chain must still reveal is what such a person does in `work`.
 */
export async function withoutAuditGuards<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  if (sequelize.getDialect() === 'postgres') {
    await sequelize.query('ALTER TABLE audit_logs DISABLE TRIGGER USER');
    await sequelize.query('ALTER TABLE audit_chain_head DISABLE TRIGGER USER');
    try {
      return await work();
    } finally {
      await sequelize.query('ALTER TABLE audit_logs ENABLE TRIGGER USER');
      await sequelize.query('ALTER TABLE audit_chain_head ENABLE TRIGGER USER');
    }
  }
  const triggers = await sequelize.query<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_logs', 'audit_chain_head')`,
    { type: QueryTypes.SELECT },
  );
  for (const { name } of triggers) await sequelize.query(`DROP TRIGGER ${name}`);
  try {
    return await work();
  } finally {
    for (const { sql } of triggers) await sequelize.query(sql);
  }
}
