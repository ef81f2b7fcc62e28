import { buildFeature, type ActionContext, type ActionRequest, type ActionResponse, type FeatureType } from 'adminjs';
import type { RelatedRecords } from '../resources/resource-definition.js';
import { JurisdictionResource } from './adapter/jurisdiction-resource.js';
import { Components } from './components/registry.js';
import { populateTitles } from './reference-titles.js';
import { showOffices, userFieldsOf } from './code-words.js';
import { RESOURCE_DEFINITIONS } from '../resources/index.js';

const SHOWN_PER_RELATION = 10;

export interface RelatedBlock {
  resourceId: string;
  title: string;
  total: number;
  /** The target list filtered to this record, for "查看全部". */
  listUrl: string;
  records: unknown[];
}

/**
 * A record's related records on its show page, each block read through the target resource itself, so the viewer's
 * jurisdiction and the target's list permission apply exactly as on the target's own list.
 */
export function relatedRecordsFeature(relations: readonly RelatedRecords[]): FeatureType {
  const after = async (response: ActionResponse, _request: ActionRequest, context: ActionContext): Promise<ActionResponse> => {
    if (!response.record) return response;
    const blocks: RelatedBlock[] = [];
    for (const relation of relations) {
      const target = context._admin.findResource(relation.resourceId);
      if (!(target instanceof JurisdictionResource)) continue;
      const list = target.decorate().actions.list;
      if (!list || !list.isAccessible(context.currentAdmin)) continue;
      const value = response.record.params[relation.localKey ?? 'id'];
      const fixed = relation.where ?? {};
      // A key kept as text elsewhere (a flag's subjectId) is compared as the text it is on every engine.
      const key = relation.where && typeof value === 'number' ? String(value) : value;
      const found =
        value === undefined || value === null || value === ''
          ? { records: [], total: 0 }
          : await target.findRelated({ ...fixed, [relation.foreignKey]: key }, SHOWN_PER_RELATION, context);
      // Drawn by AdminJS's own records table with the target's list columns, so filled as the list fills them.
      const records = await populateTitles(found.records, context);
      const declaration = RESOURCE_DEFINITIONS.find((d) => d.id === relation.resourceId)?.model.declaration;
      await showOffices(
        records.map((r) => r.params),
        userFieldsOf(declaration),
      );
      blocks.push({
        resourceId: relation.resourceId,
        title: relation.title ?? relation.resourceId,
        total: found.total,
        listUrl: `${context.h.resourceUrl({ resourceId: relation.resourceId })}?${[
          ...Object.entries(fixed).map(([name, fixedValue]) => `filters.${name}=${encodeURIComponent(fixedValue)}`),
          `filters.${relation.foreignKey}=${encodeURIComponent(String(value ?? ''))}`,
        ].join('&')}`,
        records: records.map((r) => r.toJSON(context.currentAdmin)),
      });
    }
    response.record.params.related = JSON.stringify(blocks);
    return response;
  };
  return buildFeature({
    properties: {
      related: { isVisible: { list: false, filter: false, edit: false, show: true }, components: { show: Components.RelatedRecords } },
    },
    actions: { show: { after: [after] } },
  });
}
