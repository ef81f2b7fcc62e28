import { declareRecord } from '../record/declare-record.js';
import { choice, integer, longText, moment, stamp, text } from '../record/fields.js';

/**
 * One check of the audit trail's HMAC-SM3 chain (操作日志完整性校验): asked by the audit administrator or run nightly
 * (asked by nobody), its progress while it runs and what it found once finished.
 */
export const AUDIT_VERIFICATION = declareRecord({
  name: 'AuditVerification',
  table: 'audit_verifications',
  label: { zh: '操作日志完整性校验', en: 'Audit trail check' },
  // The audit administrator's page reads it (resources/system/audit-log.resource.ts); the panel lists no checks.
  jurisdiction: { kind: 'admin' },
  fields: {
    id: text(36, { zh: '校验编号', en: 'Check id' }, { primaryKey: true }),
    askedById: integer({ zh: '发起人编号', en: 'Asked by (id)' }, { nullable: true }),
    askedByUsername: text(64, { zh: '发起人', en: 'Asked by' }),
    state: choice(
      {
        queued: { zh: '排队中', en: 'Queued' },
        running: { zh: '校验中', en: 'Running' },
        done: { zh: '已完成', en: 'Done' },
        failed: { zh: '校验失败', en: 'Failed' },
      },
      { zh: '状态', en: 'State' },
      { length: 10, tones: { queued: 'pending', running: 'progress', done: 'done', failed: 'refused' } },
    ),
    checkedRows: integer({ zh: '已校验条数', en: 'Rows checked' }, { default: 0 }),
    totalRows: integer({ zh: '总条数', en: 'Total rows' }, { nullable: true }),
    // JSON: what the check found (services/audit-verifications.ts, `StoredVerification`).
    result: longText({ zh: '校验结果', en: 'Result' }, { nullable: true }),
    createdAt: stamp(),
    startedAt: moment({ zh: '开始时间', en: 'Started at' }, { nullable: true }),
    finishedAt: moment({ zh: '完成时间', en: 'Finished at' }, { nullable: true }),
  },
});
