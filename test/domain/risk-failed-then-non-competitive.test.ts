import { describe, expect, it } from '@jest/globals';
import { failedThenNonCompetitive, type FailedTenderInput, type FollowUpInput } from '../../domain/risk/failed-then-non-competitive.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ windowDays: 365, amountTolerance: 0.1, nonCompetitiveMethods: ['single_source'] });
const failed: FailedTenderInput = {
  id: 5,
  projectName: '信息系统建设',
  procurementUnitId: 9,
  amount: '1000000.00',
  failedAt: '2026-01-10T02:00:00Z',
};
const follow = (over: Partial<FollowUpInput> = {}): FollowUpInput => ({
  subjectType: 'ProcurementProject',
  id: 77,
  name: '信息系统建设（二次）',
  regionCode: '360100',
  procurementUnitId: 9,
  method: 'single_source',
  amount: '1000000.00',
  startedAt: '2026-03-01',
  ...over,
});
const run = (f: FollowUpInput, tenders: FailedTenderInput[] = [failed]) =>
  failedThenNonCompetitive({ failedTenders: tenders, followUps: [f] }, settings, RISK_CONTEXT);

describe('废标后转非竞争 failedThenNonCompetitive', () => {
  it.each([
    ['364 days later', follow({ startedAt: '2027-01-09' }), 1],
    ['365 days later (at the window)', follow({ startedAt: '2027-01-10' }), 1],
    ['366 days later', follow({ startedAt: '2027-01-11' }), 0],
    ['the same day', follow({ startedAt: '2026-01-10' }), 1],
    ['before the tender failed', follow({ startedAt: '2026-01-09' }), 0],
    ['amount +9.99%', follow({ amount: '1099900.00' }), 1],
    ['amount +10% (at the tolerance)', follow({ amount: '1100000.00' }), 1],
    ['amount +10% and 1 fen', follow({ amount: '1100000.01' }), 0],
    ['amount −10%', follow({ amount: '900000.00' }), 1],
    ['amount −10% less 1 fen', follow({ amount: '899999.99' }), 0],
    ['another unit', follow({ procurementUnitId: 10 }), 0],
    ['a competitive method', follow({ method: 'competitive_negotiation' }), 0],
    ['a method change request to single source', follow({ subjectType: 'MethodChangeRequest', id: 3 }), 1],
  ])('%s', (_what, f, flags) => {
    expect(run(f)).toHaveLength(flags);
  });

  it.each([
    ['no start date', follow({ startedAt: null })],
    ['no amount', follow({ amount: null })],
    ['no unit', follow({ procurementUnitId: null })],
    ['no method', follow({ method: null })],
  ])('raises nothing with %s', (_what, f) => {
    expect(run(f)).toEqual([]);
  });

  it('raises nothing when the failed tender lacks its date, amount or unit', () => {
    for (const over of [{ failedAt: null }, { amount: null }, { procurementUnitId: null }])
      expect(run(follow(), [{ ...failed, ...over }])).toEqual([]);
  });

  it('names the follow-up as subject and the nearest failed tender in its figures', () => {
    const earlier = { ...failed, id: 4, projectName: '更早的废标', failedAt: '2025-12-01' };
    const flags = run(follow({ subjectType: 'MethodChangeRequest', id: 3 }), [earlier, failed]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      subjectType: 'MethodChangeRequest',
      subjectId: '3',
      amount: '1000000.00',
      figures: { 废标项目: '信息系统建设', 废标日期: '2026-01-10', 相隔天数: 50, 金额差异: '0.00%', 后续采购方式: '单一来源' },
    });
  });
});
