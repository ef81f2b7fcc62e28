import type { Sequelize } from 'sequelize';
import type { ItemRejection } from '../../../domain/integration-items.js';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { INTEGRATION_INBOX, INTEGRATION_INBOX_PAYLOAD } from '../../records/integration-inbox.record.js';

/** A batch's lastError while the web could not queue it: the maintenance round queues it as soon as it can. */
export const BATCH_AWAITING_QUEUE = '处理队列暂不可用（Redis 无法连接），批次已保存，队列恢复后自动处理';

export type BatchState = AttributesOf<typeof INTEGRATION_INBOX>['state'];

/** One batch as received from the 一体化 platform: stored before the 202 so an accepted batch is never lost. */
export class IntegrationInbox extends recordModel(INTEGRATION_INBOX) {
  /** Errors found when the batch arrived, then those found while applying it (e.g. an unknown region code). */
  errors(): ItemRejection[] {
    return this.itemErrors ? (JSON.parse(this.itemErrors) as ItemRejection[]) : [];
  }

  static initialize(sequelize: Sequelize): void {
    initRecord(IntegrationInbox, sequelize, INTEGRATION_INBOX, { timestamps: false });
  }
}

/** The raw body of a batch, exactly as signed. */
export class IntegrationInboxPayload extends recordModel(INTEGRATION_INBOX_PAYLOAD) {
  static initialize(sequelize: Sequelize): void {
    initRecord(IntegrationInboxPayload, sequelize, INTEGRATION_INBOX_PAYLOAD, { timestamps: false });
  }
}
