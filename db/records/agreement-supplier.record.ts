import { SUPPLIER_STATUS_LABELS } from '../../domain/agreement-time-states.js';
import { decision, timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { personalPhone } from '../record/personal-fields.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, bilingual, choice, day, integer, reference, text } from '../record/fields.js';

/** A supplier admitted to a library (协议供应商) for a validity period; 已失效 once it has passed (see agreement-time-states). */
export const AGREEMENT_SUPPLIER = declareRecord({
  name: 'AgreementSupplier',
  table: 'agreement_suppliers',
  large: true,
  indexes: [
    { fields: ['libraryId', 'creditCode'] },
    { fields: ['libraryRegionCode', 'status'] },
    { fields: ['contactPhoneIndex'] },
    ...trigramIndexes('supplierName', 'creditCode'),
  ],
  label: { zh: '协议供应商', en: 'Agreement supplier' },
  jurisdiction: { kind: 'library', field: 'libraryRegionCode' },
  fields: {
    id: autoId(),
    libraryId: reference('agreement_libraries', 'id', integer({ zh: '商品库', en: 'Library' })),
    libraryRegionCode: reference('regions', 'code', text(6, { zh: '商品库辖区', en: 'Library jurisdiction' })),
    supplierName: text(200, { zh: '供应商名称', en: 'Supplier name' }),
    creditCode: text(18, { zh: '统一社会信用代码', en: 'Unified social credit code' }),
    contactName: text(50, { zh: '联系人', en: 'Contact' }, { nullable: true }),
    ...personalPhone('contactPhone', { zh: '联系电话', en: 'Phone' }, { nullable: true }),
    validFrom: day({ zh: '协议有效期起', en: 'Valid from' }),
    validTo: day({ zh: '协议有效期止', en: 'Valid to' }),
    status: choice(
      bilingual(SUPPLIER_STATUS_LABELS, { active: 'Active', expired: 'Expired', removed: 'Removed' }),
      { zh: '状态', en: 'Status' },
      { tones: { active: 'done', expired: 'neutral', removed: 'refused' }, default: 'active' },
    ),
    title: text(300, { zh: '协议供应商', en: 'Agreement supplier' }),
    ...decision({
      at: { name: 'removedAt', label: { zh: '移除时间', en: 'Removed at' } },
      by: { name: 'removedBy', label: { zh: '移除人', en: 'Removed by' }, length: 64 },
      reason: { name: 'removeReason', label: { zh: '移除原因', en: 'Reason for removal' } },
    }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...timestamps({ createdAt: { zh: '加入时间', en: 'Added at' } }),
  },
});
