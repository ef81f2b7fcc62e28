import { Op, Utils } from 'sequelize';

// Named by their key in `Op`, unique by construction (a description need not be).
const OPERATORS = new Map<symbol, string>(Object.entries(Op).map(([name, symbol]) => [symbol as symbol, name]));
const METHODS = new Map<unknown, string>([
  [Utils.Fn, 'fn'], [Utils.Col, 'col'], [Utils.Literal, 'literal'], [Utils.Where, 'where'],
]);

/**
 * A text that names `value` exactly, for finding the statement generated from the same read options again: two
 * options with the same key make the same SQL. Keys keep their order (the generator writes conditions in that order)
 * and every value keeps its type. `null` for anything it cannot name exactly (a Buffer, a model, a class of its own):
 * such a read is generated afresh.
 */
export function statementKey(value: unknown): string | null {
  switch (typeof value) {
    case 'string': return JSON.stringify(value);
    case 'number': return `d${String(value)}`;
    case 'boolean': return value ? 't' : 'f';
    case 'bigint': return `i${String(value)}`;
    case 'undefined': return 'u';
    case 'object': break;
    default: return null;
  }
  if (value === null) return 'n';
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      const key = statementKey(item);
      if (key === null) return null;
      items.push(key);
    }
    return `[${items.join(',')}]`;
  }
  if (value instanceof Date) return `D${value.getTime()}`;
  const prototype = Object.getPrototypeOf(value) as object | null;
  const kind = prototype === Object.prototype || prototype === null ? '' : METHODS.get(prototype.constructor);
  if (kind === undefined) return null;
  const entries: string[] = [];
  for (const name of Reflect.ownKeys(value)) {
    if (typeof name === 'symbol' && !OPERATORS.has(name)) return null;
    const key = statementKey((value as Record<string | symbol, unknown>)[name]);
    if (key === null) return null;
    entries.push(`${typeof name === 'symbol' ? `@${OPERATORS.get(name)!}` : JSON.stringify(name)}:${key}`);
  }
  return `${kind}{${entries.join(',')}}`;
}
