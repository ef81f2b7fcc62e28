import { z } from 'zod';
import { PROCUREMENT_METHODS } from '../domain/procurement-methods.js';
import type { AbnormalSavingsThresholds } from '../domain/risk/abnormal-savings.js';
import type { ContractAboveAwardThresholds } from '../domain/risk/contract-above-award.js';
import type { FailedThenNonCompetitiveThresholds } from '../domain/risk/failed-then-non-competitive.js';
import type { LateContractFilingThresholds } from '../domain/risk/late-contract-filing.js';
import type { LateContractSigningThresholds } from '../domain/risk/late-contract-signing.js';
import type { LatePaymentThresholds } from '../domain/risk/late-payment.js';
import type { LinkedBiddersThresholds } from '../domain/risk/linked-bidders.js';
import type { PaymentMismatchThresholds } from '../domain/risk/payment-mismatch.js';
import type { RepeatedExpertThresholds } from '../domain/risk/repeated-expert.js';
import { RISK_SEVERITIES, type RiskContext, type RuleSettings } from '../domain/risk/risk-flag.js';
import type { RiskRuleCode } from '../domain/risk/rule-codes.js';
import type { SerialLoserThresholds } from '../domain/risk/serial-loser.js';
import type { ShortIntentionNoticeThresholds } from '../domain/risk/short-intention-notice.js';
import type { SingleResponseThresholds } from '../domain/risk/single-response.js';
import type { SplitPurchasesThresholds } from '../domain/risk/split-purchases.js';
import type { SupplierConcentrationThresholds } from '../domain/risk/supplier-concentration.js';
import { readConfigFile } from './config-file.js';
import { deadlineRules, type DeadlineRules } from './deadline-rules.js';
import { supervisionRules, type SupervisionRules } from './supervision-rules.js';

export const RISK_RULES_FILE = new URL('../config/risk-rules.yaml', import.meta.url);

const object = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `不认识的键：${issue.keys.join('、')}`
        : issue.input === undefined
          ? '缺少此项'
          : '应为一组“键: 值”（YAML 映射）',
  });
const count = z.number({ error: '应为整数，例如 3' }).int('应为整数，例如 3').min(1, '至少为 1');
const days = z
  .number({ error: '应为天数（整数），例如 30' })
  .int('应为天数（整数），例如 30')
  .min(1, '至少 1 日')
  .max(3650, '不超过 3650 日');
const ratio = z.number({ error: '应为小数比例，例如 0.3 表示 30%' }).gt(0, '应大于 0').max(1, '不超过 1（即 100%）');
const yes = z.boolean({ error: '应为 true 或 false' });
const methodList = z.array(z.enum(PROCUREMENT_METHODS, { error: `应为采购方式代码之一：${PROCUREMENT_METHODS.join('、')}` }), {
  error: '应为采购方式代码的列表',
});
const methods = methodList.min(1, '至少列出一种采购方式');
// procurement_projects.stage's choices (db/records/procurement-project.record.ts).
const stages = z
  .array(
    z.enum(['planning', 'bidding', 'awarded', 'contracted', 'failed'], { error: '应为 planning、bidding、awarded、contracted 或 failed' }),
    {
      error: '应为项目进度代码的列表',
    },
  )
  .min(1, '至少列出一个项目进度');
const severity = z.enum(RISK_SEVERITIES, { error: '应为 red（红）、orange（橙）或 yellow（黄）' });
const text = (what: string) =>
  z
    .string({ error: `请写明${what}` })
    .trim()
    .min(1, `请写明${what}`);

const entry = <T extends z.ZodType>(thresholds: T) =>
  object({
    label: text('指标名称'),
    enabled: yes,
    thresholds,
    basis: text('法律依据（法规名称与条款）'),
    why: text('选定数字的理由').optional(),
    severity: object({
      default: severity,
      bands: z
        .array(object({ atLeast: z.number({ error: '应为金额（元），例如 1000000' }).positive('应为大于 0 的金额（元）'), severity }), {
          error: '应为金额档次的列表，例如 [{ atLeast: 1000000, severity: red }]',
        })
        .default([]),
    }),
  });

