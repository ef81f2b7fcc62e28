import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false };
const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};
const library = { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_libraries', key: 'id' } };
const libraryRegion = { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } };

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('agreement_libraries', {
    id,
    owner_region_code: { type: DataTypes.STRING(6), allowNull: false, unique: true, references: { model: 'regions', key: 'code' } },
    name: { type: DataTypes.STRING(100), allowNull: false },
    created_by: { type: DataTypes.STRING(64), allowNull: false },
    categories_initialized_at: { type: DataTypes.DATE, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });

  await qi.createTable('agreement_categories', {
    id,
    library_id: library,
    library_region_code: libraryRegion,
    code: { type: DataTypes.STRING(20), allowNull: false },
    name: { type: DataTypes.STRING(100), allowNull: false },
    parent_code: { type: DataTypes.STRING(20), allowNull: true },
    level: { type: DataTypes.INTEGER, allowNull: false },
    is_leaf: { type: DataTypes.BOOLEAN, allowNull: false },
    title: { type: DataTypes.STRING(200), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('agreement_categories', ['library_id', 'code'], { unique: true });
  await qi.addIndex('agreement_categories', ['library_region_code', 'code']);

  await qi.createTable('agreement_suppliers', {
    id,
    library_id: library,
    library_region_code: libraryRegion,
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    credit_code: { type: DataTypes.STRING(18), allowNull: false },
    contact_name: { type: DataTypes.STRING(50), allowNull: true },
    contact_phone: { type: DataTypes.STRING(30), allowNull: true },
    valid_from: { type: DataTypes.DATEONLY, allowNull: false },
    valid_to: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.ENUM('active', 'removed'), allowNull: false, defaultValue: 'active' },
    title: { type: DataTypes.STRING(300), allowNull: false },
    removed_at: { type: DataTypes.DATE, allowNull: true },
    removed_by: { type: DataTypes.STRING(64), allowNull: true },
    remove_reason: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('agreement_suppliers', ['library_id', 'credit_code']);
  await qi.addIndex('agreement_suppliers', ['library_region_code', 'status']);

  await qi.createTable('agreement_goods', {
    id,
    library_id: library,
    library_region_code: libraryRegion,
    category_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_categories', key: 'id' } },
    name: { type: DataTypes.STRING(200), allowNull: false },
    brand: { type: DataTypes.STRING(100), allowNull: false },
    model_no: { type: DataTypes.STRING(100), allowNull: false },
    specification: { type: DataTypes.TEXT, allowNull: true },
    unit_price: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    supplier_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_suppliers', key: 'id' } },
    created_by: { type: DataTypes.STRING(64), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('agreement_goods', ['library_region_code', 'category_id']);
  await qi.addIndex('agreement_goods', ['supplier_id']);

  await qi.createTable('bidding_records', {
    id,
    bidding_no: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    project_name: { type: DataTypes.STRING(300), allowNull: false },
    purchaser_name: { type: DataTypes.STRING(200), allowNull: false },
    region_code: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
    library_id: library,
    library_region_code: libraryRegion,
    goods_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'agreement_goods', key: 'id' } },
    goods_summary: { type: DataTypes.STRING(300), allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    ceiling_price: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    status: { type: DataTypes.ENUM('bidding', 'quoting', 'ended', 'returned'), allowNull: false },
    start_at: { type: DataTypes.DATE, allowNull: false },
    end_at: { type: DataTypes.DATE, allowNull: false },
    participant_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lowest_quote: { type: DataTypes.DECIMAL(15, 2), allowNull: true },
    winning_supplier_name: { type: DataTypes.STRING(200), allowNull: true },
    returned_at: { type: DataTypes.DATE, allowNull: true },
    return_reason: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    ...timestamps,
  });
  await qi.addIndex('bidding_records', ['library_region_code', 'status', 'end_at']);

  await qi.createTable('bidding_quotes', {
    id,
    bidding_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'bidding_records', key: 'id' } },
    library_region_code: libraryRegion,
    supplier_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'agreement_suppliers', key: 'id' } },
    supplier_name: { type: DataTypes.STRING(200), allowNull: false },
    quote_amount: { type: DataTypes.DECIMAL(15, 2), allowNull: false },
    quoted_at: { type: DataTypes.DATE, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('bidding_quotes', ['bidding_id']);
  await qi.addIndex('bidding_quotes', ['supplier_id']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'bidding_quotes',
    'bidding_records',
    'agreement_goods',
    'agreement_suppliers',
    'agreement_categories',
    'agreement_libraries',
  ]) {
    await qi.dropTable(table);
  }
}
