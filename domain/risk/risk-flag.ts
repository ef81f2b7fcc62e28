/** What a red-flag rule raises, and the settings every rule is given. */
import type { CategoryThresholds } from '../supervision-rules.js';
import type { WorkingCalendar } from '../working-days.js';
import type { RuleCode } from './rule-codes.js';

export const SEVERITIES = ['red', 'orange', 'yellow'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = Object.freeze({ red: '红', orange: '橙', yellow: '黄' });

/**
 * One flag: which rule, on which record (the panel resource id and the record's id), in whose jurisdiction, how much
 * money is at stake, the figures the rule computed (named in Chinese), the threshold it crossed and its legal basis.
 * The job that stores flags keys them by (rule, subjectType, subjectId).
 */
export interface RaisedFlag {
  rule: RuleCode;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  regionCode: string;
  /** Yuan, as a decimal text ("1234.50"), exact as domain/money.ts keeps money. */
  amount: string;
  figures: Record<string, number | string>;
  threshold: string;
  basis: string;
  severity: Severity;
  /** Severity weight × amount, yuan as a decimal text: the order a list of flags is read in. */
  score: string;
}

/** A rule's severity: its default, raised by the money at stake (yuan) when it reaches a band. */
export interface SeverityPolicy {
  default: Severity;
  bands: ReadonlyArray<{ atLeast: number; severity: Severity }>;
}

export type SeverityWeights = Readonly<Record<Severity, number>>;

/** One rule's entry of config/risk-rules.yaml. */
export interface RuleSettings<T> {
  label: string;
  enabled: boolean;
  thresholds: T;
  /** The law or notice the rule rests on, with its article. */
  basis: string;
  /** Where the source gives no number: which number we chose and why. */
  why: string | null;
  severity: SeverityPolicy;
}

/** What rules share beyond their own thresholds. */
export interface RiskContext {
  weights: SeverityWeights;
  /** The national working calendar (config/deadlines.yaml). */
  calendar: WorkingCalendar;
  /** The public-tender thresholds that apply to a unit of `regionCode` (config/supervision-rules.yaml). */
  publicTenderThresholds: (regionCode: string) => CategoryThresholds;
}

/** The record a flag is about. */
export interface FlagSubject {
  type: string;
  id: string | number;
  label: string;
  regionCode: string;
}
