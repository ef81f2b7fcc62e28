import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, day, integer, money, moment, reference, text } from '../record/fields.js';

/** A row of the treasury payment intermediate database (支付系统中间库), on its own connection. */
export const PAYMENT_MIDDLE_RECORD = declareRecord({
  name: 'PaymentMiddleRecord',
  table: 'payment_middle_records',
  large: true,
  // A filing's version is sent once: the unique pair is what makes a repeated push harmless.
  indexes: [
    { fields: ['sourceFilingId', 'sourceVersion'], unique: true },
    { fields: ['regionCode'] },
    { fields: ['contractNo'] },
    ...trigramIndexes('contractNo', 'contractName', 'supplierName', 'budgetLineId'),
  ],
  label: { zh: '支付中间库', en: 'Payment intermediate database' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    sourceFilingId: integer({ zh: '来源备案', en: 'Source filing' }),
    sourceVersion: integer({ zh: '备案版本', en: 'Filing version' }),
    contractNo: text(64, { zh: '合同编号', en: 'Contract number' }),
    contractName: text(300, { zh: '合同名称', en: 'Contract name' }),
    signedAt: day({ zh: '签订日期', en: 'Signed on' }),
    amount: money({ zh: '合同金额（元）', en: 'Contract amount (yuan)' }),
    supplierName: text(200, { zh: '供应商', en: 'Supplier' }),
    budgetLineId: text(64, { zh: '指标ID', en: 'Budget line ID' }),
    unitBudgetCode: text(50, { zh: '单位预算编码', en: 'Unit budget code' }, { nullable: true }),
    // A region of the main database's tree: the panel names it, the intermediate database has no such table.
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    pushedAt: moment({ zh: '写入时间', en: 'Written at' }),
  },
});
