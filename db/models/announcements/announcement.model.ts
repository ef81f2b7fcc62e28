import type { Sequelize } from 'sequelize';
import type { AttributesOf } from '../../record/field-types.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { ANNOUNCEMENT } from '../../records/announcement.record.js';

export const ANNOUNCEMENT_TYPES = ANNOUNCEMENT.fields.type.values;
export type AnnouncementType = AttributesOf<typeof ANNOUNCEMENT>['type'];

/** An announcement or procurement document published for a project (公告及文件). */
export class Announcement extends recordModel(ANNOUNCEMENT) {
  static initialize(sequelize: Sequelize): void {
    initRecord(Announcement, sequelize, ANNOUNCEMENT);
  }
}
