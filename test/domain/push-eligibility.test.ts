import { describe, expect, it } from '@jest/globals';
import { checkPushEligibility, type PushEligibilityInput, type PushStatus } from '../../domain/push-eligibility.js';
import { AGREEMENT_TYPE_METHODS, PROCUREMENT_METHODS, TENDER_TYPE_METHODS, isAgreementType } from '../../domain/procurement-methods.js';

const tender: PushEligibilityInput = {
  procurementMethod: 'public_tender',
  budgetYear: 2022,
  budgetType: 'integrated',
  contractFiledAt: '2022-06-23',
  acceptanceFiledAt: null,
  contractSignedAt: '2022-06-10',
  contractName: '办公设备采购合同',
  pushStatus: 'not_pushed',
};

const agreement: PushEligibilityInput = {
  ...tender,
  procurementMethod: 'agreement',
  contractFiledAt: '2022-06-01',
  acceptanceFiledAt: '2022-06-23',
};

type Row = [string, Partial<PushEligibilityInput>, PushEligibilityInput, { pushable: boolean; route: string; reasons: RegExp[] }];

const rows: Row[] = [
  [
    'tender filed the day before the switch-over',
    { contractFiledAt: '2022-06-21' },
    tender,
    { pushable: true, route: 'legacy', reasons: [] },
  ],
  ['tender filed on the switch-over day', { contractFiledAt: '2022-06-22' }, tender, { pushable: true, route: 'manual', reasons: [] }],
  ['tender filed after the switch-over', { contractFiledAt: '2022-06-23' }, tender, { pushable: true, route: 'manual', reasons: [] }],
  ['2023 budget', { budgetYear: 2023 }, tender, { pushable: true, route: 'manual', reasons: [] }],
  [
    '2021 budget, filed after the switch-over',
    { budgetYear: 2021 },
    tender,
    { pushable: false, route: 'not_integrated', reasons: [/2021年.*早于.*2022年.*原支付方式/] },
  ],
  [
    '2021 virtual budget is still the old route',
    { budgetYear: 2021, budgetType: 'virtual' },
    tender,
    { pushable: false, route: 'not_integrated', reasons: [/原支付方式/] },
  ],
  [
    'virtual budget',
    { budgetType: 'virtual' },
    tender,
    { pushable: false, route: 'purchaser', reasons: [/新增预算.*采购单位.*关联一体化预算/] },
  ],
  [
    'tender without a contract filing',
    { contractFiledAt: null },
    tender,
    { pushable: false, route: 'manual', reasons: [/尚未完成合同备案/] },
  ],
  [
    'tender with an empty filing date',
    { contractFiledAt: '' },
    tender,
    { pushable: false, route: 'manual', reasons: [/尚未完成合同备案/] },
  ],
  [
    'tender triggers on the contract filing, not the acceptance',
    { contractFiledAt: '2022-06-21', acceptanceFiledAt: '2022-07-01' },
    tender,
    { pushable: true, route: 'legacy', reasons: [] },
  ],
  ['agreement triggers on the acceptance, not the contract filing', {}, agreement, { pushable: true, route: 'manual', reasons: [] }],
  [
    'agreement without an acceptance',
    { acceptanceFiledAt: null },
    agreement,
    { pushable: false, route: 'manual', reasons: [/尚未完成验收单/] },
  ],
  [
    'agreement accepted before the switch-over, complete',
    { acceptanceFiledAt: '2022-06-21' },
    agreement,
    { pushable: true, route: 'legacy', reasons: [] },
  ],
  [
    'agreement accepted before the switch-over without contract name and date',
    { acceptanceFiledAt: '2022-06-21', contractName: null, contractSignedAt: null },
    agreement,
    {
      pushable: false,
      route: 'legacy',
      reasons: [
        /^缺少合同名称/,
        /^缺少合同签订日期/,
        /2022-06-22之前.*先删除验收单.*再退回合同备案补填合同名称、合同签订日期.*重新完成验收单后再推送/,
      ],
    },
  ],
  [
    'agreement accepted before the switch-over without the signing date only',
    { acceptanceFiledAt: '2022-06-21', contractSignedAt: null },
    agreement,
    { pushable: false, route: 'legacy', reasons: [/^缺少合同签订日期/, /删除验收单.*退回合同备案补填合同签订日期，/] },
  ],
  [
    'agreement with no acceptance yet and no contract name',
    { acceptanceFiledAt: null, contractName: null },
    agreement,
    { pushable: false, route: 'manual', reasons: [/尚未完成验收单/, /^缺少合同名称/, /^需退回合同备案补填合同名称后再推送/] },
  ],
  [
    'tender without contract name',
    { contractName: null },
    tender,
    { pushable: false, route: 'manual', reasons: [/^缺少合同名称/, /^需退回合同备案补填合同名称后再推送/] },
  ],
  [
    'whitespace is not a contract name',
    { contractName: '   ' },
    tender,
    { pushable: false, route: 'manual', reasons: [/^缺少合同名称/, /补填合同名称/] },
  ],
  [
    'tender without signing date',
    { contractSignedAt: null },
    tender,
    { pushable: false, route: 'manual', reasons: [/^缺少合同签订日期/, /补填合同签订日期/] },
  ],
  [
    'unreadable signing date',
    { contractSignedAt: '2022-13-01' },
    tender,
    { pushable: false, route: 'manual', reasons: [/合同签订日期“2022-13-01”格式无效/] },
  ],
  [
    'unreadable filing date',
    { contractFiledAt: '22/06/2022' },
    tender,
    { pushable: false, route: 'manual', reasons: [/合同备案日期“22\/06\/2022”格式无效/] },
  ],
  [
    'queued',
    { pushStatus: 'queued' },
    tender,
    { pushable: false, route: 'manual', reasons: [/已在推送队列.*需退回并重新备案后才能再次推送/] },
  ],
  [
    'already pushed',
    { pushStatus: 'pushed' },
    tender,
    { pushable: false, route: 'manual', reasons: [/已推送，需退回并重新备案后才能再次推送/] },
  ],
  ['failed push can be retried', { pushStatus: 'failed' }, tender, { pushable: true, route: 'manual', reasons: [] }],
  [
    'every problem at once',
    { contractFiledAt: null, contractName: null, contractSignedAt: null, pushStatus: 'pushed' },
    tender,
    { pushable: false, route: 'manual', reasons: [/尚未完成合同备案/, /^缺少合同名称/, /^缺少合同签订日期/, /已推送/] },
  ],
  [
    'UTC time late on 06-21 is 06-22 in Beijing',
    { contractFiledAt: '2022-06-21T16:30:00Z' },
    tender,
    { pushable: true, route: 'manual', reasons: [] },
  ],
  [
    'last second of 06-21 in Beijing',
    { contractFiledAt: '2022-06-21T23:59:59+08:00' },
    tender,
    { pushable: true, route: 'legacy', reasons: [] },
  ],
  [
    'date-time without offset keeps its date',
    { contractFiledAt: '2022-06-21T23:00:00' },
    tender,
    { pushable: true, route: 'legacy', reasons: [] },
  ],
  [
    'first second of 06-22 in Beijing, given in UTC',
    { contractFiledAt: '2022-06-21T16:00:00.000Z' },
    tender,
    { pushable: true, route: 'manual', reasons: [] },
  ],
];

