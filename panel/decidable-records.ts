import type { WhereOptions } from 'sequelize';
import { decidableRule } from '../actions/decision-checks.js';
import { decisionsIn } from '../actions/supervisory-action.js';
import { RESOURCE_DEFINITIONS } from '../resources/index.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import type { ResourceDefinition } from '../resources/resource-definition.js';

export type DecidableRule = (user: SessionUser) => WhereOptions | null;

/**
 * What a user may decide in a resource, as SQL, from the decisions that show or hide its buttons (or, for a view such
 * as 预算编码核对, from those of the resource that decides its records); undefined where no rule can say so.
 */
export function decidableRuleOf(
  definition: ResourceDefinition,
  all: readonly ResourceDefinition[] = RESOURCE_DEFINITIONS,
): DecidableRule | undefined {
  const decider = definition.decisionsOf ? all.find((d) => d.id === definition.decisionsOf) : definition;
  if (!decider) throw new Error(`${definition.id}: decisionsOf names ${definition.decisionsOf}, which is no resource`);
  return decidableRule(decisionsIn(decider.options?.actions));
}

const RULES = new Map(RESOURCE_DEFINITIONS.map((d) => [d.id, decidableRuleOf(d)]));

/** The rule of a resource by id; a workbench card whose resource has none is a programming error. */
export function decidableRuleFor(resourceId: string): DecidableRule {
  const rule = RULES.get(resourceId);
  if (!rule) throw new Error(`resource ${resourceId} has no decisions that say what a user decides there`);
  return rule;
}
