import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentLoader } from 'adminjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every custom React component the panel bundles, registered once and referred to by name. */
export const componentLoader = new ComponentLoader();
export const Components = {
  Dashboard: componentLoader.add('Dashboard', path.join(here, 'dashboard.tsx')),
  SupervisoryActionForm: componentLoader.add('SupervisoryActionForm', path.join(here, 'supervisory-action-form.tsx')),
  SupervisoryBulkForm: componentLoader.add('SupervisoryBulkForm', path.join(here, 'supervisory-bulk-form.tsx')),
  RecordHistory: componentLoader.add('RecordHistory', path.join(here, 'record-history.tsx')),
  ItemErrors: componentLoader.add('ItemErrors', path.join(here, 'item-errors.tsx')),
  RelatedRecords: componentLoader.add('RelatedRecords', path.join(here, 'related-records.tsx')),
  AnnouncementBody: componentLoader.add('AnnouncementBody', path.join(here, 'announcement-body.tsx')),
  AttachmentLink: componentLoader.add('AttachmentLink', path.join(here, 'attachment-link.tsx')),
  ExportXlsx: componentLoader.add('ExportXlsx', path.join(here, 'export-xlsx.tsx')),
};
