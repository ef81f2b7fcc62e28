/** What every rule shares: it raises nothing when switched off, and each flag gets its basis, severity and score alike. */
import { fenToDecimal } from '../money.js';
import type { FlagSubject, RaisedFlag, RiskContext, RuleSettings } from './risk-flag.js';
import type { RiskRuleCode } from './rule-codes.js';
import { scoreFen, severityFor } from './severity.js';

export type Raise = (subject: FlagSubject, amountFen: number, figures: Record<string, number | string>, threshold: string) => RaisedFlag;

export type Rule<I, T> = (inputs: I, settings: RuleSettings<T>, context: RiskContext) => RaisedFlag[];

export function defineRule<I, T>(
  rule: RiskRuleCode,
  evaluate: (inputs: I, thresholds: T, raise: Raise, context: RiskContext) => RaisedFlag[],
): Rule<I, T> {
  return (inputs, settings, context) => {
    if (!settings.enabled) return [];
    const raise: Raise = (subject, amountFen, figures, threshold) => {
      const severity = severityFor(amountFen, settings.severity);
      return {
        rule,
        subjectType: subject.type,
        subjectId: String(subject.id),
        subjectLabel: subject.label,
        regionCode: subject.regionCode,
        amount: fenToDecimal(amountFen),
        figures,
        threshold,
        basis: settings.basis,
        severity,
        score: fenToDecimal(scoreFen(amountFen, severity, context.weights)),
      };
    };
    return evaluate(inputs, settings.thresholds, raise, context);
  };
}
