import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, binary, integer, text } from '../record/fields.js';

/** The file attached to an announcement; served only through its announcement's jurisdiction check. */
export const ANNOUNCEMENT_ATTACHMENT = declareRecord({
  name: 'AnnouncementAttachment',
  table: 'announcement_attachments',
  label: { zh: '公告附件', en: 'Announcement attachment' },
  jurisdiction: { kind: 'admin' },
  fields: {
    id: autoId(),
    announcementId: integer({ zh: '公告', en: 'Announcement' }, { unique: true }),
    fileName: text(200, { zh: '文件名', en: 'File name' }),
    mimeType: text(100, { zh: '文件类型', en: 'MIME type' }),
    content: binary({ zh: '文件内容', en: 'Content' }),
    ...timestamps(),
  },
});
