import type { QueryInterface } from 'sequelize';
import { createTrigramIndexes, dropTrigramIndexes, type TrigramColumns } from './trigram-indexes.js';

/**
 * Every contains-filter of the large tables reads a trigram index on PostgreSQL (issue #28): their names and numbers.
 * The records declare the same indexes (`trigramIndexes`, `large: true`); test/db/text-filter-indexes.test.ts checks
 * that each text filter of a large table has one. SQLite has no such index: there the filters scan (README, Search).
 */
const COLUMNS: TrigramColumns = {
  procurement_units: ['name', 'credit_code', 'unit_budget_code'],
  integration_budgets: ['budget_line_id', 'unit_budget_code', 'project_name', 'category_code', 'fund_type'],
  integration_units: ['unit_budget_code', 'unit_name', 'credit_code'],
  payment_vouchers: ['voucher_no', 'budget_line_id', 'contract_no', 'payee_name'],
  procurement_projects: ['project_no', 'name', 'procurement_method', 'designated_agency', 'agency_name', 'social_agency_name'],
  project_budget_lines: ['budget_no'],
  procurement_intentions: ['project_name', 'expected_month'],
  contract_filings: ['contract_no', 'contract_name', 'procurement_method'],
  supplier_registrations: ['supplier_name', 'supplier_credit_code', 'package_no'],
  award_notices: ['notice_no', 'supplier_name', 'supplier_credit_code', 'agency_name'],
  post_award_records: ['contract_no', 'supplier_name'],
  payment_applications: ['application_no', 'supplier_name'],
  announcements: ['title'],
  agreement_suppliers: ['supplier_name', 'credit_code'],
  agreement_goods: ['name', 'brand', 'model_no'],
  bidding_records: ['bidding_no', 'project_name', 'purchaser_name'],
  bidding_quotes: ['supplier_name'],
  audit_logs: ['record_id'],
};

/** 0009 made this one where it could create pg_trgm then; it is made here otherwise, and stays 0009's to drop. */
const SINCE_0009: TrigramColumns = { integration_budgets: ['unit_name'] };

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await createTrigramIndexes(qi, SINCE_0009, COLUMNS);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await dropTrigramIndexes(qi, COLUMNS);
}
