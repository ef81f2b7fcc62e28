import type { QueryInterface } from 'sequelize';

const TRIGRAM_INDEX = 'integration_budgets_unit_name_trgm';

/**
 * Indexes for the biggest list (一体化预算, millions of rows after a few years), found by `npm run bench`: the list
 * sorts by arrival time, newest first, for the province and within a county; a unit-name search matches anywhere in
 * the name, which only a trigram index serves on PostgreSQL.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addIndex('integration_budgets', ['created_at']);
  await qi.addIndex('integration_budgets', ['region_code', 'created_at']);
  if (qi.sequelize.getDialect() !== 'postgres') return;
  const [available] = await qi.sequelize.query("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'");
  if (!(available as unknown[]).length) return;
  try {
    await qi.sequelize.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch {
    // Without the right to create it, the search still works, by a scan; the README says how to add it later.
    return;
  }
  await qi.sequelize.query(`CREATE INDEX IF NOT EXISTS ${TRIGRAM_INDEX} ON integration_budgets USING gin (unit_name gin_trgm_ops)`);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  if (qi.sequelize.getDialect() === 'postgres') await qi.sequelize.query(`DROP INDEX IF EXISTS ${TRIGRAM_INDEX}`);
  await qi.removeIndex('integration_budgets', ['region_code', 'created_at']);
  await qi.removeIndex('integration_budgets', ['created_at']);
}
