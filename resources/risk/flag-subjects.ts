import type { RelatedRecords } from '../resource-definition.js';

/** The resources whose records the rules raise flags on: each lists its flags on its record page, and a flag links there. */
export const RESOURCES_WITH_FLAGS: ReadonlySet<string> = new Set([
  'ProcurementProject',
  'ContractFiling',
  'PaymentVoucher',
  'ProcurementUnit',
  'AwardNotice',
  'ProcurementIntention',
  'Expert',
]);

/** A subject's flags, listed on its record page (its resource id is the flags' subjectType). */
export const flagsOf = (subjectType: string): RelatedRecords => ({
  resourceId: 'RiskFlag',
  foreignKey: 'subjectId',
  where: { subjectType },
});
