import { Utils, type Model, type ModelStatic, type Sequelize, type WhereOptions } from 'sequelize';
import { selectRows, type Row } from '../select-rows.js';
import { RecentlyUsed } from '../recently-used.js';
import { statementKey } from './statement-key.js';

export type { Row };

export interface SelectOptions {
  where: WhereOptions;
  /** Attribute names; all the model's when left out. */
  attributes?: string[];
  order?: Array<[string, 'ASC' | 'DESC']>;
  limit?: number;
  offset?: number;
}

type QueryGenerator = { selectQuery: (table: unknown, options: object, model: ModelStatic<Model>) => string };

type Convert = (value: unknown) => unknown;

const GENERATED_KEPT = 500;

// SQLite keeps dates as text and booleans as 0/1; Sequelize turns them back for a model's reads, and so do we.
const SQLITE_CONVERSIONS: Record<string, Convert> = {
  DATE: (v) => (typeof v === 'string' ? new Date(v.includes('+') ? v : `${v}+00:00`) : v),
  BOOLEAN: (v) => (v === 1 ? true : v === 0 ? false : v),
};

/**
 * A model's reads for the panel (list pages and counts, reference titles, show pages, related rows), as `findAll`
 * and `count` would make them and with the same values, through `selectRows`. `null` for a model that needs what
 * only Sequelize does on a read (scopes, paranoid rows, find hooks).
 */
export class DirectSelect {
  private readonly conversions: Array<[string, Convert]>;
  private readonly generated = new RecentlyUsed<string, string>(GENERATED_KEPT);

  private constructor(private readonly model: ModelStatic<Model>) {
    const dialect = model.sequelize!.getDialect();
    this.conversions = dialect === 'sqlite'
      ? Object.entries(model.getAttributes()).flatMap(([name, attribute]) => {
        const convert = SQLITE_CONVERSIONS[(attribute.type as { key?: string }).key ?? ''];
        return convert ? [[name, convert] as [string, Convert]] : [];
      })
      : [];
  }

  static for(model: ModelStatic<Model>): DirectSelect | null {
    const options = model.options as { paranoid?: boolean; defaultScope?: object };
    const hooked = (['beforeFind', 'beforeFindAfterExpandIncludeAll', 'beforeFindAfterOptions', 'afterFind', 'beforeCount'] as const)
      .some((hook) => model.hasHook(hook));
    const scoped = Object.keys(options.defaultScope ?? {}).length > 0;
    return options.paranoid || hooked || scoped ? null : new DirectSelect(model);
  }

  async findAll({ where, attributes, order, limit, offset }: SelectOptions): Promise<Row[]> {
    const rows = await selectRows(this.sequelize, this.sql({
      where, attributes: attributes ?? Object.keys(this.model.getAttributes()), order, limit, offset,
    }));
    for (const row of rows) for (const [name, convert] of this.conversions) if (row[name] != null) row[name] = convert(row[name]);
    return rows;
  }

  async count(where: WhereOptions): Promise<number> {
    const [row] = await selectRows(this.sequelize, this.sql({ where, attributes: [[this.sequelize.fn('count', this.sequelize.col('*')), 'count']] }));
    return Number(row?.count ?? 0);
  }

  private get sequelize(): Sequelize {
    return this.model.sequelize!;
  }

  /**
   * The statement for `options`, from Sequelize's generator the first time and from `generated` after that: a list
   * page asks for the same page, count and titles again and again, and generating them was a tenth of a panel
   * request's time on SQLite (`npm run bench`, P6).
   */
  private sql(options: { where: WhereOptions; attributes: unknown[]; order?: SelectOptions['order']; limit?: number; offset?: number }): string {
    const key = statementKey([options.where, options.attributes, options.order, options.limit, options.offset]);
    const known = key === null ? undefined : this.generated.get(key);
    if (known !== undefined) return known;
    const generator = (this.sequelize.getQueryInterface() as unknown as { queryGenerator: QueryGenerator }).queryGenerator;
    const mapped = Utils.mapFinderOptions({ ...options } as never, this.model) as object;
    const sql = generator.selectQuery(this.model.getTableName(), { ...mapped, model: this.model }, this.model);
    if (key !== null) this.generated.set(key, sql);
    return sql;
  }
}
