import { QueryTypes, type Sequelize } from 'sequelize';

/** This database's instance id (see migrations/0011-database-instance.ts); the database must be migrated. */
export async function databaseInstanceId(sequelize: Sequelize): Promise<string> {
  const rows = await sequelize.query<{ id: string }>('SELECT id FROM database_instance', { type: QueryTypes.SELECT });
  if (rows.length !== 1) throw new Error(`database_instance holds ${rows.length} rows, expected 1`);
  return rows[0]!.id;
}
