import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, integer, longText, reference, stamp, text } from '../record/fields.js';

/** One action of a user on a record (操作日志): who, what, on which record, what changed and why. Written once. */
export const AUDIT_LOG = declareRecord({
  name: 'AuditLog',
  table: 'audit_logs',
  large: true,
  indexes: [{ fields: ['resourceId', 'recordId'] }, { fields: ['regionCode'] }, ...trigramIndexes('recordId')],
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
  },
});
