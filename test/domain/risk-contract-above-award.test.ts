import { describe, expect, it } from '@jest/globals';
import { contractAboveAward, type AwardContractInput } from '../../domain/risk/contract-above-award.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ maxAdditionRate: 0.1 }, { default: 'orange' });
const awards = [
  { id: 21, projectId: 1, label: 'ZB-2026-001', regionCode: '360100', supplierName: '江西甲科技有限公司', awardAmount: '1000000.00' },
];
const contract = (
  contractNo: string,
  amount: string | null,
  signedAt: string | null,
  over: Partial<AwardContractInput> = {},
): AwardContractInput => ({
  id: Number(contractNo.replace(/\D/g, '')),
  contractNo,
  projectId: 1,
  supplierName: '江西甲科技有限公司',
  amount,
  signedAt,
  ...over,
});
const run = (contracts: AwardContractInput[]) => contractAboveAward({ awards, contracts }, settings, RISK_CONTEXT);

describe('合同金额超中标/追加超限 contractAboveAward', () => {
  it.each([
    ['contract equal to the award', [contract('HT1', '1000000.00', '2026-03-01')], 0],
    ['contract 1 fen above the award', [contract('HT1', '1000000.01', '2026-03-01')], 1],
    ['a supplement of 9.99%', [contract('HT1', '1000000.00', '2026-03-01'), contract('HT2', '99900.00', '2026-06-01')], 0],
    ['a supplement of 10% (at the limit)', [contract('HT1', '1000000.00', '2026-03-01'), contract('HT2', '100000.00', '2026-06-01')], 0],
    ['a supplement of 10% and 1 fen', [contract('HT1', '1000000.00', '2026-03-01'), contract('HT2', '100000.01', '2026-06-01')], 1],
    [
      'two supplements together above 10%',
      [contract('HT1', '900000.00', '2026-03-01'), contract('HT2', '50000.00', '2026-06-01'), contract('HT3', '50000.00', '2026-07-01')],
      1,
    ],
    [
      'a supplier typed with a trailing space is the same',
      [contract('HT1', '1000000.01', '2026-03-01', { supplierName: '江西甲科技有限公司 ' })],
      1,
    ],
    ['another supplier of the project', [contract('HT1', '2000000.00', '2026-03-01', { supplierName: '乙公司' })], 0],
    ['another project', [contract('HT1', '2000000.00', '2026-03-01', { projectId: 2 })], 0],
  ])('%s', (_what, contracts, flags) => {
    expect(run(contracts)).toHaveLength(flags);
  });

  it('the first signed is the original, whatever the order given', () => {
    const flags = run([contract('HT2', '200000.00', '2026-06-01'), contract('HT1', '1000000.00', '2026-03-01')]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      subjectType: 'AwardNotice',
      subjectId: '21',
      amount: '1200000.00',
      figures: {
        中标成交金额: '1,000,000.00 元',
        原合同: 'HT1，1,000,000.00 元',
        原合同超出中标金额: '未超出',
        补充合同: 'HT2（200,000.00 元）',
        补充合同合计: '200,000.00 元',
        追加比例: '20.00%',
      },
    });
  });

  it.each([
    ['no contract of the award', []],
    ['no project joined to the contract', [contract('HT1', '2000000.00', '2026-03-01', { projectId: null })]],
    ['no contract amount', [contract('HT1', null, '2026-03-01')]],
    [
      'no amount on the original (its supplement is not taken for it)',
      [contract('HT1', null, '2026-03-01'), contract('HT2', '2000000.00', '2026-06-01')],
    ],
  ])('raises nothing with %s', (_what, contracts) => {
    expect(run(contracts)).toEqual([]);
  });

  it('raises nothing without the award amount', () => {
    expect(
      contractAboveAward(
        { awards: [{ ...awards[0]!, awardAmount: null }], contracts: [contract('HT1', '9', null)] },
        settings,
        RISK_CONTEXT,
      ),
    ).toEqual([]);
  });
});
