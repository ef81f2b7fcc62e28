import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const region = { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } };
const unit = { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } };
const project = { type: DataTypes.INTEGER, allowNull: true, references: { model: 'procurement_projects', key: 'id' } };
const decision = {
  state: { type: DataTypes.ENUM('submitted', 'approved', 'rejected'), allowNull: false, defaultValue: 'submitted' },
  approving_region: { type: DataTypes.STRING(6), allowNull: false },
  submitted_at: { type: DataTypes.DATE, allowNull: false },
  decided_at: { type: DataTypes.DATE, allowNull: true },
  decided_by: { type: DataTypes.STRING(64), allowNull: true },
  decision_reason: { type: DataTypes.TEXT, allowNull: true },
  version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
};

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('procurement_intentions', {
    id,
    procurement_unit_id: unit,
    region_code: region,
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    requirement_summary: { type: DataTypes.TEXT, allowNull: false },
    budget_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    expected_month: { type: DataTypes.STRING(7), allowNull: false },
    published_at: { type: DataTypes.DATEONLY, allowNull: false },
    project_id: project,
    procurement_start_at: { type: DataTypes.DATEONLY, allowNull: true },
    shortfall_days: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    insufficient_notice: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...timestamps,
  });
  await qi.addIndex('procurement_intentions', ['region_code', 'insufficient_notice']);

  await qi.createTable('method_change_requests', {
    id,
    project_id: project,
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    procurement_unit_id: unit,
    region_code: region,
    category: { type: DataTypes.ENUM('goods', 'works', 'services'), allowNull: false },
    amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    original_method: { type: DataTypes.STRING(40), allowNull: false },
    requested_method: { type: DataTypes.STRING(40), allowNull: false },
    legal_ground: { type: DataTypes.STRING(300), allowNull: false },
    reasons: { type: DataTypes.TEXT, allowNull: false },
    expert_opinion: { type: DataTypes.TEXT, allowNull: false },
    notice_start_at: { type: DataTypes.DATEONLY, allowNull: true },
    notice_end_at: { type: DataTypes.DATEONLY, allowNull: true },
    ...decision,
    ...timestamps,
  });
  await qi.addIndex('method_change_requests', ['region_code', 'state']);

  await qi.createTable('import_product_requests', {
    id,
    project_id: project,
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    procurement_unit_id: unit,
    region_code: region,
    product_name: { type: DataTypes.STRING(200), allowNull: false },
    origin_country: { type: DataTypes.STRING(50), allowNull: false },
    amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    reasons: { type: DataTypes.TEXT, allowNull: false },
    expert_opinion: { type: DataTypes.TEXT, allowNull: false },
    ...decision,
    ...timestamps,
  });
  await qi.addIndex('import_product_requests', ['region_code', 'state']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['import_product_requests', 'method_change_requests', 'procurement_intentions']) await qi.dropTable(table);
}
