import { Filter, SortSetter, type ActionHandler, type BaseRecord, type ListActionResponse } from 'adminjs';
import type { JurisdictionResource, PagePosition } from './adapter/jurisdiction-resource.js';
import type { TotalIs } from './adapter/list-total.js';
import { checkReadRequest, cursorText } from './adapter/read-request.js';
import { populateTitles } from './reference-titles.js';

/** What a list answers besides its records: AdminJS's `meta`, and what the pager needs past a count that stops. */
export interface ListMeta {
  /** The count, the planner's estimate, or the limit passed, as `totalIs` says. */
  total: number;
  totalIs: TotalIs;
  /** Anything but a count (`totalIs` is not `exact`). */
  totalEstimated: boolean;
  perPage: number;
  /** The page's number from the first page; absent for a page counted from the end. */
  page?: number;
  fromEnd?: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** Cursors to the page's first and last rows, for the pager's previous and next pages (`before=…`, `after=…`). */
  before?: string;
  after?: string;
  direction?: 'asc' | 'desc';
  sortBy?: string;
}

/**
 * AdminJS's list handler, changed where `npm run bench` found it slow. The page and its total are asked for at the same
 * time, so a filtered page over a million rows costs the slower query, not both; reference columns get their records'
 * titles only (`populateTitles`). The total is exact up to `exactCountLimit` rows and past it an estimate or the limit
 * passed (panel/adapter/list-total.ts), unless the supervisor asks for the exact count (`exactCount=true`). Pages are
 * read from the row the pager names (keyset), so paging on costs the same at page 5,000 as at page 2, and the last page
 * of a list whose total is not exact is read from the end (`fromEnd=1`).
 */
export function listWithCountAlongside(linkedFilterKeys: ReadonlySet<string>, exactCountLimit: number): ActionHandler<ListActionResponse> {
  return async (request, _response, context) => {
    const { resource, _admin: admin, currentAdmin } = context;
    const asked = checkReadRequest(request.query, resource, linkedFilterKeys);
    const { page, fromEnd, perPage: askedPerPage, sortBy, direction, filters } = asked;
    const perPage = askedPerPage ?? admin.options.settings?.defaultPerPage ?? 10;
    const firstSortable = resource
      .decorate()
      .getListProperties()
      .find((p) => p.isSortable());
    const sort = firstSortable ? SortSetter({ sortBy, direction }, firstSortable.name(), resource.decorate().options) : undefined;
    const filter = await new Filter(filters, resource).populate(context);
    const list = resource as JurisdictionResource;
    const position: PagePosition = { from: fromEnd ? 'end' : 'start', number: fromEnd ?? page };
    const [read, { total, totalIs }] = await Promise.all([
      list.readPage(filter, { perPage, sort: sort ?? {}, position: { ...position, after: asked.after, before: asked.before } }, context),
      list.listTotal(filter, context, { limit: exactCountLimit, exact: asked.exactCount }),
    ]);
    const records = await populateTitles(read.records, context);
    context.records = records;
    const cursorOf = (record: BaseRecord | undefined) =>
      record && cursorText({ sortBy: read.sortBy, direction: read.direction, key: String(record.id()) });
    const meta: ListMeta = {
      total,
      totalIs,
      totalEstimated: totalIs !== 'exact',
      perPage,
      ...(fromEnd ? { fromEnd } : { page }),
      // Read forward, more rows means a next page; read from the end, a previous one. The other side is known from
      // where the page starts: a named row has rows on its side, and a page number says whether it is the first.
      hasPrevious: read.backward ? read.more : read.anchored || page > 1,
      hasNext: read.backward ? read.anchored || (fromEnd ?? 1) > 1 : read.more,
      before: cursorOf(records[0]),
      after: cursorOf(records[records.length - 1]),
      direction: sort?.direction,
      sortBy: sort?.sortBy,
    };
    return { meta, records: records.map((r) => r.toJSON(currentAdmin)) } as unknown as ListActionResponse;
  };
}
