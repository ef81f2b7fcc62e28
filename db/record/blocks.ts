import type { FieldBlock, FieldSpec, Label } from './field-types.js';
import { boolean, day, integer, longText, moment, stamp, text } from './fields.js';

const inBlock = <S extends FieldSpec>(block: FieldBlock, spec: S): S => ({ ...spec, block });

interface Column<Name extends string> {
  readonly name: Name;
  readonly label: Label;
}

/**
 * Who decided, when and why: the same three columns under each record's own names (a unit's reviewedAt /
 * reviewerName / reviewComment, a request's decidedAt / decidedBy / decisionReason). Empty until decided.
 */
export function decision<const At extends string, const By extends string, const Reason extends string>(columns: {
  at: Column<At>;
  by: Column<By> & { readonly length: number };
  reason: Column<Reason>;
}): { [K in At]: FieldSpec<Date | null, true> } & { [K in By]: FieldSpec<string | null, true> } & {
  [K in Reason]: FieldSpec<string | null, true>;
} {
  const nullable = { nullable: true } as const;
  return {
    [columns.at.name]: inBlock('decision', moment(columns.at.label, nullable)),
    [columns.by.name]: inBlock('decision', text(columns.by.length, columns.by.label, { ...nullable, codeOf: 'user' })),
    [columns.reason.name]: inBlock('decision', longText(columns.reason.label, nullable)),
  } as never;
}

/** The counter a supervisory decision compares and raises, so two offices cannot decide the same row at once. */
export const versioned = (label?: Label) => ({ version: integer(label, { default: 0 }) });

/**
 * The columns of a record that waits for a supervisor under a time limit; refreshDeadlines keeps them current and the
 * global locale names them.
 */
export const deadline = () => ({
  dueDate: inBlock('deadline', day(undefined, { nullable: true })),
  overdueDays: inBlock('deadline', integer(undefined, { default: 0 })),
  overdue: inBlock('deadline', boolean(undefined, { default: false })),
});

/** Sequelize's createdAt / updatedAt; labels only where the record names them otherwise than the global labels do. */
export const timestamps = (labels: { createdAt?: Label; updatedAt?: Label } = {}) => ({
  createdAt: stamp(labels.createdAt),
  updatedAt: stamp(labels.updatedAt),
});
