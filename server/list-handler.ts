import { Filter, flat, SortSetter, type ActionHandler, type ListActionResponse } from 'adminjs';
import { populateTitles } from './reference-titles.js';

const PER_PAGE_LIMIT = 500;

/**
 * AdminJS's list handler, with two changes found by `npm run bench`: the page and its count are asked for at the same
 * time instead of one after the other, so a filtered page over a million rows costs the slower query, not both; and
 * reference columns get their records' titles only (`populateTitles`), not the whole records.
 */
export const listWithCountAlongside: ActionHandler<ListActionResponse> = async (request, _response, context) => {
  const { sortBy, direction, filters = {} } = flat.unflatten(request.query ?? {}) as { sortBy?: string; direction?: 'asc' | 'desc'; filters?: Record<string, unknown> };
  const { resource, _admin: admin, currentAdmin } = context;
  const asked = flat.unflatten(request.query ?? {}) as { page?: string; perPage?: string };
  const perPage = asked.perPage ? Math.min(Number(asked.perPage) || 1, PER_PAGE_LIMIT) : admin.options.settings?.defaultPerPage ?? 10;
  const page = Number(asked.page) || 1;
  const firstSortable = resource.decorate().getListProperties().find((p) => p.isSortable());
  const sort = firstSortable ? SortSetter({ sortBy, direction }, firstSortable.name(), resource.decorate().options) : undefined;
  const filter = await new Filter(filters, resource).populate(context);
  const [records, total] = await Promise.all([
    resource.find(filter, { limit: perPage, offset: (page - 1) * perPage, sort }, context).then((found) => populateTitles(found, context)),
    resource.count(filter, context),
  ]);
  context.records = records;
  return {
    meta: { total, perPage, page, direction: sort?.direction, sortBy: sort?.sortBy },
    records: records.map((r) => r.toJSON(currentAdmin)),
  } as ListActionResponse;
};
