import { Resource as SequelizeResource } from '@adminjs/sequelize';
import { BaseRecord, type ActionContext, type Filter, type ParamsType } from 'adminjs';
import { literal, Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import type { JurisdictionKind } from '../../db/jurisdiction-kind.js';
import type { AnyRecordDeclaration } from '../../db/record/field-types.js';
import { readsPersonalDataInFull } from '../../domain/personal-data-access.js';
import { personalFieldsOf } from '../../db/record/personal-fields.js';
import { openPersonal, PersonalDataUnreadable } from '../../db/personal-data/personal-cipher.js';
import { sealedColumnOf } from '../../db/personal-data/personal-columns.js';
import { logger } from '../../settings/logger.js';
import { jurisdictionWhere, type SessionUser } from '../../db/jurisdiction-scope.js';
import { Region } from '../../db/models/system/region.model.js';
import { selectSql } from '../../db/select-sql.js';
import { withCalendarDays } from './calendar-day-params.js';
import { exactFieldsOf, filterToWhere } from './filter-to-where.js';
import { rowsAfter, type Anchor } from './keyset.js';
import type { Cursor } from './read-request.js';
import type { StatedTotal } from '../components/total-words.js';
import { listTotal, valueTotals, type CountRule, type ValueTotals } from './list-total.js';

export interface JurisdictionView {
  id: string;
  where: WhereOptions;
  /** Why a record the user can see is not offered here (e.g. a unit not yet approved), for form refusals. */
  refusal?: string;
}

/** The virtual filter of forms' drop-downs: only what the resource says may be chosen (`choosable`). */
export const CHOOSABLE_FILTER = 'choosable';

/** The virtual filter 待我处理 (`filters.decidable`), offered by resources whose decisions say what they decide. */
export const DECIDABLE_FILTER = 'decidable';

type JurisdictionModel = ModelStatic<Model> & {
  jurisdiction?: JurisdictionKind;
  secretFields?: readonly string[];
  declaration?: AnyRecordDeclaration;
};

/**
 * From this page on, a page asked for by its number alone (a jump, an address typed or kept) reads the keys of the rows
 * it skips, not the rows (a deferred join); paging on from a page reads by keyset and skips nothing.
 */
export const DEEP_PAGE = 50;

/** Where a list page starts: its number from the first or the last page, and the row it follows or precedes if known. */
export interface PagePosition {
  from: 'start' | 'end';
  number: number;
  /** The row the page comes after (the previous page's last) or before (the next page's first). */
  after?: Cursor;
  before?: Cursor;
}

export interface ListPage {
  /** In the list's order. */
  records: BaseRecord[];
  /** Whether rows follow in the direction read: after the page when read forward, before it when read backward. */
  more: boolean;
  /** Read from its end: from the last page (`from: 'end'`) or from the row it precedes. */
  backward: boolean;
  /** Whether the page was read from the row named in the position (still there and still in the list). */
  anchored: boolean;
  /** The order read, which a cursor to this list names. */
  sortBy: string;
  direction: 'asc' | 'desc';
}

/** A record's values by attribute name, as the model gives them (dates as `Date`, booleans as booleans). */
export type Row = Record<string, unknown>;

/** What the panel's reads ask of `findAll`: never includes, so the jurisdiction condition is the whole story. */
interface SelectOptions {
  where: WhereOptions;
  /** Attribute names; all the model's when left out. */
  attributes?: string[];
  order?: Array<[string, 'ASC' | 'DESC']>;
  limit?: number;
  offset?: number;
}

function userOf(context: ActionContext | undefined): SessionUser | undefined {
  return context?.currentAdmin as SessionUser | undefined;
}

/**
 * The one place where AdminJS reads records. AdminJS hands the action context to `find`, `count`, `findOne` and
 * `findMany`, which together serve list, search, show, edit, delete, bulk and custom actions and reference
 * population; each one here adds the signed-in user's jurisdiction to the query. A call without a user sees nothing.
 * Reads go through Sequelize's own `findAll` and `count`, so the values bound and the types read back are Sequelize's.
 */
export class JurisdictionResource extends SequelizeResource {
  private readonly view?: JurisdictionView;

  private readonly decidable?: (user: SessionUser) => WhereOptions | null;
  private readonly rowFacts?: (rows: Row[]) => Promise<void>;
  private readonly choosable?: () => WhereOptions;
  private readonly titlesInMemory?: (keys: ReadonlyArray<string | number>) => Row[] | null;

  /**
   * `view` narrows the model by a fixed condition and gives that view its own resource id; `decidable` names, as SQL,
   * the records the user may decide here, for the `decidable` (待我处理) filter; `rowFacts` adds to whole rows read
   * what the decisions' rules need from other tables; `titlesInMemory` answers a list's reference titles of reference
   * data without a query.
   */
  constructor(
    model: ModelStatic<Model>,
    view?: JurisdictionView,
    {
      decidable,
      rowFacts,
      choosable,
      titlesInMemory,
    }: {
      decidable?: (user: SessionUser) => WhereOptions | null;
      rowFacts?: (rows: Row[]) => Promise<void>;
      choosable?: () => WhereOptions;
      titlesInMemory?: (keys: ReadonlyArray<string | number>) => Row[] | null;
    } = {},
  ) {
    super(model);
    this.view = view;
    this.decidable = decidable;
    this.rowFacts = rowFacts;
    this.choosable = choosable;
    this.titlesInMemory = titlesInMemory;
  }

  /** `filters.choosable=true`: only what a form may choose here; a resource that declares nothing offers all it shows. */
  private choosableCondition(filter: Filter | undefined): WhereOptions {
    const asked = filter?.filters?.[CHOOSABLE_FILTER]?.value as unknown;
    return (asked === 'true' || asked === true) && this.choosable ? this.choosable() : {};
  }

  /** `filters.decidable=true`: what this user may decide; `false`: what the user only watches. */
  private decidableCondition(filter: Filter | undefined, context: ActionContext | undefined): WhereOptions {
    const asked = filter?.filters?.[DECIDABLE_FILTER]?.value as unknown;
    if (asked === undefined || asked === '' || !this.decidable) return {};
    const user = userOf(context);
    const mine = user ? this.decidable(user) : null;
    const none = literal('1 = 0') as unknown as WhereOptions;
    if (asked === 'true' || asked === true) return mine ?? none;
    if (asked === 'false' || asked === false) return mine ? { [Op.not]: mine } : {};
    return none;
  }

  /** Fields a filter names one value of (a login, a coded word, a choice): compared exactly. */
  private get exactFields(): string[] {
    return exactFieldsOf(this.model.declaration);
  }

  /** The record this resource shows, as declared (db/records). */
  get declaration(): AnyRecordDeclaration | undefined {
    return this.model.declaration;
  }

  private get model(): JurisdictionModel {
    return (this as unknown as { SequelizeModel: JurisdictionModel }).SequelizeModel;
  }

  static override isAdapterFor(raw: unknown): boolean {
    return SequelizeResource.isAdapterFor(raw);
  }

  override id(): string {
    return this.view?.id ?? this.model.name;
  }

  // The stock adapter builds every property again on each call, and AdminJS asks for them for every record of every
  // page; the model's attributes never change while the process runs, so they are built once.
  private propertyCache?: Map<string, ReturnType<SequelizeResource['property']>>;
  private allProperties?: ReturnType<SequelizeResource['properties']>;

  /** References name tables; AdminJS needs resource ids, which are our model names. */
  override property(path: string): ReturnType<SequelizeResource['property']> {
    this.propertyCache ??= new Map();
    if (!this.propertyCache.has(path)) this.propertyCache.set(path, this.withResourceIds(super.property(path)));
    return this.propertyCache.get(path)!;
  }

  override properties(): ReturnType<SequelizeResource['properties']> {
    this.allProperties ??= super.properties().map((p) => this.withResourceIds(p)!);
    return this.allProperties;
  }

  private withResourceIds(property: ReturnType<SequelizeResource['property']>): ReturnType<SequelizeResource['property']> {
    if (!property) return property;
    const table = property.reference();
    if (table) {
      // The intermediate database's rows name regions of the main database's tree, which that database has no table of.
      const models = [...Object.values(this.model.sequelize!.models), ...Object.values(Region.sequelize?.models ?? {})];
      const model = models.find((m) => m.getTableName() === table);
      if (model) property.reference = () => model.name;
    }
    return property;
  }

  /** `null` when the user may see nothing of this model. */
  scope(context: ActionContext | undefined): WhereOptions | null {
    return jurisdictionWhere(this.model.jurisdiction, userOf(context));
  }

  private where(context: ActionContext | undefined, ...parts: WhereOptions[]): WhereOptions | null {
    const scope = this.scope(context);
    if (scope === null) return null;
    return { [Op.and]: [scope, ...(this.view ? [this.view.where] : []), ...parts] };
  }

  /**
   * Secrets (password hashes, personal data's sealed values and indexes) never leave the server, whatever a page or API
   * call asks for. Personal data stays masked unless `whole`: one record opened by a user whose role reads it in full.
   */
  private toRecord(params: Row, whole = false): BaseRecord {
    if (whole) this.openPersonalData(params);
    for (const field of this.model.secretFields ?? []) delete params[field];
    return new BaseRecord(params, this);
  }

  /** The record's personal fields whole, from their sealed values; one that cannot be opened stays masked, and is logged. */
  private openPersonalData(params: Row): void {
    const declaration = this.model.declaration;
    if (!declaration) return;
    for (const [name, personal] of personalFieldsOf(declaration.fields)) {
      const sealed = params[personal.sealed];
      if (typeof sealed !== 'string') continue;
      try {
        params[name] = openPersonal(sealed, sealedColumnOf(declaration.table, name));
      } catch (error) {
        if (!(error instanceof PersonalDataUnreadable)) throw error;
        logger.error({ resource: this.id(), id: params[this.primaryKey()], err: error.message }, 'personal data unreadable');
      }
    }
  }

  private async rows(options: SelectOptions, { whole = false } = {}): Promise<BaseRecord[]> {
    const rows = (await this.model.findAll(options)).map((row) => row.toJSON() as Row);
    if (this.rowFacts && !options.attributes && rows.length) await this.rowFacts(rows);
    return rows.map((row) => this.toRecord(row, whole));
  }

  private async total(where: WhereOptions): Promise<number> {
    return this.model.count({ where });
  }

  /** The list's condition: jurisdiction, view, filters, 待我处理 and `choosable`; `null` when the user may see nothing. */
  private listWhere(filter: Filter | undefined, context: ActionContext | undefined, { choosable = true } = {}): WhereOptions | null {
    return this.where(
      context,
      filterToWhere(filter, this.model.sequelize!, this.model.secretFields, this.exactFields, this.model.declaration),
      this.decidableCondition(filter, context),
      ...(choosable ? [this.choosableCondition(filter)] : []),
    );
  }

  /**
   * Whether the user's jurisdiction adds no condition to this model (the province, the administrator, reference
   * data): then the table's own statistics describe nothing the user may not see, and may be quoted as an estimate.
   */
  private seesWholeTable(context: ActionContext | undefined): boolean {
    const scope = this.scope(context);
    return scope !== null && Reflect.ownKeys(scope).length === 0;
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const where = this.listWhere(filter, context);
    return where === null ? 0 : this.total(where);
  }

  /** The list's total under `rule`: exact up to its limit, past it an estimate or the limit (list-total.ts). */
  async listTotal(filter: Filter, context: ActionContext | undefined, rule: CountRule): Promise<StatedTotal> {
    const where = this.listWhere(filter, context);
    if (where === null) return { total: 0, totalIs: 'exact' };
    return listTotal(this.model, where, rule, this.seesWholeTable(context));
  }

  /**
   * How many records the list would show for each value of the choice `field` and in all, under the same
   * jurisdiction, view, filter and counting rule as the list: its quick state filters, whose counts must never reach
   * past what the list itself shows.
   */
  async countByValue(filter: Filter, field: string, context: ActionContext | undefined, rule: CountRule): Promise<ValueTotals> {
    const where = this.listWhere(filter, context, { choosable: false });
    if (!this.model.getAttributes()[field] || where === null) return { byValue: new Map(), total: { total: 0, totalIs: 'exact' } };
    const values = Object.keys(this.model.declaration?.fields[field]?.choiceLabels ?? {});
    return valueTotals(this.model, where, field, values, rule, this.seesWholeTable(context));
  }

  /**
   * An export's rows, page after page: the list's jurisdiction, view, filter and sort, each page read after the
   * previous page's last row (keyset), so the millionth row costs what the first did and a row written meanwhile
   * neither repeats nor shifts another out of the file.
   */
  async *pagesAfter(
    filter: Filter,
    { pageSize, sort, columns }: { pageSize: number; sort: { sortBy?: string; direction?: 'asc' | 'desc' }; columns?: string[] },
    context?: ActionContext,
  ): AsyncGenerator<Row[]> {
    const where = this.listWhere(filter, context);
    if (where === null) return;
    const { sortBy, direction } = this.sortOf(sort);
    const key = this.primaryKey();
    const limit = Math.min(Math.max(Math.trunc(pageSize) || 1, 1), 5000);
    // Only what is written out and what the pages are read by, as the driver gives it: a million model instances and
    // their copies would be most of an export's work and memory.
    const attributes = [...new Set([...(columns ?? Object.keys(this.model.getAttributes())), sortBy, key])].filter(
      (name) => !this.model.secretFields?.includes(name),
    );
    for (let anchor: Anchor | undefined; ;) {
      const condition = this.after(where, sortBy, direction, anchor);
      const page = (await this.model.findAll({
        where: condition,
        order: this.order(sortBy, direction),
        limit,
        attributes,
        raw: true,
      })) as unknown as Row[];
      if (page.length) yield page;
      if (page.length < limit) return;
      const last = page[page.length - 1]!;
      // The last row's own sort value, exact to the microsecond; the value as read if the row went meanwhile.
      anchor = (await this.anchorOf({}, sortBy, String(last[key]))) ?? this.anchorAsRead(last, sortBy);
    }
  }

  override async find(
    filter: Filter,
    { limit = 20, offset = 0, sort = {} }: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } },
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    return this.query(
      filter,
      { limit: Math.min(Math.max(Math.trunc(limit) || 1, 1), 500), offset: Math.max(Math.trunc(offset) || 0, 0), sort },
      context,
    );
  }

  private async query(
    filter: Filter,
    { limit, offset, sort }: { limit: number; offset: number; sort: { sortBy?: string; direction?: 'asc' | 'desc' } },
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    const where = this.listWhere(filter, context);
    if (where === null) return [];
    const { sortBy, direction } = this.sortOf(sort);
    return this.rows({ where, limit, offset, order: this.order(sortBy, direction) });
  }

  /** The column a list sorts by (a model attribute, else the key) and its direction. */
  private sortOf(sort: { sortBy?: string; direction?: 'asc' | 'desc' }): { sortBy: string; direction: 'ASC' | 'DESC' } {
    const sortBy = sort.sortBy && Object.hasOwn(this.model.getAttributes(), sort.sortBy) ? sort.sortBy : this.primaryKey();
    return { sortBy, direction: sort.direction === 'desc' ? 'DESC' : 'ASC' };
  }

  private order(sortBy: string, direction: 'ASC' | 'DESC'): NonNullable<SelectOptions['order']> {
    // A stable tie-breaker keeps pages from repeating or skipping rows when many share the sort value.
    return sortBy === this.primaryKey()
      ? [[sortBy, direction]]
      : [
          [sortBy, direction],
          [this.primaryKey(), direction],
        ];
  }

  /**
   * A page of the list as the pager asks for it: from the row it follows or precedes (keyset), else by its number from
   * the first or the last page. A row named that is gone or no longer in the list (decided, filtered out, another
   * region's) is ignored and the number used. One row more than the page is read, to know whether more follow.
   */
  async readPage(
    filter: Filter,
    { perPage, sort, position }: { perPage: number; sort: { sortBy?: string; direction?: 'asc' | 'desc' }; position: PagePosition },
    context?: ActionContext,
  ): Promise<ListPage> {
    const { sortBy, direction } = this.sortOf(sort);
    const named = { sortBy, direction: direction === 'DESC' ? ('desc' as const) : ('asc' as const) };
    const where = this.listWhere(filter, context);
    if (where === null) return { records: [], more: false, backward: false, anchored: false, ...named };
    const limit = Math.min(Math.max(Math.trunc(perPage) || 1, 1), 500);
    // A cursor made for another order (the list was sorted anew since) names no place in this one.
    const fits = (cursor: Cursor | undefined) => cursor && cursor.sortBy === named.sortBy && cursor.direction === named.direction;
    const cursor = [position.after, position.before].find(fits);
    const anchor = cursor && (await this.anchorOf(where, sortBy, cursor.key));
    const backward = anchor ? cursor === position.before : position.from === 'end';
    const reading = backward === (direction === 'ASC') ? 'DESC' : 'ASC';
    const order = this.order(sortBy, reading);
    const condition = this.after(where, sortBy, reading, anchor);
    const number = Math.max(Math.trunc(position.number) || 1, 1);
    const offset = anchor ? 0 : (number - 1) * limit;
    const rows =
      !anchor && number > DEEP_PAGE
        ? await this.deferredJoin(where, condition, order, limit + 1, offset)
        : await this.rows({ where: condition, order, limit: limit + 1, offset });
    const page = rows.slice(0, limit);
    return { records: backward ? page.reverse() : page, more: rows.length > limit, backward, anchored: !!anchor, ...named };
  }

  /**
   * A deep page by its number: the keys of the rows it skips are read by OFFSET (an index can serve them without the
   * rows), then the page's own rows by key.
   */
  private async deferredJoin(
    where: WhereOptions,
    condition: WhereOptions,
    order: NonNullable<SelectOptions['order']>,
    limit: number,
    offset: number,
  ): Promise<BaseRecord[]> {
    const key = this.primaryKey();
    const keys = (await this.model.findAll({ attributes: [key], where: condition, order, limit, offset, raw: true })).map(
      (row) => (row as unknown as Row)[key],
    );
    if (!keys.length) return [];
    return this.rows({ where: { [Op.and]: [where, { [key]: { [Op.in]: keys } }] }, order });
  }

  /** `where`'s rows after `anchor` in the order (`sortBy`, key) `direction`; all of them without an anchor. */
  private after(where: WhereOptions, sortBy: string, direction: 'ASC' | 'DESC', anchor: Anchor | undefined): WhereOptions {
    if (!anchor) return where;
    const order = {
      sortBy,
      key: this.primaryKey(),
      direction,
      nullable: this.model.getAttributes()[sortBy]?.allowNull !== false,
      nullsHigh: this.model.sequelize!.getDialect() === 'postgres',
    };
    return { [Op.and]: [where, rowsAfter(order, anchor)] };
  }

  private anchorAsRead(row: Row, sortBy: string): Anchor {
    const value = row[sortBy];
    const valueIsNull = value === null || value === undefined;
    return {
      key: row[this.primaryKey()] as string | number,
      value: literal(valueIsNull ? 'NULL' : this.model.sequelize!.escape(value as string)),
      valueIsNull,
    };
  }

  /** The row `key` names, if the list shows it; its sort value stays in the database (a subquery), exact to the microsecond. */
  private async anchorOf(where: WhereOptions, sortBy: string, key: string): Promise<Anchor | undefined> {
    const primaryKey = this.primaryKey();
    const type = String((this.model.getAttributes()[primaryKey]?.type as { key?: string } | undefined)?.key ?? '');
    const typed: string | number = /INT/i.test(type) ? Number(key) : key;
    if (typeof typed === 'number' && !Number.isSafeInteger(typed)) return undefined;
    const named = { [Op.and]: [where, { [primaryKey]: typed }] };
    const [row] = (await this.model.findAll({ attributes: [primaryKey, sortBy], where: named, limit: 1, raw: true })) as unknown as Row[];
    if (!row) return undefined;
    return {
      key: typed,
      value: literal(`(${selectSql(this.model, { attributes: [sortBy], where: named })})`),
      valueIsNull: row[sortBy] === null || row[sortBy] === undefined,
    };
  }

  /** One record, as its page and its actions read it: personal data whole for a role that reads it so (see toRecord). */
  override async findOne(id: string | number, context?: ActionContext): Promise<BaseRecord | null> {
    const where = this.where(context, { [this.primaryKey()]: id });
    if (where === null) return null;
    const [record] = await this.rows({ where, limit: 1 }, { whole: readsPersonalDataInFull(userOf(context)?.role) });
    return record ?? null;
  }

  /**
   * Why `id` cannot be chosen from this resource: the view's own refusal when the record is in the user's
   * jurisdiction but outside the view, otherwise the jurisdiction message. Never says more than the user may know.
   */
  async whyNotChoosable(id: string | number, context?: ActionContext): Promise<string> {
    const outside = `所选记录 ${String(id)} 不存在或不在您的辖区内`;
    if (!this.view?.refusal) return outside;
    const scope = this.scope(context);
    if (scope === null) return outside;
    const [visible] = await this.rows({
      where: { [Op.and]: [scope, { [this.primaryKey()]: id }] },
      attributes: [this.primaryKey()],
      limit: 1,
    });
    return visible ? this.view.refusal : outside;
  }

  /** Rows whose columns equal `match` exactly (a record's related rows), newest first, within the user's jurisdiction. */
  async findRelated(
    match: Record<string, unknown>,
    limit: number,
    context?: ActionContext,
  ): Promise<{ records: BaseRecord[]; total: number }> {
    const where = this.where(context, match as WhereOptions);
    if (where === null) return { records: [], total: 0 };
    const [records, total] = await Promise.all([this.rows({ where, limit, order: [[this.primaryKey(), 'DESC']] }), this.total(where)]);
    return { records, total };
  }

  /** An action that names `custom.recordFields` gets only those, the key and the title (a set-based bulk action). */
  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    return this.findByIds(ids, context, (context?.action?.custom() as { recordFields?: string[] } | undefined)?.recordFields);
  }

  /** The key and title of each of `ids` the user may see: all that a reference column of a list shows. */
  async findTitles(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    // Only where the user sees the whole table: the rows in memory carry no jurisdiction of their own.
    const scope = this.scope(context);
    const held = scope && !this.view && Reflect.ownKeys(scope).length === 0 ? this.titlesInMemory?.(ids) : null;
    if (held) return held.map((row) => this.toRecord(row));
    return this.findByIds(ids, context, []);
  }

  private async findByIds(ids: Array<string | number>, context: ActionContext | undefined, fields?: string[]): Promise<BaseRecord[]> {
    const where = this.where(context, { [this.primaryKey()]: { [Op.in]: ids } });
    if (where === null) return [];
    const attributes =
      fields &&
      [...new Set([this.primaryKey(), this.decorate().titleProperty().name(), ...fields])].filter(
        (name) => name in this.model.getAttributes(),
      );
    // In key order on every engine: PostgreSQL returns rows it has just updated in another order than they were asked.
    return this.rows({ where, order: [[this.primaryKey(), 'ASC']], ...(attributes && { attributes }) });
  }

  /** Date-only values become the days they name before the stock conversion (see calendar-day-params.ts). */
  override parseParams(params: ParamsType): ParamsType {
    return super.parseParams(withCalendarDays(params, this.properties()));
  }

  /** What a new record's page and its audit entry get back: its personal data masked, its secrets left out. */
  override async create(params: ParamsType): Promise<ParamsType> {
    return this.toRecord({ ...(await super.create(params)) }).params;
  }

  override async update(id: string, params: ParamsType, context?: ActionContext): Promise<ParamsType> {
    await this.assertVisible(id, context);
    return this.toRecord({ ...(await super.update(id, params)) }).params;
  }

  override async delete(id: string, context?: ActionContext): Promise<void> {
    await this.assertVisible(id, context);
    return super.delete(id);
  }

  /** Writes re-check visibility themselves rather than trusting that a read came first. */
  private async assertVisible(id: string, context: ActionContext | undefined): Promise<void> {
    if (!(await this.findOne(id, context))) throw new Error(`记录 ${id} 不存在或不在您的辖区内`);
  }
}