describe('checkPushEligibility – cases from the manual', () => {
  it.each(rows)('%s', (_name, patch, base, expected) => {
    const result = checkPushEligibility({ ...base, ...patch });
    expect(result.pushable).toBe(expected.pushable);
    expect(result.route).toBe(expected.route);
    expect(result.reasons).toHaveLength(expected.reasons.length);
    expected.reasons.forEach((re, i) => expect(result.reasons[i]).toMatch(re));
  });
});

describe('checkPushEligibility – configurable region settings', () => {
  it.each<[number, number, string]>([
    [2022, 2023, 'not_integrated'],
    [2023, 2023, 'manual'],
    [2024, 2023, 'manual'],
    [2021, 2021, 'manual'],
  ])('budget %i with integration start %i → %s', (budgetYear, integrationStartYear, route) => {
    const result = checkPushEligibility({ ...tender, budgetYear }, { integrationStartYear });
    expect(result.route).toBe(route);
    expect(result.pushable).toBe(route === 'manual');
    if (route === 'not_integrated') {
      expect(result.reasons).toEqual([
        `预算年度为${budgetYear}年，早于一体化支付对接年度${integrationStartYear}年，采用原支付方式，不推送一体化支付平台`,
      ]);
    }
  });

  it.each([
    ['2022-12-31', 'legacy'],
    ['2023-01-01', 'manual'],
    ['2023-01-02', 'manual'],
  ])('filing %s with manual push from 2023-01-01 → %s', (contractFiledAt, route) => {
    const result = checkPushEligibility({ ...tender, contractFiledAt }, { manualPushFrom: '2023-01-01' });
    expect(result.route).toBe(route);
    expect(result.pushable).toBe(true);
  });

  it('names the configured switch-over day in the agreement remedy', () => {
    const result = checkPushEligibility(
      { ...agreement, acceptanceFiledAt: '2022-12-01', contractName: null },
      { manualPushFrom: '2023-01-01' },
    );
    expect(result.route).toBe('legacy');
    expect(result.reasons.join('\n')).toContain('2023-01-01之前');
  });

  it('refuses a malformed switch-over day rather than guessing', () => {
    expect(() => checkPushEligibility(tender, { manualPushFrom: '2022/06/22' })).toThrow(/手动推送起始日期/);
  });
});

