import { Filter, SortSetter, type ActionHandler, type ListActionResponse } from 'adminjs';
import { checkReadRequest } from './adapter/read-request.js';
import { populateTitles } from './reference-titles.js';

/**
 * AdminJS's list handler, with two changes found by `npm run bench`: the page and its count are asked for at the same
 * time instead of one after the other, so a filtered page over a million rows costs the slower query, not both; and
 * reference columns get their records' titles only (`populateTitles`), not the whole records.
 */
export function listWithCountAlongside(linkedFilterKeys: ReadonlySet<string>): ActionHandler<ListActionResponse> {
  return async (request, _response, context) => {
    const { resource, _admin: admin, currentAdmin } = context;
    const { page, perPage: asked, sortBy, direction, filters } = checkReadRequest(request.query, resource, linkedFilterKeys);
    const perPage = asked ?? admin.options.settings?.defaultPerPage ?? 10;
    const firstSortable = resource
      .decorate()
      .getListProperties()
      .find((p) => p.isSortable());
    const sort = firstSortable ? SortSetter({ sortBy, direction }, firstSortable.name(), resource.decorate().options) : undefined;
    const filter = await new Filter(filters, resource).populate(context);
    const [records, total] = await Promise.all([
      resource
        .find(filter, { limit: perPage, offset: (page - 1) * perPage, sort }, context)
        .then((found) => populateTitles(found, context)),
      resource.count(filter, context),
    ]);
    context.records = records;
    return {
      meta: { total, perPage, page, direction: sort?.direction, sortBy: sort?.sortBy },
      records: records.map((r) => r.toJSON(currentAdmin)),
    } as ListActionResponse;
  };
}
