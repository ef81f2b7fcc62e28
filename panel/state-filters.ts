import { Filter, type Action, type ActionContext, type ActionRequest, type ActionResponse } from 'adminjs';
import type { AnyRecordDeclaration } from '../db/record/field-types.js';
import { checkReadRequest } from './adapter/read-request.js';
import type { JurisdictionResource } from './adapter/jurisdiction-resource.js';
import type { TotalIs } from './adapter/list-total.js';
import type { ResourceConfig } from './resource-config.js';

/** The resource action the list's quick state filters ask for their counts (`GET …/actions/stateCounts?filters.…`). */
export const STATE_COUNTS_ACTION = 'stateCounts';

export interface StateCounts {
  field: string;
  /** Records per value of `field`, within the user's jurisdiction and the list's other filters. */
  counts: Record<string, number>;
  /** The counts that are not exact, and what they are instead (约 N, or more than the limit); absent: all exact. */
  countIs?: Record<string, Exclude<TotalIs, 'exact'>>;
  /** What the list shows with the other filters and no state chosen (records without a state included). */
  total: number;
  /** As the list's own total says it: the same number, under the same rule. */
  totalIs: TotalIs;
}

/**
 * The state a list's quick filters offer, derived from the declaration alone: the choice that says what waits for a
 * supervisor (`pending.field`), else the first choice with tones. Only one the list shows and may be filtered by: a
 * chip must set a filter the list accepts, and a view that fixes the state (正式库会员) has nothing to choose.
 */
export function stateFilterField(declaration: AnyRecordDeclaration | undefined, config: ResourceConfig): string | undefined {
  const fields = declaration?.fields ?? {};
  const toned = Object.keys(fields).filter((name) => {
    const spec = fields[name]!;
    return spec.kind === 'choice' && !!spec.choiceTones;
  });
  const offered = (name: string) =>
    toned.includes(name) &&
    (!config.listProperties || config.listProperties.includes(name)) &&
    (!config.filterProperties || config.filterProperties.includes(name));
  return [...(declaration?.pending ? [declaration.pending.field] : []), ...toned].find(offered);
}

/**
 * Counts for the quick filters, read through the adapter's jurisdiction like the list itself, with the list's own
 * checks on what may be filtered and its own counting rule (exact up to `exactCountLimit`, or `exactCount=true`); the
 * state's own filter is left out, since every chip counts under the others.
 */
export function stateCountsAction(
  field: string,
  linkedFilterKeys: ReadonlySet<string>,
  exactCountLimit: number,
): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    // An API for the list's chips, not a button of the list's header.
    isVisible: false,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext): Promise<StateCounts> => {
      const { filters, exactCount } = checkReadRequest(request.query, context.resource, linkedFilterKeys);
      const others = Object.fromEntries(Object.entries(filters).filter(([key]) => key !== field));
      const resource = context.resource as JurisdictionResource;
      const { byValue, total } = await resource.countByValue(new Filter(others, resource), field, context, {
        limit: exactCountLimit,
        exact: exactCount,
      });
      const counts: Record<string, number> = {};
      const countIs: NonNullable<StateCounts['countIs']> = {};
      for (const [value, n] of byValue) {
        counts[value] = n.total;
        if (n.totalIs !== 'exact') countIs[value] = n.totalIs;
      }
      return { field, counts, ...(Object.keys(countIs).length && { countIs }), total: total.total, totalIs: total.totalIs };
    },
  };
}
