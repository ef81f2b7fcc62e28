import type { ActionContext, BaseRecord, BaseResource, CurrentAdmin, RecordJSON } from 'adminjs';
import { JurisdictionResource } from './adapter/jurisdiction-resource.js';

const isKey = (value: unknown): value is string | number => (typeof value === 'string' && value !== '') || typeof value === 'number';

/**
 * A list's reference columns, filled as AdminJS's own list draws them: the referenced record's title, a link when
 * the user may open it. AdminJS's populator loads every reference of the resource whole and sends each with all its
 * actions (a page of 20 budget lines was 70 KB); here only the list's references are read, key and title only, within
 * the user's jurisdiction (what the user may not see stays a bare key, as before).
 */
export async function populateTitles(records: BaseRecord[], context: ActionContext): Promise<BaseRecord[]> {
  if (!records.length) return records;
  const references = records[0]!.resource
    .decorate()
    .getListProperties()
    .filter((property) => property.reference());
  await Promise.all(
    references.map(async (property) => {
      const target = property.reference()!;
      const path = property.propertyPath;
      const ids = [...new Set(records.map((record) => record.param(path)).filter(isKey))];
      if (!ids.length) return;
      const found = target instanceof JurisdictionResource ? await target.findTitles(ids, context) : await target.findMany(ids, context);
      const show = showActionJson(target, context.currentAdmin);
      const byKey = new Map(found.map((record) => [String(record.id()), referenceJson(record, show, context.currentAdmin)]));
      for (const record of records) {
        const reference = byKey.get(String(record.param(path)));
        // BaseRecord#toJSON passes through a populated value that is already JSON.
        if (reference) record.populate(path, reference as unknown as BaseRecord);
      }
    }),
  );
  return records;
}

function showActionJson(resource: BaseResource, currentAdmin: CurrentAdmin | undefined) {
  const show = resource.decorate().actions.show;
  return show && { action: show, json: show.toJSON(currentAdmin) };
}

function referenceJson(record: BaseRecord, show: ReturnType<typeof showActionJson>, currentAdmin: CurrentAdmin | undefined): RecordJSON {
  const mayOpen = show && show.action.isVisible(currentAdmin, record) && show.action.isAccessible(currentAdmin, record);
  return {
    params: record.params,
    populated: {},
    baseError: null,
    errors: {},
    id: String(record.id()),
    title: record.resource.decorate().titleOf(record),
    recordActions: mayOpen ? [show.json] : [],
    bulkActions: [],
  };
}
