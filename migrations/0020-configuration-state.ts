import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * What the audit trail last recorded of the administrators' configuration (issue #29 item 5): each configuration
 * file's SM3 and each security-policy setting in force, by name, so that a start finds what changed since the one
 * before and records it (services/configuration-audit.ts).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('configuration_state', {
    name: { type: DataTypes.STRING(100), primaryKey: true, allowNull: false },
    value: { type: DataTypes.STRING(200), allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('configuration_state');
}