describe('checkPushEligibility – every method group × dates × years × budget types × fields × push states', () => {
  const dates = ['2022-06-21', '2022-06-22', '2022-06-23', null] as const;
  const years = [2021, 2022, 2023] as const;
  const budgetTypes = ['integrated', 'virtual'] as const;
  const statuses: PushStatus[] = ['not_pushed', 'queued', 'pushed', 'failed'];
  const fieldSets = [
    { contractName: '合同', contractSignedAt: '2022-06-01' },
    { contractName: null, contractSignedAt: '2022-06-01' },
    { contractName: '合同', contractSignedAt: null },
  ];

  const cases: [string, PushEligibilityInput][] = [];
  for (const method of PROCUREMENT_METHODS)
    for (const date of dates)
      for (const budgetYear of years)
        for (const budgetType of budgetTypes)
          for (const fields of fieldSets)
            for (const pushStatus of statuses) {
              const agreementType = isAgreementType(method);
              const input: PushEligibilityInput = {
                procurementMethod: method,
                budgetYear,
                budgetType,
                // The other filing date is set to the opposite side of the switch-over, so a
                // rule that looks at the wrong date gives the wrong route.
                contractFiledAt: agreementType ? '2022-07-30' : date,
                acceptanceFiledAt: agreementType ? date : '2022-01-05',
                ...fields,
                pushStatus,
              };
              cases.push([
                `${method} ${date ?? 'no-trigger'} ${budgetYear} ${budgetType} ${fields.contractName ? 'name' : 'no-name'}/${fields.contractSignedAt ? 'date' : 'no-date'} ${pushStatus}`,
                input,
              ]);
            }

  it('covers the whole grid', () => {
    expect(cases).toHaveLength(10 * 4 * 3 * 2 * 3 * 4);
  });

  it.each(cases)('%s', (_name, input) => {
    const result = checkPushEligibility(input);
    const agreementType = isAgreementType(input.procurementMethod);
    const trigger = agreementType ? input.acceptanceFiledAt : input.contractFiledAt;
    const all = result.reasons.join('\n');

    expect(result.pushable).toBe(result.reasons.length === 0);

    if (input.budgetYear < 2022) {
      expect(result).toEqual({ pushable: false, route: 'not_integrated', reasons: [expect.stringMatching(/原支付方式/)] });
      return;
    }
    if (input.budgetType === 'virtual') {
      expect(result).toEqual({ pushable: false, route: 'purchaser', reasons: [expect.stringMatching(/新增预算/)] });
      return;
    }

    expect(result.route).toBe(trigger === '2022-06-21' ? 'legacy' : 'manual');
    const fieldsComplete = input.contractName !== null && input.contractSignedAt !== null;
    const statusOk = input.pushStatus === 'not_pushed' || input.pushStatus === 'failed';
    expect(result.pushable).toBe(trigger !== null && fieldsComplete && statusOk);

    expect(all.includes('尚未完成验收单')).toBe(agreementType && trigger === null);
    expect(all.includes('尚未完成合同备案')).toBe(!agreementType && trigger === null);
    expect(all.includes('缺少合同名称')).toBe(input.contractName === null);
    expect(all.includes('缺少合同签订日期')).toBe(input.contractSignedAt === null);
    expect(all.includes('删除验收单')).toBe(agreementType && trigger !== null && !fieldsComplete);
    expect(all.includes('已在推送队列')).toBe(input.pushStatus === 'queued');
    expect(all.includes('已推送，需退回并重新备案后才能再次推送')).toBe(input.pushStatus === 'pushed');
  });

  it('groups are the six tender types and the four agreement types', () => {
    expect(TENDER_TYPE_METHODS).toHaveLength(6);
    expect(AGREEMENT_TYPE_METHODS).toHaveLength(4);
  });
});