const schema = object({
  severityWeights: object({
    red: z.number({ error: '应为权重（数字）' }).positive('应大于 0'),
    orange: z.number({ error: '应为权重（数字）' }).positive('应大于 0'),
    yellow: z.number({ error: '应为权重（数字）' }).positive('应大于 0'),
  }),
  rules: object({
    singleResponse: entry(object({ minSuppliers: count, competitiveMethods: methods, stages })),
    linkedBidders: entry(object({ samePhone: yes, sameContactName: yes })),
    failedThenNonCompetitive: entry(object({ windowDays: days, amountTolerance: ratio, nonCompetitiveMethods: methods })),
    splitPurchases: entry(object({ minPurchases: count, ignoreMethods: methodList })),
    abnormalSavings: entry(object({ minSavingsRate: ratio })),
    lateContractSigning: entry(object({ maxDays: days })),
    lateContractFiling: entry(object({})),
    contractAboveAward: entry(object({ maxAdditionRate: ratio })),
    latePayment: entry(object({ maxDays: days })),
    paymentMismatch: entry(object({})),
    serialLoser: entry(
      object({ minRegistrations: count, fenceMultiplier: z.number({ error: '应为倍数，例如 1.5' }).positive('应大于 0') }),
    ),
    supplierConcentration: entry(object({ minShare: ratio, minAwards: count })),
    shortIntentionNotice: entry(object({ minDays: days })),
    repeatedExpert: entry(object({ maxPerYear: count })),
  }),
});

export interface RuleThresholds {
  singleResponse: SingleResponseThresholds;
  linkedBidders: LinkedBiddersThresholds;
  failedThenNonCompetitive: FailedThenNonCompetitiveThresholds;
  splitPurchases: SplitPurchasesThresholds;
  abnormalSavings: AbnormalSavingsThresholds;
  lateContractSigning: LateContractSigningThresholds;
  lateContractFiling: LateContractFilingThresholds;
  contractAboveAward: ContractAboveAwardThresholds;
  latePayment: LatePaymentThresholds;
  paymentMismatch: PaymentMismatchThresholds;
  serialLoser: SerialLoserThresholds;
  supplierConcentration: SupplierConcentrationThresholds;
  shortIntentionNotice: ShortIntentionNoticeThresholds;
  repeatedExpert: RepeatedExpertThresholds;
}

export interface RiskRules {
  rules: { [R in RiskRuleCode]: RuleSettings<RuleThresholds[R]> };
  /** Weights, the national calendar and the public-tender thresholds, for every rule. */
  context: RiskContext;
}

/**
 * Reads config/risk-rules.yaml; a mistake stops start-up naming the file, the place and what is expected. Two limits
 * are kept where they already are, so each number has one home: the contract-filing working days
 * (config/deadlines.yaml, the workbench's 逾期备案) and the public-tender thresholds (config/supervision-rules.yaml).
 */
export function loadRiskRules(
  file: URL | string = RISK_RULES_FILE,
  sources: { deadlines: DeadlineRules; supervision: SupervisionRules } = { deadlines: deadlineRules(), supervision: supervisionRules() },
): RiskRules {
  const name = typeof file === 'string' ? file : 'config/risk-rules.yaml';
  const parsed = readConfigFile(file, name, schema);
  const settings = <T>(e: z.infer<ReturnType<typeof entry>>, thresholds: T): RuleSettings<T> => ({
    label: e.label,
    enabled: e.enabled,
    thresholds,
    basis: e.basis,
    why: e.why ?? null,
    severity: e.severity,
  });
  const r = parsed.rules;
  return {
    rules: {
      singleResponse: settings(r.singleResponse, r.singleResponse.thresholds),
      linkedBidders: settings(r.linkedBidders, r.linkedBidders.thresholds),
      failedThenNonCompetitive: settings(r.failedThenNonCompetitive, r.failedThenNonCompetitive.thresholds),
      splitPurchases: settings(r.splitPurchases, r.splitPurchases.thresholds),
      abnormalSavings: settings(r.abnormalSavings, r.abnormalSavings.thresholds),
      lateContractSigning: settings(r.lateContractSigning, r.lateContractSigning.thresholds),
      lateContractFiling: settings(r.lateContractFiling, { maxWorkingDays: sources.deadlines.steps.contractFiling.workingDays }),
      contractAboveAward: settings(r.contractAboveAward, r.contractAboveAward.thresholds),
      latePayment: settings(r.latePayment, r.latePayment.thresholds),
      paymentMismatch: settings(r.paymentMismatch, {}),
      serialLoser: settings(r.serialLoser, r.serialLoser.thresholds),
      supplierConcentration: settings(r.supplierConcentration, r.supplierConcentration.thresholds),
      shortIntentionNotice: settings(r.shortIntentionNotice, r.shortIntentionNotice.thresholds),
      repeatedExpert: settings(r.repeatedExpert, r.repeatedExpert.thresholds),
    },
    context: {
      weights: parsed.severityWeights,
      calendar: sources.deadlines.calendar,
      publicTenderThresholds: (regionCode) => sources.supervision.thresholdsFor(regionCode),
    },
  };
}

let cached: RiskRules | undefined;
export function riskRules(): RiskRules {
  cached ??= loadRiskRules();
  return cached;
}
