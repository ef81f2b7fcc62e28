import { describe, expect, it } from '@jest/globals';
import { linkedBidders, type LinkedRegistrationInput } from '../../domain/risk/linked-bidders.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ samePhone: true, sameContactName: true }, { default: 'red' });
const projects = [{ id: 1, name: '物业服务', regionCode: '360121', budgetAmount: '800000' }];
const reg = (code: string, name: string, contactName: string | null, phone: string | null, packageNo = '1'): LinkedRegistrationInput => ({
  projectId: 1,
  packageNo,
  supplierName: name,
  supplierCreditCode: code,
  contactName,
  contactPhoneKey: phone,
});

describe('关联投标 linkedBidders', () => {
  it.each([
    ['different phones and names', [reg('A', '甲公司', '张三', 'h1'), reg('B', '乙公司', '李四', 'h2')], {}],
    [
      'one phone shared',
      [reg('A', '甲公司', '张三', 'h1'), reg('B', '乙公司', '李四', 'h1')],
      { 联系电话相同的供应商: '包1：甲公司、乙公司' },
    ],
    [
      'one contact shared, typed with a space',
      [reg('A', '甲公司', '张三', 'h1'), reg('B', '乙公司', '张 三', 'h2')],
      { 联系人相同的供应商: '包1：甲公司、乙公司' },
    ],
    ['the same supplier registered twice is not two suppliers', [reg('A', '甲公司', '张三', 'h1'), reg('A', '甲公司', '张三', 'h1')], {}],
    [
      'the same phone in different packages is not one package',
      [reg('A', '甲公司', '张三', 'h1'), reg('B', '乙公司', '李四', 'h1', '2')],
      {},
    ],
    ['missing phone and contact', [reg('A', '甲公司', null, null), reg('B', '乙公司', null, null)], {}],
  ])('%s', (_what, registrations, figures) => {
    const flags = linkedBidders({ projects, registrations }, settings, RISK_CONTEXT);
    expect(flags).toHaveLength(Object.keys(figures).length ? 1 : 0);
    if (flags.length)
      expect(flags[0]).toMatchObject({ subjectType: 'ProcurementProject', subjectId: '1', severity: 'red', amount: '800000.00', figures });
  });

  it('a comparison switched off in config is not made', () => {
    const flags = linkedBidders(
      { projects, registrations: [reg('A', '甲公司', '张三', 'h1'), reg('B', '乙公司', '张三', 'h2')] },
      settingsOf({ samePhone: true, sameContactName: false }),
      RISK_CONTEXT,
    );
    expect(flags).toEqual([]);
  });

  it('never shows the phone itself', () => {
    const flags = linkedBidders(
      { projects, registrations: [reg('A', '甲公司', '张三', 'secret-index'), reg('B', '乙公司', '李四', 'secret-index')] },
      settings,
      RISK_CONTEXT,
    );
    expect(flags).toHaveLength(1);
    expect(JSON.stringify(flags[0])).not.toContain('secret-index');
  });
});
