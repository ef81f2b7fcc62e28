import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { PaymentMiddleRecord } from '../../db/models/filings/payment-middle-record.model.js';

/** 新-支付系统中间库数据查询: what was written to the treasury's intermediate database, read-only. */
export const paymentMiddleRecordResource: ResourceDefinition = {
  id: 'PaymentMiddleRecord',
  model: PaymentMiddleRecord,
  builtInActions: ['list', 'show', 'search'],
  options: { titleProperty: 'contractNo', properties: { amount: MONEY } },
};
