import { describe, expect, it } from '@jest/globals';
import { abnormalSavings } from '../../domain/risk/abnormal-savings.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ minSavingsRate: 0.3 }, { default: 'yellow', bands: [{ atLeast: 1_000_000, severity: 'orange' }] });
const projects = [{ id: 1, name: '食堂食材', regionCode: '360100', budgetAmount: '1000000.00' }];

describe('节支率异常 abnormalSavings', () => {
  it.each([
    ['saved 29.99%', ['700000.01'], 0],
    ['saved 30% exactly', ['700000.00'], 1],
    ['saved 30.01%', ['699999.99'], 1],
    ['two packages add up (30%)', ['400000.00', '300000.00'], 1],
    ['two packages add up (20%)', ['400000.00', '400000.00'], 0],
    ['award above budget', ['1200000.00'], 0],
  ])('%s', (_what, amounts, flags) => {
    const awards = amounts.map((awardAmount) => ({ projectId: 1, awardAmount }));
    expect(abnormalSavings({ projects, awards }, settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('names budget, award, savings and rate', () => {
    const [flag] = abnormalSavings({ projects, awards: [{ projectId: 1, awardAmount: 600000 }] }, settings, RISK_CONTEXT);
    expect(flag).toMatchObject({
      subjectType: 'ProcurementProject',
      amount: '1000000.00',
      severity: 'orange',
      figures: { 预算金额: '1,000,000.00 元', 中标成交金额: '600,000.00 元', 节支金额: '400,000.00 元', 节支率: '40.00%' },
      threshold: '中标（成交）金额低于预算 30.00% 及以上',
    });
  });

  it.each([
    ['no award notice', { projects, awards: [] }],
    [
      'an award without amount',
      {
        projects,
        awards: [
          { projectId: 1, awardAmount: '100.00' },
          { projectId: 1, awardAmount: null },
        ],
      },
    ],
    ['no budget', { projects: [{ ...projects[0]!, budgetAmount: null }], awards: [{ projectId: 1, awardAmount: '1.00' }] }],
    ['a zero budget', { projects: [{ ...projects[0]!, budgetAmount: '0' }], awards: [{ projectId: 1, awardAmount: '1.00' }] }],
  ])('raises nothing with %s', (_what, inputs) => {
    expect(abnormalSavings(inputs, settings, RISK_CONTEXT)).toEqual([]);
  });
});
