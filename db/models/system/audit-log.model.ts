import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { AUDIT_LOG } from '../../records/audit-log.record.js';

/** Thrown for a row written without its place in the chain: services/audit.ts is the one way in. */
export class UnchainedAuditRowError extends Error {
  constructor() {
    super('操作日志只能经 services/audit.ts 的 recordAudit / recordAudits 写入（链序号与校验值）');
  }
}

function refuseUnchained(row: AuditLog): void {
  if (row.seq === null || row.seq === undefined || !row.hash || !row.prevHash) throw new UnchainedAuditRowError();
}

export class AuditLog extends recordModel(AUDIT_LOG) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AuditLog, sequelize, AUDIT_LOG, {
      updatedAt: false,
      hooks: {
        beforeCreate: refuseUnchained,
        beforeBulkCreate: (rows: AuditLog[]) => rows.forEach(refuseUnchained),
      },
    });
  }
}
