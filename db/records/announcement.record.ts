import { ANNOUNCEMENT_TYPE_LABELS } from '../models/announcements/announcement-labels.js';
import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { trigramIndexes } from '../record/trigram-indexes.js';
import { autoId, bilingual, choice, integer, longText, moment, reference, text } from '../record/fields.js';

/** An announcement or procurement document published for a project (公告及文件). */
export const ANNOUNCEMENT = declareRecord({
  name: 'Announcement',
  table: 'announcements',
  large: true,
  indexes: [{ fields: ['regionCode', 'publishedAt'] }, { fields: ['projectId'] }, ...trigramIndexes('title')],
  label: { zh: '公告及文件', en: 'Announcement' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Procurement project' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    type: choice(
      bilingual(ANNOUNCEMENT_TYPE_LABELS, {
        procurement: 'Procurement announcement',
        change: 'Change announcement',
        tender_document: 'Tender document',
        addendum: 'Addendum (clarifications)',
        result: 'Result announcement',
      }),
      { zh: '类型', en: 'Type' },
    ),
    title: text(300, { zh: '标题', en: 'Title' }),
    publishedAt: moment({ zh: '发布时间', en: 'Published at' }),
    body: longText({ zh: '正文', en: 'Body' }),
    attachmentName: text(200, { zh: '附件', en: 'Attachment' }, { nullable: true }),
    ...timestamps(),
  },
});
