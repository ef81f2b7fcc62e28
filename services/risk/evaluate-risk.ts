import { RISK_RULE_CODES, type RiskRuleCode } from '../../domain/risk/rule-codes.js';
import { riskRules } from '../../settings/risk-rules.js';
import { upsertFlags, type FlagStoreRun } from './flag-store.js';
import { raiseFlags } from './rule-inputs.js';

export interface RuleEvaluation extends FlagStoreRun {
  rule: RiskRuleCode;
  raised: number;
}

/**
 * The red-flag rules asked for, evaluated over everything we hold and stored: each rule's flags are upserted by rule
 * and subject, and its open flags not raised this time are closed as 已消除. A rule switched off in
 * config/risk-rules.yaml raises nothing, so its open flags are closed too. Each rule is stored in its own
 * transaction; a run interrupted half-way is finished by the next one (the job's retry, or the night's pass).
 */
export async function evaluateRisk(rules: readonly RiskRuleCode[] = RISK_RULE_CODES, now = new Date()): Promise<RuleEvaluation[]> {
  const { rules: settings, context } = riskRules();
  const raised = await raiseFlags(rules, settings, context);
  const runs: RuleEvaluation[] = [];
  for (const [rule, flags] of raised) runs.push({ rule, raised: flags.length, ...(await upsertFlags(flags, { rule }, now)) });
  return runs;
}
