import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AUDIT_LOG } from '../../records/audit-log.record.js';

export class AuditLog extends recordModel(AUDIT_LOG) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AuditLog, sequelize, AUDIT_LOG, { updatedAt: false });
  }
}
