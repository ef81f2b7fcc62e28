import { Op, type WhereOptions } from 'sequelize';
import type { DecisionStep } from '../../domain/escalation-target.js';
import type { AnyPendingSpec, AnyRecordDeclaration } from './field-types.js';

/** A record that declares pending work. */
export type PendingRecord = AnyRecordDeclaration & { readonly pending: AnyPendingSpec };

// The types already demand it; a declaration reached through an untyped path still fails loudly.
function pendingOf(declaration: AnyRecordDeclaration): AnyPendingSpec {
  if (!declaration.pending) throw new Error(`Record ${declaration.name} declares no pending work`);
  return declaration.pending;
}

/** The rows that wait for a supervisor, as a query condition. */
export function pendingWhere(declaration: PendingRecord): WhereOptions {
  const { field, in: states } = pendingOf(declaration);
  return { [field]: states.length === 1 ? states[0] : { [Op.in]: [...states] } };
}

/** The list filters that show the same rows (a list filter holds one value, so one pending state only). */
export function pendingFilters(declaration: PendingRecord): Record<string, string> {
  const { field, in: states } = pendingOf(declaration);
  if (states.length !== 1) throw new Error(`Record ${declaration.name}: pending ${field} has ${states.length} states, a list filter one`);
  return { [field]: states[0]! };
}

/** A deadline step's description of the record (resources/deadlines/deadline-steps.ts adds the model). */
export interface DeclaredDeadlineStep {
  step: DecisionStep;
  resourceId: string;
  regionField: string;
  titleField: string;
  pending: WhereOptions;
  startOf: (row: Record<string, unknown>) => Date | string | null | undefined;
}

/** The record's deadline step: its pending rows, counted from `since`, owned by the region of its jurisdiction. */
export function deadlineStepOf(declaration: PendingRecord): DeclaredDeadlineStep {
  const pending = pendingOf(declaration);
  const { jurisdiction } = declaration;
  const { step, title } = pending;
  if (!step || !title) throw new Error(`Record ${declaration.name} has no deadline step`);
  if (jurisdiction.kind !== 'region') throw new Error(`Record ${declaration.name}: a deadline step needs a region jurisdiction`);
  return {
    step,
    resourceId: declaration.name,
    regionField: jurisdiction.field,
    titleField: title,
    pending: pendingWhere(declaration),
    startOf: (row) => row[pending.since] as Date | string | null | undefined,
  };
}
