import { trigramFieldsOf } from '../db/record/trigram-indexes.js';
import type { ResourceDefinition } from '../resources/resource-definition.js';
import { exactFieldsOf, matchesAnywhere } from './adapter/filter-to-where.js';
import { JurisdictionResource } from './adapter/jurisdiction-resource.js';
import type { ResourceConfig } from './resource-config.js';

/**
 * The contains-filters (`Resource.field`) of large tables (`large: true`) that no declared trigram index serves: on
 * PostgreSQL each such search would read the whole table. The shipped config has none
 * (test/db/text-filter-indexes.test.ts); one an administrator adds to config/resources.yaml is named in the log at
 * start. A view is not declared large: its filters reach its tables' indexes (budget_overview those of
 * integration_budgets).
 */
export function unindexedTextFilters(definitions: readonly ResourceDefinition[], config: ReadonlyMap<string, ResourceConfig>): string[] {
  const unindexed: string[] = [];
  for (const definition of definitions) {
    const declaration = definition.model.declaration;
    if (!declaration?.large) continue;
    // The properties as the filter reads them: the adapter's, before AdminJS's options.
    const resource = new JurisdictionResource(definition.model);
    const indexed = trigramFieldsOf(declaration);
    const exact = exactFieldsOf(declaration);
    // Without a list in the config, AdminJS offers every property as a filter.
    for (const name of config.get(definition.id)?.filterProperties ?? Object.keys(definition.model.getAttributes())) {
      const property = resource.property(name);
      if (property && matchesAnywhere(property, exact) && !indexed.has(name)) unindexed.push(`${definition.id}.${name}`);
    }
  }
  return unindexed;
}
