import { DataTypes, type QueryInterface } from 'sequelize';

/** The table the treasury payment system reads (国库支付系统中间库): one row per pushed filing version. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('payment_middle_records', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    source_filing_id: { type: DataTypes.INTEGER, allowNull: false },
    source_version: { type: DataTypes.INTEGER, allowNull: false },
    contract_no: { type: DataTypes.STRING(64), allowNull: false },
    contract_name: { type: DataTypes.STRING(300), allowNull: false },
    signed_at: { type: DataTypes.DATEONLY, allowNull: false },
    amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    budget_line_id: { type: DataTypes.STRING(64), allowNull: false },
    unit_budget_code: { type: DataTypes.STRING(50), allowNull: true },
    region_code: { type: DataTypes.STRING(6), allowNull: false },
    pushed_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('payment_middle_records', ['source_filing_id', 'source_version'], {
    unique: true,
    name: 'payment_middle_records_source_unique',
  });
  await qi.addIndex('payment_middle_records', ['region_code']);
  await qi.addIndex('payment_middle_records', ['contract_no']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('payment_middle_records');
}
