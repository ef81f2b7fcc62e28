import { z } from 'zod';
import { RISK_RULE_CODES, type RiskRuleCode } from '../../domain/risk/rule-codes.js';
import type { Processor } from '../../queue/job-types.js';
import { evaluateRisk } from '../../services/risk/evaluate-risk.js';
import { logger } from '../../settings/logger.js';

const input = z
  .object({
    rules: z
      .array(z.enum(RISK_RULE_CODES as [RiskRuleCode, ...RiskRuleCode[]]))
      .min(1)
      .optional(),
  })
  .default({});

/** The red-flag rules a change touched, or every rule (the nightly pass), evaluated and stored. */
export const evaluateRiskJob: Processor = async (data) => {
  const { rules } = input.parse(data ?? {});
  const runs = await evaluateRisk(rules);
  logger.info({ runs }, 'red-flag rules evaluated');
  return runs;
};
