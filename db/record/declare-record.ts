import type { AnyPendingSpec, Fields, IndexSpec, Label, PendingSpec, RecordDeclaration, RecordJurisdiction } from './field-types.js';

/** The deadline() block's columns, which refreshDeadlines writes for every record with a deadline step. */
const DEADLINE_COLUMNS = ['dueDate', 'overdueDays', 'overdue'] as const;

/**
 * Declares a record once; its model, labels, pending work and deadline step are derived from what is returned.
 * The names it points at are checked by the type checker, and again here for what types cannot say (a pending state
 * among the choice's values, a deadline step on a record without the deadline columns), so a wrong declaration stops
 * the start instead of counting nothing.
 */
export function declareRecord<const F extends Fields, const P extends PendingSpec<F> | undefined = undefined>(declaration: {
  name: string;
  table: string;
  label: Label;
  jurisdiction: RecordJurisdiction<F>;
  fields: F;
  pending?: P;
  indexes?: readonly IndexSpec<keyof F & string>[];
  view?: boolean;
  large?: boolean;
}): RecordDeclaration<F, P> {
  const { name, fields } = declaration;
  const fail = (what: string) => {
    throw new Error(`Record ${name}: ${what}`);
  };
  const { jurisdiction } = declaration;
  if ('field' in jurisdiction && !fields[jurisdiction.field]) fail(`jurisdiction field ${jurisdiction.field} is not one of its fields`);
  const pending = declaration.pending as AnyPendingSpec | undefined;
  if (pending) {
    const values = fields[pending.field]?.values ?? [];
    for (const state of pending.in) if (!values.includes(state)) fail(`pending ${pending.field} ${state} is not one of its values`);
    if (pending.in.length === 0) fail('pending names no state');
    for (const key of [pending.since, pending.title ?? pending.since])
      if (!fields[key]) fail(`pending names ${key}, not one of its fields`);
    if (pending.step && DEADLINE_COLUMNS.some((column) => !fields[column]))
      fail(`deadline step ${pending.step} without the deadline() fields`);
    if (pending.step && !pending.title) fail(`deadline step ${pending.step} without a title to list its rows by`);
  }
  const indexes = declaration.indexes ?? [];
  for (const index of indexes) for (const field of index.fields) if (!fields[field]) fail(`index on ${field}, not one of its fields`);
  const view = declaration.view ?? false;
  if (view && indexes.length) fail('a view has no indexes of its own');
  return { ...declaration, pending: declaration.pending as P, indexes, view, large: declaration.large ?? false };
}
