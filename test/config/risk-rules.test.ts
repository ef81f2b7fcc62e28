import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RISK_RULE_CODES } from '../../domain/risk/rule-codes.js';
import { loadRiskRules, RISK_RULES_FILE } from '../../settings/risk-rules.js';

const shipped = fs.readFileSync(RISK_RULES_FILE, 'utf8');
const file = (text: string): string => {
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'risk-rules-')), 'risk-rules.yaml');
  fs.writeFileSync(target, text);
  return target;
};
/** The shipped file with one line changed; fails loudly if the line is not there, so the case cannot pass by accident. */
const edited = (from: string, to: string): string => {
  expect(shipped).toContain(from);
  return file(shipped.replace(from, to));
};

describe('config/risk-rules.yaml', () => {
  it('the shipped file holds every rule, each with its label, basis and severity', () => {
    const { rules } = loadRiskRules();
    expect(Object.keys(rules).sort()).toEqual([...RISK_RULE_CODES].sort());
    expect(RISK_RULE_CODES).toHaveLength(14);
    for (const code of RISK_RULE_CODES) {
      expect(rules[code]).toMatchObject({ enabled: true, label: expect.any(String), basis: expect.stringMatching(/《.+》/) });
    }
  });

  it('ships the thresholds the issue names', () => {
    const { rules, context } = loadRiskRules();
    expect(rules.singleResponse.thresholds.minSuppliers).toBe(2);
    expect(rules.failedThenNonCompetitive.thresholds).toEqual({
      windowDays: 365,
      amountTolerance: 0.1,
      nonCompetitiveMethods: ['single_source'],
    });
    expect(rules.abnormalSavings.thresholds.minSavingsRate).toBe(0.3);
    expect(rules.lateContractSigning.thresholds.maxDays).toBe(30);
    expect(rules.contractAboveAward.thresholds.maxAdditionRate).toBe(0.1);
    expect(rules.latePayment.thresholds.maxDays).toBe(30);
    expect(rules.supplierConcentration.thresholds.minShare).toBe(0.5);
    expect(rules.shortIntentionNotice.thresholds.minDays).toBe(30);
    expect(context.weights).toEqual({ red: 3, orange: 2, yellow: 1 });
    expect(rules.singleResponse.severity).toEqual({ default: 'orange', bands: [{ atLeast: 4_000_000, severity: 'red' }] });
  });

  it('every number we chose says why', () => {
    const { rules } = loadRiskRules();
    for (const code of [
      'singleResponse',
      'failedThenNonCompetitive',
      'splitPurchases',
      'abnormalSavings',
      'serialLoser',
      'supplierConcentration',
      'repeatedExpert',
    ] as const) {
      expect(rules[code].why).toEqual(expect.stringMatching(/本系统/));
    }
  });

  it('takes the filing limit from deadlines.yaml and the public-tender thresholds from supervision-rules.yaml: one home each', () => {
    const { rules, context } = loadRiskRules();
    expect(rules.lateContractFiling.thresholds).toEqual({ maxWorkingDays: 7 });
    expect(context.publicTenderThresholds('360121')).toEqual({ goods: 4_000_000, services: 4_000_000, works: 4_000_000 });
    expect(context.calendar.holidays).toContain('2026-10-01');
  });

  it.each([
    [
      'a ratio above 100%',
      '      minSavingsRate: 0.3',
      '      minSavingsRate: 1.5',
      'rules.abnormalSavings.thresholds.minSavingsRate：不超过 1',
    ],
    [
      'a ratio typed as a percentage text',
      '      minSavingsRate: 0.3',
      "      minSavingsRate: '30%'",
      'rules.abnormalSavings.thresholds.minSavingsRate：应为小数比例',
    ],
    [
      'days with decimals',
      '      maxDays: 30\n    basis: 《政府采购法》第四十六条',
      '      maxDays: 30.5\n    basis: 《政府采购法》第四十六条',
      'rules.lateContractSigning.thresholds.maxDays：应为天数',
    ],
    [
      'an unknown method',
      'nonCompetitiveMethods: [single_source]',
      'nonCompetitiveMethods: [单一来源]',
      'rules.failedThenNonCompetitive.thresholds.nonCompetitiveMethods.0：应为采购方式代码之一',
    ],
    [
      'an unknown severity',
      '    severity: { default: red, bands: [] }\n\n  abnormalSavings',
      '    severity: { default: 紫, bands: [] }\n\n  abnormalSavings',
      'rules.splitPurchases.severity.default：应为 red（红）',
    ],
    [
      'a band without an amount',
      '{ atLeast: 4000000, severity: red }',
      '{ severity: red }',
      'rules.singleResponse.severity.bands.0.atLeast：应为金额（元）',
    ],
    [
      'a missing basis',
      '    basis: 《关于开展政府采购意向公开工作的通知》',
      '    basisx: 《关于开展政府采购意向公开工作的通知》',
      'rules.shortIntentionNotice.basis：请写明法律依据',
    ],
    [
      'an unknown key',
      '      minAwards: 3',
      '      minAwards: 3\n      maxAwards: 9',
      'rules.supplierConcentration.thresholds：不认识的键：maxAwards',
    ],
    [
      'a weight of zero',
      'severityWeights: { red: 3, orange: 2, yellow: 1 }',
      'severityWeights: { red: 3, orange: 0, yellow: 1 }',
      'severityWeights.orange：应大于 0',
    ],
    [
      'a switch typed as 是',
      '      samePhone: true',
      '      samePhone: 是',
      'rules.linkedBidders.thresholds.samePhone：应为 true 或 false',
    ],
  ])('%s stops start-up in Chinese, naming the key', (_what, from, to, expected) => {
    expect(() => loadRiskRules(edited(from, to))).toThrow('配置错误: ');
    expect(() => loadRiskRules(edited(from, to))).toThrow(expected);
  });

  it('a rule left out of the file is named', () => {
    const cut = shipped.slice(0, shipped.indexOf('  repeatedExpert:'));
    expect(() => loadRiskRules(file(cut))).toThrow('rules.repeatedExpert：缺少此项');
  });

  it('a rule switched off stays off', () => {
    const rules = loadRiskRules(edited('    label: 专家重复\n    enabled: true', '    label: 专家重复\n    enabled: false')).rules;
    expect(rules.repeatedExpert.enabled).toBe(false);
  });
});
