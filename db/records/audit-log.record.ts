import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, integer, longText, reference, stamp, text } from '../record/fields.js';

/**
 * One action of a user on a record (操作日志): who, what, on which record, what changed and why, from which address.
 * Written once, by services/audit.ts only, as the next link of one HMAC-SM3 chain (domain/audit-chain.ts).
 */
export const AUDIT_LOG = declareRecord({
  name: 'AuditLog',
  table: 'audit_logs',
  large: true,
  indexes: [
    { fields: ['resourceId', 'recordId'] },
    { fields: ['regionCode'] },
    ...trigramIndexes('recordId'),
    // One row per place: the chain is a single sequence, whichever process wrote the row.
    { fields: ['seq'], unique: true },
  ],
  label: { zh: '操作日志', en: 'Audit log' },
  // The region of the record acted on: the audit administrator reads it all; an office's charts count its own region.
  jurisdiction: { kind: 'audit', field: 'regionCode' },
  fields: {
    id: autoId(),
    actorId: integer({ zh: '操作人编号', en: 'Actor id' }, { nullable: true }),
    actorUsername: text(50, { zh: '操作人', en: 'Actor' }, { codeOf: 'user' }),
    actorRole: text(20, { zh: '角色', en: 'Role' }, { codeOf: 'role' }),
    actorRegion: reference('regions', 'code', text(6, { zh: '操作人辖区', en: 'Actor jurisdiction' }, { nullable: true })),
    action: text(50, { zh: '操作', en: 'Action' }, { codeOf: 'action' }),
    resourceId: text(50, { zh: '对象类型', en: 'Record type' }, { codeOf: 'recordType' }),
    recordId: text(50, { zh: '记录编号', en: 'Record id' }, { nullable: true }),
    regionCode: reference('regions', 'code', text(6, { zh: '记录辖区', en: 'Record jurisdiction' }, { nullable: true })),
    /** JSON text `{field: {before, after}}`: text keeps SQLite and PostgreSQL identical. */
    changes: longText({ zh: '变更内容', en: 'Changes' }, { nullable: true }),
    reason: longText({ zh: '原因', en: 'Reason' }, { nullable: true }),
    createdAt: stamp({ zh: '时间', en: 'Time' }),
    // Null only on a row written past services/audit.ts: verification names it as inserted.
    seq: integer({ zh: '链序号', en: 'Chain position' }, { nullable: true }),
    prevHash: text(64, { zh: '前一条校验值', en: 'Previous hash' }, { nullable: true }),
    hash: text(64, { zh: '校验值（HMAC-SM3）', en: 'Hash (HMAC-SM3)' }, { nullable: true }),
    ip: text(64, { zh: '客户端地址', en: 'Client address' }, { nullable: true }),
  },
});
