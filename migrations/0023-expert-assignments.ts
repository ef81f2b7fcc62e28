import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * 专家评审记录 (issue #30, rule 专家重复): who sat on which project's evaluation panel, and when. The role is a string,
 * so a new one needs no migration.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('expert_assignments', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    expert_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'experts', key: 'id' } },
    project_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'procurement_projects', key: 'id' } },
    region_code: { type: DataTypes.STRING(6), allowNull: false, references: { model: 'regions', key: 'code' } },
    role: { type: DataTypes.STRING(10), allowNull: false, defaultValue: 'member' },
    evaluated_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('expert_assignments', ['expert_id', 'evaluated_at']);
  await qi.addIndex('expert_assignments', ['project_id']);
  await qi.addIndex('expert_assignments', ['region_code', 'evaluated_at']);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('expert_assignments');
}
