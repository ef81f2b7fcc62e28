import { flat, type BaseResource } from 'adminjs';
import { HttpError } from '../http-error.js';

export const PER_PAGE_LIMIT = 500;
/** Beyond this a page number is a probe, not a supervisor paging (500 × 100,000 rows). */
const PAGE_LIMIT = 100_000;

/** A row a list page starts from, as the pager names it: the list's order and the row's key (`createdAt.desc.1234`). */
export interface Cursor {
  sortBy: string;
  direction: 'asc' | 'desc';
  key: string;
}

export interface ReadRequest {
  page: number;
  /** The page counted from the last (1 = the last page): how a list with an estimated total reaches its end. */
  fromEnd: number | undefined;
  /** The row the page follows (the previous page's last) or precedes (the next page's first). */
  after: Cursor | undefined;
  before: Cursor | undefined;
  /** 精确计数: the list's total counted however many rows it has. */
  exactCount: boolean;
  perPage: number | undefined;
  sortBy: string | undefined;
  direction: 'asc' | 'desc' | undefined;
  filters: Record<string, unknown>;
}

const CURSOR = /^([A-Za-z][A-Za-z0-9_]{0,63})\.(asc|desc)\.([A-Za-z0-9_-]{1,64})$/;

/** A cursor as the list's answer hands it to the pager; none for a key the form cannot carry (the pager then counts pages). */
export function cursorText({ sortBy, direction, key }: Cursor): string | undefined {
  const text = `${sortBy}.${direction}.${key}`;
  return CURSOR.test(text) ? text : undefined;
}

function cursor(name: string, value: unknown): Cursor | undefined {
  if (value === undefined || value === '') return undefined;
  const text = Array.isArray(value) ? bad(`参数 ${name} 只能给一个值`) : String(value);
  const match = CURSOR.exec(text);
  if (!match) bad(`参数 ${name} 应为翻页时服务器给出的位置（如 createdAt.desc.1234），收到“${text.slice(0, 40)}”`);
  return { sortBy: match[1]!, direction: match[2] as Cursor['direction'], key: match[3]! };
}

function bad(message: string): never {
  throw new HttpError(400, 'bad_list_request', message);
}

function wholeNumber(name: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const text = Array.isArray(value) ? bad(`参数 ${name} 只能给一个值`) : String(value);
  if (!/^\d{1,9}$/.test(text)) bad(`参数 ${name} 应为 ${min} 到 ${max} 之间的整数，收到“${text.slice(0, 20)}”`);
  const n = Number(text);
  if (n < min || n > max) bad(`参数 ${name} 应为 ${min} 到 ${max} 之间的整数，收到 ${n}`);
  return n;
}

/**
 * Checks what a list, search or export asks for before anything is read: page and page size within bounds, sort only
 * by a sortable column, filters only on what the resource offers to filter (and the keys the product itself links
 * lists by), so no request can lift the 500-row cap or read a hidden column (a password hash) by prefix; the pager's
 * own words (a page from the end, the row a page starts from, 精确计数) only in the forms it writes them.
 */
export function checkReadRequest(
  query: Record<string, unknown> | undefined,
  resource: BaseResource,
  linkedFilterKeys: ReadonlySet<string> = new Set(),
): ReadRequest {
  const asked = flat.unflatten(query ?? {}) as Record<string, unknown>;
  const decorated = resource.decorate();
  const page = wholeNumber('page', asked.page, 1, PAGE_LIMIT) ?? 1;
  const fromEnd = wholeNumber('fromEnd', asked.fromEnd, 1, PAGE_LIMIT);
  if (fromEnd !== undefined && asked.page !== undefined && asked.page !== '') bad('参数 page 与 fromEnd 只能给一个');
  const after = cursor('after', asked.after);
  const before = cursor('before', asked.before);
  if (after && before) bad('参数 after 与 before 只能给一个');
  const exactCount = asked.exactCount === undefined || asked.exactCount === '' ? 'false' : asked.exactCount;
  if (exactCount !== 'true' && exactCount !== 'false') bad('参数 exactCount 应为 true 或 false');
  const perPage = wholeNumber('perPage', asked.perPage, 1, PER_PAGE_LIMIT);
  const sortable = new Set([
    ...decorated
      .getProperties({ where: 'list' })
      .filter((p) => p.isSortable())
      .map((p) => p.propertyPath),
    decorated.titleProperty().propertyPath,
    // The key: the order of arrival, and what every sort falls back to.
    ...resource
      .properties()
      .filter((p) => p.isId())
      .map((p) => p.path()),
    ...(decorated.options.sort?.sortBy ? [decorated.options.sort.sortBy] : []),
  ]);
  const sortBy = asked.sortBy === undefined || asked.sortBy === '' ? undefined : String(asked.sortBy);
  if (sortBy !== undefined && !sortable.has(sortBy)) {
    bad(`不能按“${sortBy.slice(0, 40)}”排序；可排序的字段：${[...sortable].join('、')}`);
  }
  const direction = asked.direction === undefined || asked.direction === '' ? undefined : String(asked.direction);
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') bad('参数 direction 应为 asc 或 desc');
  const filters = (asked.filters ?? {}) as Record<string, unknown>;
  if (typeof filters !== 'object' || Array.isArray(filters)) bad('参数 filters 格式有误');
  const filterable = new Set([...decorated.getProperties({ where: 'filter' }).map((p) => p.propertyPath), ...linkedFilterKeys]);
  for (const key of Object.keys(filters)) {
    // A range arrives as `createdAt~~from` / `createdAt~~to`.
    if (!filterable.has(key.split('~~')[0]!)) bad(`不能按“${key.slice(0, 40)}”筛选；可筛选的字段：${[...filterable].join('、')}`);
  }
  return {
    page,
    fromEnd,
    after,
    before,
    exactCount: exactCount === 'true',
    perPage,
    sortBy,
    direction: direction as ReadRequest['direction'],
    filters,
  };
}

/** The search drop-downs use: only the title is searched. */
export function checkSearchRequest(
  query: Record<string, unknown> | undefined,
  resource: BaseResource,
  linkedFilterKeys?: ReadonlySet<string>,
): ReadRequest {
  const { searchProperty, ...rest } = (query ?? {}) as Record<string, unknown>;
  const title = resource.decorate().titleProperty().propertyPath;
  if (searchProperty !== undefined && searchProperty !== title) bad(`只能按“${title}”搜索`);
  return checkReadRequest(rest, resource, linkedFilterKeys);
}
