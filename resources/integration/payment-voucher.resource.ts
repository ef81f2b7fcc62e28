import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { flagsOf } from '../risk/flag-subjects.js';
import { PaymentVoucher } from '../../db/models/integration/payment-voucher.model.js';

export const paymentVoucherResource: ResourceDefinition = {
  id: 'PaymentVoucher',
  model: PaymentVoucher,
  builtInActions: ['list', 'show', 'search'],
  related: [flagsOf('PaymentVoucher')],
  options: {
    titleProperty: 'voucherNo',
    properties: { procurementUnitId: { reference: 'ProcurementUnit' }, amount: MONEY },
  },
};
