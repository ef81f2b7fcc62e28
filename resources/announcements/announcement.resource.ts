import type { ResourceDefinition } from '../resource-definition.js';
import { Components } from '../../panel/components/registry.js';
import { Announcement } from '../../db/models/announcements/announcement.model.js';

/** 公告及文件查看: published by agencies and purchasers elsewhere; supervisors read them, body and attachment. */
export const announcementResource: ResourceDefinition = {
  id: 'Announcement',
  model: Announcement,
  builtInActions: ['list', 'show', 'search'],
  options: {
    titleProperty: 'title',
    properties: {
      projectId: { reference: 'ProcurementProject' },
      body: {
        type: 'textarea',
        isVisible: { list: false, filter: false, show: true, edit: false },
        components: { show: Components.AnnouncementBody },
      },
      attachmentName: { components: { show: Components.AttachmentLink, list: Components.AttachmentLink } },
    },
  },
};
