import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { ANNOUNCEMENT_ATTACHMENT } from '../../records/announcement-attachment.record.js';

/** The file attached to an announcement; served only through its announcement's jurisdiction check. */
export class AnnouncementAttachment extends recordModel(ANNOUNCEMENT_ATTACHMENT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(AnnouncementAttachment, sequelize, ANNOUNCEMENT_ATTACHMENT);
  }
}
