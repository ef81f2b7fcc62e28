import type { Express, Request, Response } from 'express';
import { Op } from 'sequelize';
import { Announcement } from '../db/models/announcements/announcement.model.js';
import { AnnouncementAttachment } from '../db/models/announcements/announcement-attachment.model.js';
import { jurisdictionWhere, type SessionUser } from '../db/jurisdiction-scope.js';
import { recordAudit } from '../services/audit.js';

export const ATTACHMENT_PATH = '/admin/attachments';

/**
 * An announcement's file, served by us (the intranet has nothing else to fetch from) and only to a user who may see
 * the announcement: the same jurisdiction rule as every list, asked of the announcement, not of the file.
 */
export function mountAttachmentDownload(app: Express): void {
  app.get(`${ATTACHMENT_PATH}/:announcementId`, async (req: Request, res: Response) => {
    const user = (req.session as unknown as { adminUser?: SessionUser } | undefined)?.adminUser;
    if (!user) {
      res.redirect('/admin/login');
      return;
    }
    const scope = jurisdictionWhere(Announcement.jurisdiction, user);
    const id = Number(req.params.announcementId);
    const announcement =
      scope === null || !Number.isInteger(id) ? null : await Announcement.findOne({ where: { [Op.and]: [scope, { id }] } });
    const file = announcement ? await AnnouncementAttachment.findOne({ where: { announcementId: announcement.id } }) : null;
    if (!announcement || !file) {
      res.status(404).type('text/plain; charset=utf-8').send('附件不存在或不在您的辖区内');
      return;
    }
    await recordAudit({
      user,
      action: 'attachmentDownloaded',
      resourceId: 'Announcement',
      recordId: announcement.id,
      regionCode: announcement.regionCode,
      changes: { fileName: { before: null, after: file.fileName } },
    });
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(Buffer.from(file.content));
  });
}
