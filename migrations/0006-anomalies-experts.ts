import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const region = { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } };
const workflowState = {
  type: DataTypes.ENUM('editing', 'submitted', 'unit_approved', 'awaiting_supervisor', 'approved', 'rejected'),
  allowNull: false,
};
const decision = {
  confirmation_required: { type: DataTypes.BOOLEAN, allowNull: false },
  confirmation_basis: { type: DataTypes.TEXT, allowNull: false },
  unit_approved_at: { type: DataTypes.DATE, allowNull: true },
  decided_at: { type: DataTypes.DATE, allowNull: true },
  decided_by: { type: DataTypes.STRING(64), allowNull: true },
  decision_reason: { type: DataTypes.TEXT, allowNull: true },
  version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
};

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('failed_tender_handlings', {
    id,
    project_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
    project_no: { type: DataTypes.STRING(64), allowNull: false },
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    region_code: region,
    category: { type: DataTypes.ENUM('goods', 'works', 'services'), allowNull: false },
    amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    original_method: { type: DataTypes.STRING(40), allowNull: false },
    new_method: { type: DataTypes.STRING(40), allowNull: false },
    failure_reason: { type: DataTypes.TEXT, allowNull: false },
    state: workflowState,
    ...decision,
    ...timestamps,
  });
  await qi.addIndex('failed_tender_handlings', ['region_code', 'state']);
  await qi.addIndex('failed_tender_handlings', ['original_method']);

  await qi.createTable('pre_award_anomalies', {
    id,
    project_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
    project_no: { type: DataTypes.STRING(64), allowNull: false },
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    region_code: region,
    agency_name: { type: DataTypes.STRING(200), allowNull: false },
    method_changed: { type: DataTypes.BOOLEAN, allowNull: false },
    ranking_changed: { type: DataTypes.BOOLEAN, allowNull: false },
    winner_name_changed: { type: DataTypes.BOOLEAN, allowNull: false },
    original_winner: { type: DataTypes.STRING(200), allowNull: false },
    new_winner: { type: DataTypes.STRING(200), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false },
    state: workflowState,
    ...decision,
    ...timestamps,
  });
  await qi.addIndex('pre_award_anomalies', ['region_code', 'state']);

  await qi.createTable('experts', {
    id,
    name: { type: DataTypes.STRING(50), allowNull: false },
    id_number_masked: { type: DataTypes.STRING(18), allowNull: false },
    gender: { type: DataTypes.ENUM('male', 'female'), allowNull: false },
    title: { type: DataTypes.STRING(50), allowNull: false },
    work_unit: { type: DataTypes.STRING(200), allowNull: false },
    phone: { type: DataTypes.STRING(30), allowNull: false },
    registration_region: region,
    specialties: { type: DataTypes.STRING(300), allowNull: false },
    state: { type: DataTypes.ENUM('submitted', 'approved', 'rejected'), allowNull: false },
    submitted_at: { type: DataTypes.DATE, allowNull: false },
    reviewed_at: { type: DataTypes.DATE, allowNull: true },
    reviewed_by: { type: DataTypes.STRING(64), allowNull: true },
    review_reason: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('experts', ['registration_region', 'state']);

  const step = (prefix: string) => ({
    [`${prefix}_by`]: { type: DataTypes.STRING(64), allowNull: true },
    [`${prefix}_at`]: { type: DataTypes.DATE, allowNull: true },
  });
  await qi.createTable('expert_specialty_reviews', {
    id,
    expert_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'experts', key: 'id' } },
    expert_name: { type: DataTypes.STRING(50), allowNull: false },
    registration_region: region,
    specialty_code: { type: DataTypes.STRING(20), allowNull: false },
    specialty_name: { type: DataTypes.STRING(100), allowNull: false },
    state: { type: DataTypes.ENUM('city_review', 'province_review', 'gongguanban_review', 'approved', 'returned'), allowNull: false },
    applied_at: { type: DataTypes.DATE, allowNull: false },
    ...step('city_reviewed'),
    ...step('province_reviewed'),
    ...step('gongguanban_reviewed'),
    returned_at: { type: DataTypes.DATE, allowNull: true },
    returned_by: { type: DataTypes.STRING(64), allowNull: true },
    return_reason: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('expert_specialty_reviews', ['registration_region', 'state']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['expert_specialty_reviews', 'experts', 'pre_award_anomalies', 'failed_tender_handlings']) await qi.dropTable(table);
}
