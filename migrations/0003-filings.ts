import { DataTypes, type QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('contract_filings', 'status', { type: DataTypes.ENUM('filed', 'returned'), allowNull: false, defaultValue: 'filed' });
  await qi.addColumn('contract_filings', 'returned_at', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('contract_filings', 'return_reason', { type: DataTypes.TEXT, allowNull: true });
  await qi.addColumn('contract_filings', 'push_verdict', {
    type: DataTypes.ENUM('pushable', 'blocked'),
    allowNull: false,
    defaultValue: 'blocked',
  });
  await qi.addColumn('contract_filings', 'push_route', {
    type: DataTypes.ENUM('manual', 'legacy', 'purchaser', 'not_integrated'),
    allowNull: false,
    defaultValue: 'manual',
  });
  await qi.addColumn('contract_filings', 'push_reasons', { type: DataTypes.TEXT, allowNull: true });
  await qi.addColumn('contract_filings', 'trigger_date', { type: DataTypes.DATEONLY, allowNull: true });
  await qi.addColumn('contract_filings', 'paid_amount', { type: DataTypes.DECIMAL(15, 2), allowNull: false, defaultValue: 0 });
  await qi.addColumn('contract_filings', 'overpaid', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  await qi.addIndex('contract_filings', ['push_verdict', 'push_route']);

  await qi.createTable('acceptance_filings', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    contract_filing_id: { type: DataTypes.INTEGER, allowNull: false, unique: true, references: { model: 'contract_filings', key: 'id' } },
    region_code: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
    accepted_at: { type: DataTypes.DATEONLY, allowNull: false },
    accepted_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    filed_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('acceptance_filings', ['region_code']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('acceptance_filings');
  for (const column of [
    'status',
    'returned_at',
    'return_reason',
    'push_verdict',
    'push_route',
    'push_reasons',
    'trigger_date',
    'paid_amount',
    'overpaid',
  ]) {
    await qi.removeColumn('contract_filings', column);
  }
}
