import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const regionRef = { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } };

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('regions', {
    code: { type: DataTypes.STRING(6), primaryKey: true, allowNull: false },
    name: { type: DataTypes.STRING(50), allowNull: false },
    level: { type: DataTypes.ENUM('province', 'city', 'county'), allowNull: false },
    parent_code: { type: DataTypes.STRING(6), allowNull: true },
  });

  await qi.createTable('supervisor_users', {
    id,
    username: { type: DataTypes.STRING(50), allowNull: false, unique: true },
    display_name: { type: DataTypes.STRING(50), allowNull: false },
    role: { type: DataTypes.ENUM('admin', 'province', 'city', 'county', 'gongguanban'), allowNull: false },
    region_code: regionRef,
    password_hash: { type: DataTypes.STRING(200), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    last_login_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });

  await qi.createTable('audit_logs', {
    id,
    actor_id: { type: DataTypes.INTEGER, allowNull: true },
    actor_username: { type: DataTypes.STRING(50), allowNull: false },
    actor_role: { type: DataTypes.STRING(20), allowNull: false },
    actor_region: { type: DataTypes.STRING(6), allowNull: true },
    action: { type: DataTypes.STRING(50), allowNull: false },
    resource_id: { type: DataTypes.STRING(50), allowNull: false },
    record_id: { type: DataTypes.STRING(50), allowNull: true },
    region_code: { type: DataTypes.STRING(6), allowNull: true },
    changes: { type: DataTypes.TEXT, allowNull: true },
    reason: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('audit_logs', ['resource_id', 'record_id']);
  await qi.addIndex('audit_logs', ['region_code']);

  await qi.createTable('login_attempts', {
    id,
    username: { type: DataTypes.STRING(100), allowNull: false },
    ip: { type: DataTypes.STRING(64), allowNull: false },
    succeeded: { type: DataTypes.BOOLEAN, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('login_attempts', ['username', 'created_at']);
  await qi.addIndex('login_attempts', ['ip', 'created_at']);

  // The shape connect-session-sequelize expects; created here so start-up never syncs a schema behind our back.
  await qi.createTable('Sessions', {
    sid: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    expires: { type: DataTypes.DATE, allowNull: true },
    data: { type: DataTypes.TEXT, allowNull: true },
    createdAt: { type: DataTypes.DATE, allowNull: false },
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  });

  await qi.createTable('job_receipts', {
    id,
    job_id: { type: DataTypes.STRING(100), allowNull: false, unique: true },
    queue: { type: DataTypes.STRING(50), allowNull: false },
    worker_pid: { type: DataTypes.INTEGER, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });

  await qi.createTable('integration_units', {
    id,
    unit_budget_code: { type: DataTypes.STRING(50), allowNull: false, unique: true },
    unit_name: { type: DataTypes.STRING(200), allowNull: false },
    credit_code: { type: DataTypes.STRING(18), allowNull: true },
    region_code: regionRef,
    source_updated_at: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('integration_units', ['credit_code']);
  await qi.addIndex('integration_units', ['unit_name']);
  await qi.addIndex('integration_units', ['region_code']);

  await qi.createTable('procurement_units', {
    id,
    name: { type: DataTypes.STRING(200), allowNull: false },
    credit_code: { type: DataTypes.STRING(18), allowNull: false },
    unit_budget_code: { type: DataTypes.STRING(50), allowNull: false },
    region_code: regionRef,
    address: { type: DataTypes.STRING(300), allowNull: true },
    contact_name: { type: DataTypes.STRING(50), allowNull: true },
    phone: { type: DataTypes.STRING(30), allowNull: true },
    status: { type: DataTypes.ENUM('draft', 'submitted', 'approved', 'returned'), allowNull: false },
    formal_member: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    integration_budget_code: { type: DataTypes.STRING(50), allowNull: true },
    budget_code_verdict: { type: DataTypes.ENUM('match', 'mismatch', 'missing'), allowNull: false, defaultValue: 'missing' },
    submitted_at: { type: DataTypes.DATE, allowNull: true },
    reviewed_at: { type: DataTypes.DATE, allowNull: true },
    reviewer_name: { type: DataTypes.STRING(50), allowNull: true },
    review_comment: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('procurement_units', ['region_code', 'status']);
  await qi.addIndex('procurement_units', ['credit_code']);
  await qi.addIndex('procurement_units', ['unit_budget_code']);

  await qi.createTable('affiliations', {
    id,
    subordinate_unit_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
    supervising_unit_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
    region_code: regionRef,
    status: { type: DataTypes.ENUM('pending', 'confirmed', 'unbound'), allowNull: false },
    requested_at: { type: DataTypes.DATE, allowNull: false },
    confirmed_at: { type: DataTypes.DATE, allowNull: true },
    unbound_at: { type: DataTypes.DATE, allowNull: true },
    unbound_by: { type: DataTypes.STRING(50), allowNull: true },
    unbind_reason: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('affiliations', ['region_code', 'status']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'affiliations',
    'procurement_units',
    'integration_units',
    'job_receipts',
    'Sessions',
    'login_attempts',
    'audit_logs',
    'supervisor_users',
    'regions',
  ]) {
    await qi.dropTable(table);
  }
}
