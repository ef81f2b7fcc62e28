import { DataTypes, type QueryInterface } from 'sequelize';
import { openPersonal } from '../db/personal-data/personal-cipher.js';
import { sealedColumnOf } from '../db/personal-data/personal-columns.js';
import { resealPersonalData, type PersonalSite } from '../db/personal-data/reseal.js';

/**
 * Contact phones become personal data at rest (GB/T 39786, issue #29): beside each phone column go its SM4-sealed
 * value and its HMAC-SM3 index, the phone column keeps only the masked number, and every number stored so far is
 * sealed and masked here, with the keys of PERSONAL_DATA_KEYS / PERSONAL_DATA_INDEX_KEY. The list is this migration's
 * own, as it was when written; `npm run personal-data:rekey` works from the records' declarations instead.
 * Old row versions may keep the plain text in the database's free space until it is reused: run VACUUM after it
 * (README 等保/国密).
 */
const SITES: PersonalSite[] = [
  { table: 'procurement_units', field: 'phone', personal: { kind: 'phone', sealed: 'phoneSealed', index: 'phoneIndex' } },
  { table: 'experts', field: 'phone', personal: { kind: 'phone', sealed: 'phoneSealed', index: 'phoneIndex' } },
  {
    table: 'agreement_suppliers',
    field: 'contactPhone',
    personal: { kind: 'phone', sealed: 'contactPhoneSealed', index: 'contactPhoneIndex' },
  },
  {
    table: 'supplier_registrations',
    field: 'contactPhone',
    personal: { kind: 'phone', sealed: 'contactPhoneSealed', index: 'contactPhoneIndex' },
  },
];

const columnOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const { table, personal } of SITES) {
    const columns = await qi.describeTable(table);
    // A run cut short (columns added, rows not all sealed) is taken up where it stopped.
    if (!columns[columnOf(personal.sealed)]) {
      await qi.addColumn(table, columnOf(personal.sealed), { type: DataTypes.STRING(255), allowNull: true });
      await qi.addColumn(table, columnOf(personal.index), { type: DataTypes.STRING(64), allowNull: true });
      await qi.addIndex(table, [columnOf(personal.index)]);
    }
  }
  await resealPersonalData(qi.sequelize, SITES);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const { table, field, personal } of SITES) {
    const [shown, sealed, index] = [field, personal.sealed, personal.index].map(columnOf);
    const rows = (await qi.sequelize.query(`SELECT id, ${sealed} AS sealed FROM ${table} WHERE ${sealed} IS NOT NULL`))[0] as Array<{
      id: number;
      sealed: string;
    }>;
    for (const row of rows) {
      const text = openPersonal(row.sealed, sealedColumnOf(table, field));
      await qi.sequelize.query(`UPDATE ${table} SET ${shown} = ? WHERE id = ?`, { replacements: [text, row.id] });
    }
    await qi.removeIndex(table, [index!]);
    // Plain ALTER TABLE on both engines: Sequelize's SQLite removeColumn rebuilds the table and loses its indexes.
    for (const column of [index, sealed]) await qi.sequelize.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
  }
}
