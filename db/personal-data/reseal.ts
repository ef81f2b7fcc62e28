import { QueryTypes, type Sequelize } from 'sequelize';
import type { AnyRecordDeclaration, PersonalField } from '../record/field-types.js';
import { personalFieldsOf } from '../record/personal-fields.js';
import { openPersonal, PersonalDataUnreadable, sealingKeyId } from './personal-cipher.js';
import { personalColumns, sealedColumnOf } from './personal-columns.js';

/** Where one personal field lives: its table, its field and the columns of its three parts. */
export interface PersonalSite {
  table: string;
  field: string;
  personal: PersonalField;
}

/** Every personal field of the models this database's Sequelize knows, from their declarations. */
export function personalSitesOf(sequelize: Sequelize): PersonalSite[] {
  return Object.values(sequelize.models).flatMap((model) => {
    const declaration = (model as unknown as { declaration?: AnyRecordDeclaration }).declaration;
    if (!declaration || declaration.view) return [];
    return personalFieldsOf(declaration.fields).map(([field, personal]) => ({ table: declaration.table, field, personal }));
  });
}

/** What one pass did to one field's rows. */
export interface ResealCount {
  /** `table.column`. */
  column: string;
  /** Plain text found (written before 0015, by an older release or by SQL): sealed now. */
  sealed: number;
  /** Sealed under another key: opened and sealed again under the sealing key. */
  resealed: number;
  /** Sealed under a key no longer configured, or altered: left as they are, and counted. */
  unreadable: number;
}

const columnOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

interface Row {
  id: number;
  shown: string | null;
  sealed: string | null;
}

/**
 * Moves every value of `sites` to the sealing key (PERSONAL_DATA_KEYS' first), and seals any plain text it finds: the
 * migration that introduced sealing and the rotation (`npm run personal-data:rekey`) are this one pass. Rows are read
 * in key order, `batch` at a time, and each batch is written by one statement that changes a row only if its value is
 * still the one read, so a number changed in the panel meanwhile is never overwritten with the old one. The masked
 * and index columns of the rows it moves are written again from the value: a new PERSONAL_DATA_INDEX_KEY therefore goes
 * with a new sealing key, so that every row is moved (and exact search misses the rows not yet moved while it runs).
 */
export async function resealPersonalData(
  sequelize: Sequelize,
  sites: readonly PersonalSite[],
  { batch = 500 } = {},
): Promise<ResealCount[]> {
  const q = (name: string) => sequelize.getQueryInterface().quoteIdentifier(name);
  const keyId = sealingKeyId();
  const currentPrefix = `SM4$${keyId}$`;
  const counts: ResealCount[] = [];
  for (const site of sites) {
    const [table, shown, sealed, index] = [
      site.table,
      columnOf(site.field),
      columnOf(site.personal.sealed),
      columnOf(site.personal.index),
    ].map(q);
    const count: ResealCount = { column: sealedColumnOf(site.table, site.field), sealed: 0, resealed: 0, unreadable: 0 };
    let after = 0;
    for (;;) {
      const rows = await sequelize.query<Row>(
        `SELECT id, ${shown} AS shown, ${sealed} AS sealed FROM ${table}
          WHERE id > :after AND ((${sealed} IS NULL AND ${shown} IS NOT NULL)
             OR (${sealed} IS NOT NULL AND substr(${sealed}, 1, :prefixLength) <> :prefix))
          ORDER BY id LIMIT :batch`,
        { type: QueryTypes.SELECT, replacements: { after, prefixLength: currentPrefix.length, prefix: currentPrefix, batch } },
      );
      if (!rows.length) break;
      after = Number(rows[rows.length - 1]!.id);
      const updates: unknown[][] = [];
      for (const row of rows) {
        let text: string;
        if (row.sealed === null) {
          text = row.shown!;
        } else {
          try {
            text = openPersonal(row.sealed, count.column);
          } catch (error) {
            if (!(error instanceof PersonalDataUnreadable)) throw error;
            count.unreadable++;
            continue;
          }
        }
        const columns = personalColumns(site.personal, text, site.table, site.field);
        updates.push([Number(row.id), columns.masked, columns.sealed, columns.index, row.sealed, row.sealed === null ? row.shown : null]);
        if (row.sealed === null) count.sealed++;
        else count.resealed++;
      }
      if (updates.length) {
        // column1 id, 2–4 the new masked / sealed / index, 5 the sealed value read (or null), 6 the plain text read.
        await sequelize.query(
          `UPDATE ${table} SET ${shown} = v.column2, ${sealed} = v.column3, ${index} = v.column4
             FROM (VALUES ${updates.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}) AS v
            WHERE ${table}.id = v.column1
              AND ((v.column5 IS NOT NULL AND ${table}.${sealed} = v.column5)
                OR (v.column5 IS NULL AND ${table}.${sealed} IS NULL AND ${table}.${shown} = v.column6))`,
          { replacements: updates.flat() },
        );
      }
      if (rows.length < batch) break;
    }
    counts.push(count);
  }
  return counts;
}
