import { describe, expect, it } from '@jest/globals';
import { lateContractFiling } from '../../domain/risk/late-contract-filing.js';
import { lateContractSigning } from '../../domain/risk/late-contract-signing.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const contract = { id: 12, label: '物业服务合同', regionCode: '360102', amount: '500000.00' };

describe('合同签订逾期 lateContractSigning (30 days, 政府采购法第四十六条)', () => {
  const settings = settingsOf({ maxDays: 30 });
  it.each([
    ['day 29', '2026-03-02T09:00:00+08:00', '2026-03-31', 0],
    ['day 30 (at the limit)', '2026-03-02T09:00:00+08:00', '2026-04-01', 0],
    ['day 31', '2026-03-02T09:00:00+08:00', '2026-04-02', 1],
    ['issued late in the evening UTC is the next day in China', '2026-03-01T17:00:00Z', '2026-04-01', 0],
    ['issued as a Date', new Date('2026-03-01T17:00:00Z'), '2026-04-02', 1],
  ])('%s', (_what, awardIssuedAt, signedAt, flags) => {
    expect(lateContractSigning([{ ...contract, awardIssuedAt, signedAt }], settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('names the days', () => {
    const [flag] = lateContractSigning([{ ...contract, awardIssuedAt: '2026-03-02', signedAt: '2026-04-11' }], settings, RISK_CONTEXT);
    expect(flag).toMatchObject({
      subjectType: 'ContractFiling',
      subjectId: '12',
      figures: { 中标通知书发出日期: '2026-03-02', 合同签订日期: '2026-04-11', 相隔天数: 40, 超出天数: 10 },
    });
  });

  it.each([
    ['no signing date', { awardIssuedAt: '2026-01-01', signedAt: null }],
    ['no award notice', { awardIssuedAt: null, signedAt: '2026-12-01' }],
  ])('raises nothing with %s', (_what, dates) => {
    expect(lateContractSigning([{ ...contract, ...dates }], settings, RISK_CONTEXT)).toEqual([]);
  });
});

describe('合同备案逾期 lateContractFiling (7 working days, 政府采购法第四十七条, national calendar)', () => {
  const settings = settingsOf({ maxWorkingDays: 7 });
  it.each([
    ['filed on the 6th working day', '2026-11-02', '2026-11-10T10:00:00+08:00', 0],
    ['filed on the 7th working day (at the limit)', '2026-11-02', '2026-11-11T10:00:00+08:00', 0],
    ['filed on the 8th working day', '2026-11-02', '2026-11-12T10:00:00+08:00', 1],
    ['the National Day holiday does not count', '2026-09-28', '2026-10-12T10:00:00+08:00', 0],
    ['the make-up Saturday 2026-10-10 counts', '2026-09-29', '2026-10-15T10:00:00+08:00', 1],
  ])('%s', (_what, signedAt, filedAt, flags) => {
    expect(lateContractFiling([{ ...contract, signedAt, filedAt }], settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('names the working days late', () => {
    const [flag] = lateContractFiling(
      [{ ...contract, signedAt: '2026-11-02', filedAt: new Date('2026-11-13T02:00:00Z') }],
      settings,
      RISK_CONTEXT,
    );
    expect(flag!.figures).toEqual({ 合同签订日期: '2026-11-02', 备案日期: '2026-11-13', 逾期工作日: 2, 合同金额: '500,000.00 元' });
  });

  it('raises nothing without a signing date (agreement filings before 2022-06-22 lack it)', () => {
    expect(lateContractFiling([{ ...contract, signedAt: null, filedAt: '2026-11-20' }], settings, RISK_CONTEXT)).toEqual([]);
  });
});
