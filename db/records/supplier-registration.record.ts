import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { personalPhone } from '../record/personal-fields.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, choice, integer, moment, reference, text } from '../record/fields.js';

/** A supplier's registration for one package of a project (报名情况). */
export const SUPPLIER_REGISTRATION = declareRecord({
  name: 'SupplierRegistration',
  table: 'supplier_registrations',
  large: true,
  indexes: [
    { fields: ['regionCode', 'registeredAt'] },
    { fields: ['projectId'] },
    { fields: ['contactPhoneIndex'] },
    ...trigramIndexes('supplierName', 'supplierCreditCode', 'packageNo'),
  ],
  label: { zh: '报名情况', en: 'Supplier registration' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Project' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    packageNo: text(20, { zh: '包号', en: 'Package' }),
    supplierName: text(200, { zh: '供应商', en: 'Supplier' }),
    supplierCreditCode: text(18, { zh: '统一社会信用代码', en: 'Unified social credit code' }),
    contactName: text(50, { zh: '联系人', en: 'Contact' }),
    ...personalPhone('contactPhone', { zh: '联系电话', en: 'Phone' }),
    registeredAt: moment({ zh: '报名时间', en: 'Registered at' }),
    status: choice(
      {
        registered: { zh: '已报名', en: 'Registered' },
        documents_obtained: { zh: '已获取采购文件', en: 'Documents obtained' },
        withdrawn: { zh: '已撤回', en: 'Withdrawn' },
      },
      { zh: '报名状态', en: 'Status' },
      { tones: { registered: 'progress', documents_obtained: 'done', withdrawn: 'neutral' } },
    ),
    ...timestamps(),
  },
});
