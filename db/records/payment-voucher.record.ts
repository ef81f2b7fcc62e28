import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, integer, money, moment, reference, text } from '../record/fields.js';

/** A payment voucher (支付凭证) the 一体化 platform pushes after a unit pays against a budget line. */
export const PAYMENT_VOUCHER = declareRecord({
  name: 'PaymentVoucher',
  table: 'payment_vouchers',
  large: true,
  indexes: [
    { fields: ['budgetLineId'] },
    { fields: ['regionCode'] },
    { fields: ['contractNo'] },
    ...trigramIndexes('voucherNo', 'budgetLineId', 'contractNo', 'payeeName'),
  ],
  label: { zh: '一体化支付凭证', en: 'Payment voucher' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    voucherNo: text(64, { zh: '凭证号', en: 'Voucher number' }, { unique: true }),
    budgetLineId: text(64, { zh: '指标ID', en: 'Budget line ID' }),
    contractNo: text(64, { zh: '合同编号', en: 'Contract number' }, { nullable: true }),
    payeeName: text(200, { zh: '收款人', en: 'Payee' }),
    amount: money({ zh: '金额（元）', en: 'Amount (yuan)' }),
    paidAt: moment({ zh: '支付时间', en: 'Paid at' }),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' }, { nullable: true })),
    procurementUnitId: reference('procurement_units', 'id', integer({ zh: '采购单位', en: 'Purchasing unit' }, { nullable: true })),
    ...timestamps({ createdAt: { zh: '接收时间', en: 'Received at' }, updatedAt: { zh: '更新时间', en: 'Updated at' } }),
  },
});
