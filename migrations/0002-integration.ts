import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const money = { type: DataTypes.DECIMAL(15, 2), allowNull: false };

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('integration_budgets', {
    id,
    budget_line_id: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    fiscal_year: { type: DataTypes.INTEGER, allowNull: false },
    region_code: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
    unit_budget_code: { type: DataTypes.STRING(50), allowNull: false },
    unit_name: { type: DataTypes.STRING(200), allowNull: false },
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    category_code: { type: DataTypes.STRING(30), allowNull: false },
    amount: money,
    fund_type: { type: DataTypes.STRING(50), allowNull: false },
    source_updated_at: { type: DataTypes.DATE, allowNull: false },
    procurement_unit_id: { type: DataTypes.INTEGER, allowNull: true },
    match_status: { type: DataTypes.ENUM('unmatched', 'matched'), allowNull: false, defaultValue: 'unmatched' },
    matched_project_code: { type: DataTypes.STRING(64), allowNull: true },
    matched_project_name: { type: DataTypes.STRING(300), allowNull: true },
    matched_at: { type: DataTypes.DATE, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('integration_budgets', ['region_code', 'fiscal_year']);
  await qi.addIndex('integration_budgets', ['unit_budget_code']);
  await qi.addIndex('integration_budgets', ['match_status']);

  await qi.createTable('payment_vouchers', {
    id,
    voucher_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    budget_line_id: { type: DataTypes.STRING(64), allowNull: false },
    contract_no: { type: DataTypes.STRING(64), allowNull: true },
    payee_name: { type: DataTypes.STRING(200), allowNull: false },
    amount: money,
    paid_at: { type: DataTypes.DATE, allowNull: false },
    // Learnt from the budget line, which may arrive after the voucher; null until then.
    region_code: { type: DataTypes.STRING(6), allowNull: true },
    procurement_unit_id: { type: DataTypes.INTEGER, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('payment_vouchers', ['budget_line_id']);
  await qi.addIndex('payment_vouchers', ['region_code']);
  await qi.addIndex('payment_vouchers', ['contract_no']);

  await qi.createTable('integration_inbox', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    kind: { type: DataTypes.ENUM('budgets', 'units', 'payment-vouchers'), allowNull: false },
    state: { type: DataTypes.ENUM('received', 'processing', 'done', 'failed'), allowNull: false },
    app_key: { type: DataTypes.STRING(64), allowNull: false },
    signature: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    item_count: { type: DataTypes.INTEGER, allowNull: false },
    accepted_count: { type: DataTypes.INTEGER, allowNull: false },
    rejected_count: { type: DataTypes.INTEGER, allowNull: false },
    applied_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    unchanged_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    failed_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    item_errors: { type: DataTypes.TEXT, allowNull: true },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    replay_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    received_at: { type: DataTypes.DATE, allowNull: false },
    started_at: { type: DataTypes.DATE, allowNull: true },
    finished_at: { type: DataTypes.DATE, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
  await qi.addIndex('integration_inbox', ['state', 'received_at']);

  // Apart from the batch row so lists of batches never drag megabytes of JSON along.
  await qi.createTable('integration_inbox_payloads', {
    batch_id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false, references: { model: 'integration_inbox', key: 'id' } },
    body: { type: DataTypes.TEXT, allowNull: false },
  });

  await qi.createTable('contract_filings', {
    id,
    kind: { type: DataTypes.ENUM('procurement', 'agreement', 'self_run'), allowNull: false },
    contract_no: { type: DataTypes.STRING(64), allowNull: false },
    contract_name: { type: DataTypes.STRING(300), allowNull: true },
    signed_at: { type: DataTypes.DATEONLY, allowNull: true },
    amount: money,
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    procurement_method: { type: DataTypes.STRING(40), allowNull: false },
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    procurement_unit_id: { type: DataTypes.INTEGER, allowNull: true },
    region_code: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
    budget_line_id: { type: DataTypes.STRING(64), allowNull: true },
    virtual_budget_id: { type: DataTypes.INTEGER, allowNull: true },
    budget_year: { type: DataTypes.INTEGER, allowNull: false },
    budget_type: { type: DataTypes.ENUM('integrated', 'virtual'), allowNull: false },
    filed_at: { type: DataTypes.DATE, allowNull: false },
    push_status: { type: DataTypes.ENUM('not_pushed', 'queued', 'pushed', 'failed'), allowNull: false, defaultValue: 'not_pushed' },
    pushed_at: { type: DataTypes.DATE, allowNull: true },
    last_push_error: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('contract_filings', ['region_code', 'push_status']);
  await qi.addIndex('contract_filings', ['budget_line_id']);
  await qi.addIndex('contract_filings', ['contract_no']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['contract_filings', 'integration_inbox_payloads', 'integration_inbox', 'payment_vouchers', 'integration_budgets']) {
    await qi.dropTable(table);
  }
}
