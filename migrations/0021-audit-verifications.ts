import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The audit trail's integrity checks (校验完整性, issue #29): a check of a province's trail takes minutes, so it runs as
 * a job and its row holds its progress and, once finished, what it found; the nightly check (asked by nobody) too,
 * so the audit administrator's page shows the last result without checking again.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('audit_verifications', {
    id: { type: DataTypes.STRING(36), primaryKey: true, allowNull: false },
    asked_by_id: { type: DataTypes.INTEGER, allowNull: true },
    asked_by_username: { type: DataTypes.STRING(64), allowNull: false },
    state: { type: DataTypes.STRING(10), allowNull: false },
    checked_rows: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    total_rows: { type: DataTypes.INTEGER, allowNull: true },
    result: { type: DataTypes.TEXT, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    started_at: { type: DataTypes.DATE, allowNull: true },
    finished_at: { type: DataTypes.DATE, allowNull: true },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('audit_verifications');
}
