import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/** Name → value: each configuration file's SM3 and each security setting, as last recorded (migrations/0020). */
export type ConfigurationState = Record<string, string>;

const TABLE = 'configuration_state';

export async function readConfigurationState(sequelize: Sequelize, transaction: Transaction): Promise<ConfigurationState> {
  const rows = await sequelize.query<{ name: string; value: string }>(`SELECT name, value FROM ${TABLE}`, {
    type: QueryTypes.SELECT,
    transaction,
  });
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

export async function writeConfigurationState(sequelize: Sequelize, transaction: Transaction, state: ConfigurationState): Promise<void> {
  await sequelize.query(`DELETE FROM ${TABLE}`, { transaction });
  const names = Object.keys(state);
  if (!names.length) return;
  await sequelize.query(`INSERT INTO ${TABLE} (name, value) VALUES ${names.map(() => '(?, ?)').join(', ')}`, {
    replacements: names.flatMap((name) => [name, state[name]!]),
    transaction,
  });
}
