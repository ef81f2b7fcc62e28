import type { QueryInterface } from 'sequelize';
import { createTrigramIndexes, dropTrigramIndexes, type TrigramColumns } from '../trigram-indexes.js';

/** The intermediate database grows by a row per pushed filing version: its list's contains-filters read trigram indexes. */
const COLUMNS: TrigramColumns = {
  payment_middle_records: ['contract_no', 'contract_name', 'supplier_name', 'budget_line_id'],
};

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await createTrigramIndexes(qi, COLUMNS);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await dropTrigramIndexes(qi, COLUMNS);
}
