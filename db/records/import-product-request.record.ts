import { deadline, timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { money, text } from '../record/fields.js';
import { requestApproval, requestGrounds, requestSubject } from './pre-trade-request.fields.js';

/** A request to buy an imported product (进口产品采购审核), decided at city level or above. */
export const IMPORT_PRODUCT_REQUEST = declareRecord({
  name: 'ImportProductRequest',
  table: 'import_product_requests',
  indexes: [{ fields: ['regionCode', 'state'] }],
  label: { zh: '进口产品采购审核', en: 'Imported product approval' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    ...requestSubject(),
    productName: text(200, { zh: '进口产品', en: 'Imported product' }),
    originCountry: text(50, { zh: '原产国（地区）', en: 'Country (region) of origin' }),
    amount: money({ zh: '金额（元）', en: 'Amount (yuan)' }),
    ...requestGrounds(),
    ...requestApproval(),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'state', in: ['submitted'], since: 'submittedAt', title: 'projectName', step: 'importProductApproval' },
});
