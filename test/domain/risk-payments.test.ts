import { describe, expect, it } from '@jest/globals';
import { latePayment } from '../../domain/risk/late-payment.js';
import { paymentMismatch, type PaidContractInput } from '../../domain/risk/payment-mismatch.js';
import type { VoucherInput } from '../../domain/risk/voucher-input.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const voucher = (
  voucherNo: string,
  amount: string | null,
  paidAt: string | Date | null,
  over: Partial<VoucherInput> = {},
): VoucherInput => ({
  id: Number(voucherNo.replace(/\D/g, '')),
  voucherNo,
  contractNo: 'HT-1',
  payeeName: '江西甲科技有限公司',
  amount,
  paidAt,
  regionCode: '360100',
  ...over,
});

describe('付款逾期 latePayment (30 days after acceptance)', () => {
  const settings = settingsOf({ maxDays: 30 });
  const contracts = [{ id: 8, contractNo: 'HT-1', label: '办公设备合同', regionCode: '360100', acceptedAt: '2026-05-01' }];
  it.each([
    ['paid on day 29', '2026-05-30T10:00:00+08:00', 0],
    ['paid on day 30 (at the limit)', '2026-05-31T10:00:00+08:00', 0],
    ['paid on day 31', '2026-06-01T10:00:00+08:00', 1],
    ['paid before acceptance', '2026-04-01T10:00:00+08:00', 0],
  ])('%s', (_what, paidAt, flags) => {
    expect(latePayment({ contracts, vouchers: [voucher('PZ1', '1000.00', paidAt)] }, settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('finds a voucher whose contract number came with spaces around it, as 资金链不符 does', () => {
    const vouchers = [voucher('PZ1', '1000.00', '2026-06-15', { contractNo: ' HT-1　' })];
    expect(latePayment({ contracts, vouchers }, settings, RISK_CONTEXT)).toHaveLength(1);
  });

  it('names the late vouchers only', () => {
    const flags = latePayment(
      {
        contracts,
        vouchers: [
          voucher('PZ1', '1000.00', '2026-05-10'),
          voucher('PZ2', '2500.00', '2026-06-15'),
          voucher('PZ3', '500.00', '2026-07-01'),
        ],
      },
      settings,
      RISK_CONTEXT,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      subjectType: 'ContractFiling',
      subjectId: '8',
      amount: '3000.00',
      figures: {
        验收日期: '2026-05-01',
        逾期支付凭证: 'PZ2（2026-06-15，2,500.00 元，验收后第 45 日）、PZ3（2026-07-01，500.00 元，验收后第 61 日）',
        逾期支付金额: '3,000.00 元',
        最长间隔天数: 61,
      },
    });
  });

  it.each([
    ['no acceptance date', [{ ...contracts[0]!, acceptedAt: null }], [voucher('PZ1', '1', '2027-01-01')]],
    ['a voucher without date', contracts, [voucher('PZ1', '1', null)]],
    ['a voucher without amount', contracts, [voucher('PZ1', null, '2027-01-01')]],
    ['a voucher naming no contract', contracts, [voucher('PZ1', '1', '2027-01-01', { contractNo: null })]],
  ])('raises nothing with %s', (_what, c, vouchers) => {
    expect(latePayment({ contracts: c, vouchers }, settings, RISK_CONTEXT)).toEqual([]);
  });
});

describe('资金链不符 paymentMismatch', () => {
  const settings = settingsOf({}, { default: 'red' });
  const contracts: PaidContractInput[] = [
    { id: 8, contractNo: 'HT-1', label: '办公设备合同', regionCode: '360100', supplierName: '江西甲科技有限公司', amount: '10000.00' },
  ];
  const run = (vouchers: VoucherInput[], pushedContractNos: string[] = []) =>
    paymentMismatch({ contracts, pushedContractNos, vouchers }, settings, RISK_CONTEXT);

  it.each([
    ['paid exactly the contract', [voucher('PZ1', '6000.00', '2026-01-01'), voucher('PZ2', '4000.00', '2026-02-01')], []],
    [
      'paid 1 fen more than the contract',
      [voucher('PZ1', '6000.00', '2026-01-01'), voucher('PZ2', '4000.01', '2026-02-01')],
      ['ContractFiling:8'],
    ],
    [
      'a payee other than the supplier',
      [voucher('PZ1', '100.00', '2026-01-01', { payeeName: '江西乙商贸有限公司' })],
      ['ContractFiling:8'],
    ],
    ['the supplier typed with full-width brackets', [voucher('PZ1', '100.00', '2026-01-01', { payeeName: '江西甲科技有限公司　' })], []],
    ['a contract never filed nor pushed', [voucher('PZ9', '100.00', '2026-01-01', { contractNo: 'HT-X' })], ['PaymentVoucher:9']],
    [
      'a contract pushed to the middle database but not filed here',
      [voucher('PZ9', '100.00', '2026-01-01', { contractNo: 'HT-X' })],
      [],
      ['HT-X'],
    ],
    ['a voucher naming no contract', [voucher('PZ9', '100.00', '2026-01-01', { contractNo: null })], []],
    [
      'an unknown contract but no region to place it in',
      [voucher('PZ9', '100.00', '2026-01-01', { contractNo: 'HT-X', regionCode: null })],
      [],
    ],
  ])('%s', (_what, vouchers, subjects, pushed = []) => {
    expect(run(vouchers, pushed).map((f) => `${f.subjectType}:${f.subjectId}`)).toEqual(subjects);
  });

  it('names overpayment and other payees in one flag on the contract', () => {
    const flags = run([voucher('PZ1', '10000.00', '2026-01-01'), voucher('PZ2', '500.00', '2026-02-01', { payeeName: '张三' })]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      amount: '500.00',
      severity: 'red',
      figures: {
        合同金额: '10,000.00 元',
        凭证支付合计: '10,500.00 元',
        超出合同金额: '500.00 元',
        合同供应商: '江西甲科技有限公司',
        收款人不符的凭证: 'PZ2（收款人 张三，500.00 元）',
      },
    });
  });
});
