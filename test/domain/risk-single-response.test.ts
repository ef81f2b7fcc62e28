import { describe, expect, it } from '@jest/globals';
import { singleResponse, type ProjectInput, type RegistrationInput } from '../../domain/risk/single-response.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf(
  { minSuppliers: 2, competitiveMethods: ['public_tender', 'competitive_negotiation'], stages: ['awarded', 'contracted'] },
  { default: 'orange', bands: [{ atLeast: 4_000_000, severity: 'red' }] },
);
const project = (over: Partial<ProjectInput> = {}): ProjectInput => ({
  id: 1,
  name: '办公设备采购',
  regionCode: '360100',
  procurementMethod: 'public_tender',
  budgetAmount: '1000000.00',
  stage: 'awarded',
  ...over,
});
const reg = (supplier: string, status = 'registered', packageNo = '1'): RegistrationInput => ({
  projectId: 1,
  packageNo,
  supplierCreditCode: supplier,
  status,
});

describe('单一响应 singleResponse', () => {
  it.each([
    ['one supplier (below 2)', [reg('A')], 1],
    ['two suppliers (at 2)', [reg('A'), reg('B')], 0],
    ['three suppliers (above)', [reg('A'), reg('B'), reg('C')], 0],
    ['two, one withdrawn', [reg('A'), reg('B', 'withdrawn')], 1],
    ['the same supplier twice counts once', [reg('A'), reg('A', 'documents_obtained')], 1],
    ['one package short of two', [reg('A'), reg('B'), reg('C', 'registered', '2')], 1],
  ])('%s', (_what, registrations, flags) => {
    expect(singleResponse({ projects: [project()], registrations }, settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('names its figures, the threshold and the subject', () => {
    const flags = singleResponse(
      { projects: [project()], registrations: [reg('A'), reg('B'), reg('C', 'registered', '2')] },
      settings,
      RISK_CONTEXT,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      rule: 'singleResponse',
      subjectType: 'ProcurementProject',
      subjectId: '1',
      subjectLabel: '办公设备采购',
      regionCode: '360100',
      amount: '1000000.00',
      severity: 'orange',
      score: '2000000.00',
      threshold: '竞争性采购的包有效报名（未撤回）供应商少于 2 家',
      figures: { 采购方式: '公开招标', 响应不足的包: '2（1 家）', 最少有效报名供应商数: 1, 预算金额: '1,000,000.00 元' },
    });
  });

  it.each([
    ['a non-competitive method', project({ procurementMethod: 'single_source' })],
    ['registration still open', project({ stage: 'bidding' })],
    ['a failed tender', project({ stage: 'failed' })],
    ['no budget', project({ budgetAmount: null })],
    ['no method', project({ procurementMethod: null })],
  ])('raises nothing for %s', (_what, p) => {
    expect(singleResponse({ projects: [p], registrations: [reg('A')] }, settings, RISK_CONTEXT)).toEqual([]);
  });

  it('raises nothing for a project with no registrations at all (nothing held to judge)', () => {
    expect(singleResponse({ projects: [project()], registrations: [] }, settings, RISK_CONTEXT)).toEqual([]);
  });

  it('a budget of 400万元 turns it red', () => {
    const [flag] = singleResponse({ projects: [project({ budgetAmount: 4_000_000 })], registrations: [reg('A')] }, settings, RISK_CONTEXT);
    expect(flag!.severity).toBe('red');
  });
});
