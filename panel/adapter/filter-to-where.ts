import type { BaseProperty, Filter } from 'adminjs';
import { Op, type Sequelize, type WhereOptions } from 'sequelize';
import type { AnyRecordDeclaration, PersonalField } from '../../db/record/field-types.js';
import { calendarDayOf } from '../../domain/dates.js';
import { normalisePhone } from '../../domain/phone-number.js';
import { personalSearchIndex } from '../../db/personal-data/personal-columns.js';

/** `!` rather than `\`: PostgreSQL and SQLite read a backslash in a string literal differently. */
export function likePattern(value: string): string {
  return `%${value.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * Fields whose filter names one value, compared exactly: a login (picked by office: nanchang must not find
 * nanchangxian), a role, an action or a record type (picked from their words: 审核通过 must not find 批量审核通过), and a
 * choice kept in a string column, which the adapter sees as plain text, and a key kept as text (`exact`: a flag's subject
 * 12 must not find 112).
 */
export function exactFieldsOf(declaration: AnyRecordDeclaration | undefined): string[] {
  return Object.entries(declaration?.fields ?? {})
    .filter(([, spec]) => spec.kind === 'choice' || spec.codeOf !== undefined || spec.personal !== undefined || spec.exact === true)
    .map(([name]) => name);
}

/**
 * Whether a filter on this property matches its text anywhere (`LIKE '%…%'`), rather than one value exactly: what a
 * trigram index must serve on PostgreSQL (panel/text-filter-indexes.ts).
 */
export function matchesAnywhere(property: BaseProperty, exactFields: readonly string[]): boolean {
  return property.type() === 'string' && !property.availableValues() && !property.isId() && !exactFields.includes(property.name());
}

/** A personal filter as an export stores it: its index, so neither the export's row nor its audit entry holds the number. */
const INDEXED = /^#sm3:([0-9a-f]{64})$/;

function indexOfTyped(personal: PersonalField, typed: string): string {
  return INDEXED.exec(typed)?.[1] ?? personalSearchIndex(personal, typed);
}

/**
 * `filters` (a list's query, as an export keeps it) with each personal value replaced by its index (`#sm3:<hex>`),
 * which filterToWhere reads as the value itself: one can only be written by whoever knows the number.
 */
export function indexedPersonalFilters(
  filters: Record<string, unknown>,
  declaration: AnyRecordDeclaration | undefined,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).map(([name, value]) => {
      const personal = declaration?.fields[name]?.personal;
      if (!personal || typeof value !== 'string' || normalisePhone(value) === '' || INDEXED.test(value)) return [name, value];
      return [name, `#sm3:${personalSearchIndex(personal, value)}`];
    }),
  );
}

function toNumber(value: unknown): number | undefined {
  const n = Number(value);
  return value === '' || value == null || Number.isNaN(n) ? undefined : n;
}

/**
 * A date-only column between two days, both included, compared as the `YYYY-MM-DD` days they are: through a JS Date
 * the bounds moved by the server's zone. A bound that is not a day matches nothing rather than everything.
 */
function dayRange(
  name: string,
  { from, to }: { from?: string; to?: string },
  sequelize: Sequelize,
): WhereOptions | ReturnType<Sequelize['literal']> {
  const bounds: Record<symbol, string> = {};
  for (const [operator, given] of [
    [Op.gte, from],
    [Op.lte, to],
  ] as const) {
    if (!given) continue;
    const day = calendarDayOf(given);
    if (day === null) return sequelize.literal('1 = 0');
    bounds[operator] = day;
  }
  return Object.getOwnPropertySymbols(bounds).length ? { [name]: bounds } : {};
}

/**
 * Replaces the stock adapter's conversion: a typed `%`, `_` or `.` is matched literally (LIKE … ESCAPE), Latin text
 * matches in any case on both engines, enum values, references and `exactFields` (`exactFieldsOf`) compare exactly,
 * and date-only ranges by day. The constant pattern is folded by PostgreSQL's planner with its escape, so a trigram
 * index serves the ILIKE. Personal data (`declaration`'s personal fields) is found by exactly its value, through its
 * HMAC-SM3 index: its column holds only the masked text, and no part of a number finds it.
 */
export function filterToWhere(
  filter: Filter | undefined,
  sequelize: Sequelize,
  secretFields: readonly string[] = [],
  exactFields: readonly string[] = [],
  declaration?: AnyRecordDeclaration,
): WhereOptions {
  if (!filter) return {};
  const dialect = sequelize.getDialect();
  const and: Array<WhereOptions | ReturnType<Sequelize['literal']>> = [];
  for (const element of Object.values(filter.filters ?? {})) {
    const property = element.property as BaseProperty | undefined;
    if (!property) continue;
    const name = property.name();
    // A secret is never a condition, whatever reached here: matching by prefix would read it out.
    if (secretFields.includes(name)) return { [Op.and]: [sequelize.literal('1 = 0')] };
    const value = element.value as unknown;
    const values = Array.isArray(value) ? value : [value];
    const personal = declaration?.fields[name]?.personal;
    if (personal) {
      if (values.every((v) => v === '' || v === null || v === undefined)) continue;
      const typed = values.map((v) => (typeof v === 'string' ? v : '')).filter((v) => INDEXED.test(v) || normalisePhone(v) !== '');
      // Something typed that is no number (or not one value) matches nothing, not everything.
      and.push(typed.length === 1 ? { [personal.index]: indexOfTyped(personal, typed[0]!) } : sequelize.literal('1 = 0'));
      continue;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const range = value as { from?: string; to?: string };
      if (property.type() === 'date') {
        and.push(dayRange(name, range, sequelize));
        continue;
      }
      const bounds: Record<symbol, unknown> = {};
      if (range.from)
        bounds[Op.gte] = property.type() === 'number' || property.type() === 'float' ? Number(range.from) : new Date(range.from);
      if (range.to) bounds[Op.lte] = property.type() === 'number' || property.type() === 'float' ? Number(range.to) : new Date(range.to);
      if (Object.getOwnPropertySymbols(bounds).length) and.push({ [name]: bounds });
      continue;
    }
    switch (property.type()) {
      case 'string': {
        if (!matchesAnywhere(property, exactFields)) {
          and.push({ [name]: values.length > 1 ? { [Op.in]: values.map(String) } : String(values[0]) });
        } else {
          const pattern = sequelize.literal(`${sequelize.escape(likePattern(String(value)))} ESCAPE '!'`);
          and.push({ [name]: { [dialect === 'postgres' ? Op.iLike : Op.like]: pattern } });
        }
        break;
      }
      case 'boolean': {
        if (value === 'true' || value === true) and.push({ [name]: true });
        else if (value === 'false' || value === false) and.push({ [name]: false });
        break;
      }
      case 'number':
      case 'float': {
        const numbers = values.map(toNumber).filter((n): n is number => n !== undefined);
        // A non-number typed into a number filter must match nothing, not silently everything.
        and.push(numbers.length === 0 ? sequelize.literal('1 = 0') : { [name]: numbers.length === 1 ? numbers[0]! : { [Op.in]: numbers } });
        break;
      }
      case 'date':
      case 'datetime':
        break;
      default:
        and.push({ [name]: values.length > 1 ? { [Op.in]: values } : value });
    }
  }
  return and.length ? { [Op.and]: and } : {};
}
