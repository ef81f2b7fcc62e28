import { DataTypes, type QueryInterface } from 'sequelize';

/** Tables whose pending records carry a due date, and the flag the daily job keeps current. */
export const DEADLINE_TABLES = [
  'procurement_units',
  'experts',
  'expert_specialty_reviews',
  'failed_tender_handlings',
  'pre_award_anomalies',
  'payment_applications',
  'method_change_requests',
  'import_product_requests',
] as const;

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of DEADLINE_TABLES) {
    await qi.addColumn(table, 'due_date', { type: DataTypes.DATEONLY, allowNull: true });
    await qi.addColumn(table, 'overdue_days', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
    await qi.addColumn(table, 'overdue', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
    await qi.addIndex(table, ['overdue']);
  }
  await qi.addColumn('contract_filings', 'late_filing_days', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  await qi.addColumn('contract_filings', 'late_filing', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });

  await qi.createTable('escalations', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    step: { type: DataTypes.STRING(40), allowNull: false },
    resource_id: { type: DataTypes.STRING(60), allowNull: false },
    record_id: { type: DataTypes.STRING(40), allowNull: false },
    record_title: { type: DataTypes.STRING(300), allowNull: false },
    region_code: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
    escalated_to: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
    due_date: { type: DataTypes.DATEONLY, allowNull: false },
    overdue_days: { type: DataTypes.INTEGER, allowNull: false },
    escalated_at: { type: DataTypes.DATE, allowNull: false },
    resolved: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  // The same record is escalated once per step and due date, however often the daily job runs.
  await qi.addIndex('escalations', ['resource_id', 'record_id', 'step', 'due_date'], { unique: true });
  await qi.addIndex('escalations', ['escalated_to', 'resolved']);

  await qi.createTable('data_exports', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    user_id: { type: DataTypes.INTEGER, allowNull: false },
    username: { type: DataTypes.STRING(64), allowNull: false },
    user_role: { type: DataTypes.STRING(20), allowNull: false },
    user_region: { type: DataTypes.STRING(6), allowNull: false },
    resource_id: { type: DataTypes.STRING(60), allowNull: false },
    filters: { type: DataTypes.TEXT, allowNull: false },
    sort_by: { type: DataTypes.STRING(60), allowNull: true },
    direction: { type: DataTypes.STRING(4), allowNull: true },
    state: { type: DataTypes.ENUM('queued', 'running', 'done', 'failed'), allowNull: false },
    total: { type: DataTypes.INTEGER, allowNull: true },
    done: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    file_name: { type: DataTypes.STRING(200), allowNull: true },
    error: { type: DataTypes.TEXT, allowNull: true },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    finished_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('data_exports', ['user_id', 'created_at']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('data_exports');
  await qi.dropTable('escalations');
  for (const column of ['late_filing_days', 'late_filing']) await qi.removeColumn('contract_filings', column);
  for (const table of DEADLINE_TABLES) {
    for (const column of ['due_date', 'overdue_days', 'overdue']) await qi.removeColumn(table, column);
  }
}
