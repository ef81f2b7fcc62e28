import type { CategoryThresholds } from '../supervision-rules.js';
import type { WorkingCalendar } from '../working-days.js';
import type { RiskRuleCode } from './rule-codes.js';

/** How strongly a flag calls for attention: 红 first, then 橙, then 黄. */
export const RISK_SEVERITY_LABELS = Object.freeze({ red: '红', orange: '橙', yellow: '黄' } as const);
export type RiskSeverity = keyof typeof RISK_SEVERITY_LABELS;

/**
 * A red flag as a rule raises it, before it is stored: the contract between the rules (domain/risk/), the job that
 * evaluates them and the flag store (services/risk/flag-store.ts). A flag is known by rule + subjectType + subjectId;
 * raising it again updates it, not raising it in a scope that was evaluated clears it.
 */
export interface RaisedFlag {
  rule: RiskRuleCode;
  /** The panel's resource id of what the flag is about (e.g. 'ProcurementProject'), so the list can link to it. */
  subjectType: string;
  subjectId: string;
  /** What the list shows for the subject (the project's name …). */
  subjectLabel: string;
  /** The region the subject belongs to: who sees the flag, and which office a case from it is assigned to. */
  regionCode: string;
  /** Yuan with cents, as a decimal string ("1234.50") or a number. */
  amount: string | number;
  /** The figures the rule compared, by their Chinese names (e.g. { 投标人数: 1 }), so the flag explains itself. */
  figures: Record<string, string | number | boolean | null>;
  /** The limit that was passed, in words (e.g. 「投标人少于 2 家」). */
  threshold: string;
  /** The legal basis (e.g. 《政府采购法》第四十七条). */
  basis: string;
  severity: RiskSeverity;
  /** Severity weight × amount: the list's order. */
  score: string | number;
}

/** Which flags one evaluation looked at: one rule, over every subject or over the subjects named. */
export interface EvaluatedScope {
  rule: RiskRuleCode;
  /** Only these subjects were evaluated (an incremental run); absent: the rule was evaluated over everything. */
  subjects?: ReadonlyArray<{ subjectType: string; subjectId: string }>;
}

export const RISK_SEVERITIES = Object.keys(RISK_SEVERITY_LABELS) as readonly RiskSeverity[];

/** A rule's severity: its default, raised by the money at stake (yuan) when it reaches a band. */
export interface SeverityPolicy {
  default: RiskSeverity;
  bands: ReadonlyArray<{ atLeast: number; severity: RiskSeverity }>;
}

export type SeverityWeights = Readonly<Record<RiskSeverity, number>>;

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
