import { Utils, type FindAttributeOptions, type Model, type ModelStatic, type WhereOptions } from 'sequelize';

/** What of a `findAll` the SQL text is wanted for: never includes, so the condition is the whole story. */
export interface SelectParts {
  attributes: FindAttributeOptions;
  where: WhereOptions;
  limit?: number;
}

interface QueryGenerator {
  selectQuery(table: unknown, options: object, model: ModelStatic<Model>): string;
}

/**
 * The SQL text `Model.findAll` would send, without sending it, for a statement that wraps it: a count that stops at a
 * limit (`SELECT count(*) FROM (… LIMIT n)`), the planner's estimate (`EXPLAIN …`), a keyset page's anchor value.
 * Sequelize has no public way to put a select inside another or to read its text: this is the one place that uses
 * its query generator (public on the query interface, untyped), after `Utils.mapFinderOptions` (public, typed) maps
 * attribute names to column names as `findAll` does. Models with scopes or paranoid rows would need what `findAll`
 * adds for them, so they are refused rather than read wrongly.
 */
export function selectSql(model: ModelStatic<Model>, parts: SelectParts): string {
  const options = model.options as { paranoid?: boolean; defaultScope?: object };
  if (options.paranoid || Object.keys(options.defaultScope ?? {}).length) {
    throw new Error(`selectSql: ${model.name} has scopes or paranoid rows, which findAll alone applies`);
  }
  const mapped = Utils.mapFinderOptions({ ...parts } as never, model) as object;
  const generator = model.sequelize!.getQueryInterface().queryGenerator as QueryGenerator;
  return generator.selectQuery(model.getTableName(), { ...mapped, model }, model).replace(/;\s*$/, '');
}
