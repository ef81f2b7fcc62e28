import { DataTypes, type QueryInterface } from 'sequelize';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const region = { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } };
const project = { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } };
const category = { type: DataTypes.ENUM('goods', 'works', 'services'), allowNull: false };

/*
 * Enum columns are cast to text so that both halves of the union have one type on PostgreSQL; the view is the one
 * list of 预算管理, where 一体化 lines and virtual budgets are seen side by side.
 */
const BUDGET_OVERVIEW = `
CREATE VIEW budget_overview AS
SELECT 'I' || b.id AS id, 'integrated' AS kind, b.id AS source_id, b.budget_line_id AS budget_no, b.fiscal_year,
       b.region_code, b.procurement_unit_id, b.unit_name, b.project_name,
       CASE substr(b.category_code, 1, 1) WHEN 'A' THEN 'goods' WHEN 'B' THEN 'works' ELSE 'services' END AS category,
       b.amount, b.fund_type AS fund_source, CAST(NULL AS VARCHAR(40)) AS scenario,
       CAST(b.match_status AS VARCHAR(20)) AS link_status, b.created_at, b.updated_at
  FROM integration_budgets b
UNION ALL
SELECT 'V' || v.id, 'virtual', v.id, v.budget_no, v.fiscal_year,
       v.region_code, v.procurement_unit_id, u.name, v.project_name,
       CAST(v.category AS VARCHAR(20)),
       v.amount, v.fund_source, CAST(v.scenario AS VARCHAR(40)),
       CASE WHEN v.linked_budget_line_id IS NULL THEN 'unlinked' ELSE 'linked' END, v.created_at, v.updated_at
  FROM virtual_budgets v LEFT JOIN procurement_units u ON u.id = v.procurement_unit_id`;

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('virtual_budgets', {
    id,
    budget_no: { type: DataTypes.STRING(40), allowNull: false, unique: true },
    procurement_unit_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
    region_code: region,
    fiscal_year: { type: DataTypes.INTEGER, allowNull: false },
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    category,
    amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    fund_source: { type: DataTypes.STRING(50), allowNull: false },
    scenario: {
      type: DataTypes.ENUM('funds_assured', 'province_wide_split', 'multi_year_service', 'partly_self_funded', 'central_unit'),
      allowNull: false,
    },
    remark: { type: DataTypes.TEXT, allowNull: true },
    linked_budget_line_id: { type: DataTypes.STRING(64), allowNull: true },
    linked_at: { type: DataTypes.DATE, allowNull: true },
    created_by: { type: DataTypes.STRING(64), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('virtual_budgets', ['region_code', 'fiscal_year']);
  await qi.addIndex('virtual_budgets', ['procurement_unit_id']);

  await qi.createTable('procurement_projects', {
    id,
    project_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(300), allowNull: false },
    procurement_unit_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_units', key: 'id' } },
    region_code: region,
    budget_year: { type: DataTypes.INTEGER, allowNull: false },
    budget_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    category,
    procurement_method: { type: DataTypes.STRING(40), allowNull: false },
    budget_review_status: { type: DataTypes.ENUM('pending', 'approved', 'returned'), allowNull: false },
    budget_reviewed_at: { type: DataTypes.DATE, allowNull: true },
    budget_review_opinion: { type: DataTypes.TEXT, allowNull: true },
    organisation_form: { type: DataTypes.ENUM('centralized', 'departmental', 'decentralized'), allowNull: false },
    designated_agency: { type: DataTypes.STRING(200), allowNull: true },
    agency_mode: { type: DataTypes.ENUM('self_organised', 'entrusted'), allowNull: true },
    agency_name: { type: DataTypes.STRING(200), allowNull: true },
    social_agency_name: { type: DataTypes.STRING(200), allowNull: true },
    entrusted_at: { type: DataTypes.DATE, allowNull: true },
    stage: { type: DataTypes.ENUM('planning', 'bidding', 'awarded', 'contracted', 'failed'), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('procurement_projects', ['region_code']);
  await qi.addIndex('procurement_projects', ['organisation_form']);
  await qi.addIndex('procurement_projects', ['budget_review_status']);

  await qi.createTable('project_budget_lines', {
    id,
    project_id: project,
    region_code: region,
    budget_kind: { type: DataTypes.ENUM('integrated', 'virtual'), allowNull: false },
    budget_no: { type: DataTypes.STRING(64), allowNull: false },
    amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('project_budget_lines', ['project_id']);
  await qi.addIndex('project_budget_lines', ['budget_no']);

  await qi.createTable('announcements', {
    id,
    project_id: project,
    region_code: region,
    type: { type: DataTypes.ENUM('procurement', 'change', 'tender_document', 'addendum', 'result'), allowNull: false },
    title: { type: DataTypes.STRING(300), allowNull: false },
    published_at: { type: DataTypes.DATE, allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    attachment_name: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('announcements', ['region_code', 'published_at']);
  await qi.addIndex('announcements', ['project_id']);

  await qi.createTable('announcement_attachments', {
    id,
    announcement_id: { type: DataTypes.INTEGER, allowNull: false, unique: true, references: { model: 'announcements', key: 'id' } },
    file_name: { type: DataTypes.STRING(200), allowNull: false },
    mime_type: { type: DataTypes.STRING(100), allowNull: false },
    content: { type: DataTypes.BLOB, allowNull: false },
    ...timestamps,
  });

  await qi.createTable('supplier_registrations', {
    id,
    project_id: project,
    region_code: region,
    package_no: { type: DataTypes.STRING(20), allowNull: false },
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    supplier_credit_code: { type: DataTypes.STRING(18), allowNull: false },
    contact_name: { type: DataTypes.STRING(50), allowNull: false },
    contact_phone: { type: DataTypes.STRING(30), allowNull: false },
    registered_at: { type: DataTypes.DATE, allowNull: false },
    status: { type: DataTypes.ENUM('registered', 'documents_obtained', 'withdrawn'), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('supplier_registrations', ['region_code', 'registered_at']);
  await qi.addIndex('supplier_registrations', ['project_id']);

  await qi.createTable('award_notices', {
    id,
    project_id: project,
    region_code: region,
    kind: { type: DataTypes.ENUM('entrusted', 'self_run'), allowNull: false },
    notice_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    supplier_credit_code: { type: DataTypes.STRING(18), allowNull: false },
    award_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    issued_at: { type: DataTypes.DATE, allowNull: false },
    agency_name: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('award_notices', ['region_code', 'kind', 'issued_at']);
  await qi.addIndex('award_notices', ['project_id']);

  await qi.createTable('post_award_records', {
    id,
    project_id: project,
    region_code: region,
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    contract_no: { type: DataTypes.STRING(64), allowNull: false },
    contract_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    signed_at: { type: DataTypes.DATEONLY, allowNull: false },
    accepted_at: { type: DataTypes.DATEONLY, allowNull: true },
    paid_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false, defaultValue: 0 },
    evaluation: { type: DataTypes.ENUM('excellent', 'good', 'fair', 'poor'), allowNull: true },
    remark: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('post_award_records', ['region_code']);
  await qi.addIndex('post_award_records', ['project_id']);

  await qi.createTable('payment_applications', {
    id,
    application_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    project_id: project,
    contract_filing_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'contract_filings', key: 'id' } },
    region_code: region,
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    contract_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    requested_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    paid_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false, defaultValue: 0 },
    applied_at: { type: DataTypes.DATE, allowNull: false },
    status: { type: DataTypes.ENUM('pending', 'approved', 'rejected'), allowNull: false, defaultValue: 'pending' },
    reviewed_at: { type: DataTypes.DATE, allowNull: true },
    reviewer_name: { type: DataTypes.STRING(64), allowNull: true },
    review_opinion: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('payment_applications', ['region_code', 'status']);
  await qi.addIndex('payment_applications', ['contract_filing_id', 'status']);

  await qi.sequelize.query(BUDGET_OVERVIEW);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.sequelize.query('DROP VIEW IF EXISTS budget_overview');
  for (const table of [
    'payment_applications',
    'post_award_records',
    'award_notices',
    'supplier_registrations',
    'announcement_attachments',
    'announcements',
    'project_budget_lines',
    'procurement_projects',
    'virtual_budgets',
  ]) {
    await qi.dropTable(table);
  }
}
