import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AUDIT_VERIFICATION } from '../../records/audit-verification.record.js';

/** One check of the audit trail's chain: who asked (null: the nightly check), its progress, what it found. */
export class AuditVerification extends recordModel(AUDIT_VERIFICATION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AuditVerification, sequelize, AUDIT_VERIFICATION, { updatedAt: false });
  }
}
