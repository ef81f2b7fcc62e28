import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const region = { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

/**
 * 智慧监管 (issue #30): the red flags the rules raise (risk_flags, one row per rule and subject, kept by the evaluation
 * job), the supervision cases opened from them (supervision_cases, with a deadline per step) and the questions and
 * answers of each case (case_entries). Rules, severities and states are strings, so a new rule needs no migration.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('supervision_cases', {
    id,
    case_no: { type: DataTypes.STRING(30), allowNull: false, unique: true },
    region_code: region,
    title: { type: DataTypes.STRING(300), allowNull: false },
    status: { type: DataTypes.STRING(12), allowNull: false, defaultValue: 'assigned' },
    conclusion: { type: DataTypes.STRING(12), allowNull: true },
    measures: { type: DataTypes.TEXT, allowNull: true },
    reason: { type: DataTypes.TEXT, allowNull: true },
    opened_at: { type: DataTypes.DATE, allowNull: false },
    opened_by: { type: DataTypes.STRING(64), allowNull: false },
    step_started_at: { type: DataTypes.DATE, allowNull: false },
    concluded_at: { type: DataTypes.DATE, allowNull: true },
    concluded_by: { type: DataTypes.STRING(64), allowNull: true },
    due_date: { type: DataTypes.DATEONLY, allowNull: true },
    overdue_days: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    overdue: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('supervision_cases', ['region_code', 'status']);
  await qi.addIndex('supervision_cases', ['overdue']);

  await qi.createTable('case_entries', {
    id,
    case_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'supervision_cases', key: 'id' } },
    region_code: region,
    kind: { type: DataTypes.STRING(10), allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false },
    by: { type: DataTypes.STRING(64), allowNull: false },
    at: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('case_entries', ['case_id', 'at']);
  await qi.addIndex('case_entries', ['region_code']);

  await qi.createTable('risk_flags', {
    id,
    rule: { type: DataTypes.STRING(40), allowNull: false },
    subject_type: { type: DataTypes.STRING(60), allowNull: false },
    subject_id: { type: DataTypes.STRING(64), allowNull: false },
    subject_label: { type: DataTypes.STRING(200), allowNull: false },
    region_code: region,
    severity: { type: DataTypes.STRING(10), allowNull: false },
    amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    score: { type: DataTypes.DECIMAL(18, 2), allowNull: false },
    figures: { type: DataTypes.JSON, allowNull: false },
    threshold: { type: DataTypes.STRING(300), allowNull: false },
    basis: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'open' },
    raised_at: { type: DataTypes.DATE, allowNull: false },
    cleared_at: { type: DataTypes.DATE, allowNull: true },
    evaluated_at: { type: DataTypes.DATE, allowNull: false },
    case_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'supervision_cases', key: 'id' } },
    ...timestamps,
  });
  // One flag per rule and subject: the evaluation upserts by this key, however often it runs.
  await qi.addIndex('risk_flags', ['rule', 'subject_type', 'subject_id'], { unique: true });
  await qi.addIndex('risk_flags', ['region_code', 'status', 'score']);
  await qi.addIndex('risk_flags', ['case_id']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of ['risk_flags', 'case_entries', 'supervision_cases']) await qi.dropTable(table);
}
