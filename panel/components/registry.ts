import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentLoader } from 'adminjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/ links the sources (tools/build.mjs); naming them by their real path gives both forms one bundle.
const source = (file: string) => fs.realpathSync(path.join(here, file));

/** Every custom React component the panel bundles, registered once and referred to by name. */
export const componentLoader = new ComponentLoader();
export const Components = {
  Dashboard: componentLoader.add('Dashboard', source('dashboard.tsx')),
  SupervisoryActionForm: componentLoader.add('SupervisoryActionForm', source('supervisory-action-form.tsx')),
  SupervisoryBulkForm: componentLoader.add('SupervisoryBulkForm', source('supervisory-bulk-form.tsx')),
  RecordHistory: componentLoader.add('RecordHistory', source('record-history.tsx')),
  ItemErrors: componentLoader.add('ItemErrors', source('item-errors.tsx')),
  RelatedRecords: componentLoader.add('RelatedRecords', source('related-records.tsx')),
  AnnouncementBody: componentLoader.add('AnnouncementBody', source('announcement-body.tsx')),
  AttachmentLink: componentLoader.add('AttachmentLink', source('attachment-link.tsx')),
  ExportXlsx: componentLoader.add('ExportXlsx', source('export-xlsx.tsx')),
  // Rendered by no resource: bundled for what it sets up when the page loads, the drop-downs' Chinese words.
  SelectWord: componentLoader.add('SelectWord', source('select-words.tsx')),
  // Rendered by no resource either: every form reports all its errors from the server at once.
  WholeFormCheck: componentLoader.add('WholeFormCheck', source('whole-form-check.tsx')),
  StateBadge: componentLoader.add('StateBadge', source('state-badge.tsx')),
  DeadlineCell: componentLoader.add('DeadlineCell', source('deadline-cell.tsx')),
  AuditChanges: componentLoader.add('AuditChanges', source('audit-changes.tsx')),
  AuditChainCheck: componentLoader.add('AuditChainCheck', source('audit-chain-check.tsx')),
  OfficeFilter: componentLoader.add('OfficeFilter', source('office-filter.tsx')),
  LockedAccounts: componentLoader.add('LockedAccounts', source('locked-accounts.tsx')),
  FixedOnEdit: componentLoader.add('FixedOnEdit', source('fixed-on-edit.tsx')),
};

// AdminJS's own date field and date range filter, replaced once for every resource: a date-only value is the day the
// user chose in any browser zone (issue #25), and the calendar is Chinese.
componentLoader.override('DefaultDatetimeEditProperty', source('date-edit.tsx'));
componentLoader.override('DefaultDatetimeFilterProperty', source('date-filter.tsx'));
// Money in forms is kept as typed and checked by the server's rule (issue #26): the stock field cut extra decimals.
componentLoader.override('DefaultCurrencyEditProperty', source('amount-edit.tsx'));
// A text with a limit shows it and counts what is used, as the reason box does, and is refused, never cut (issue #26).
componentLoader.override('DefaultEditProperty', source('text-edit.tsx'));
componentLoader.override('DefaultTextareaEditProperty', source('text-edit.tsx'));
// A form's drop-down offers only what may be chosen there (the referenced resource's `choosable`).
componentLoader.override('DefaultReferenceEditProperty', source('reference-edit.tsx'));
// A success notice takes the older ones with it: a refusal must not stand beside the success that followed it.
componentLoader.override('NoticeBox', source('notice-box.tsx'));
// Dates and moments read one way in every list and record page: YYYY-MM-DD, a moment in China time (issue #26).
componentLoader.override('DefaultDatetimeListProperty', source('date-list.tsx'));
componentLoader.override('DefaultDatetimeShowProperty', source('date-show.tsx'));
// The sidebar opens the group of the page being shown (AdminJS opens only the groups clicked open before).
componentLoader.override('SidebarResourceSection', source('sidebar-resource-section.tsx'));
// Yes/no values in lists, record pages and filters say 是/否 (AdminJS falls back to English words).
componentLoader.override('BooleanPropertyValue', source('boolean-value.tsx'));
componentLoader.override('DefaultBooleanFilterProperty', source('boolean-filter.tsx'));

// The framework's planet, astronaut and English-derived sentences give way to the product's own pages (issue #26):
// the record route asks first whether the record can be shown, the resource routes whether the resource exists.
componentLoader.override('RecordActionRoute', source('record-action-route.tsx'));
componentLoader.override('ResourceRoute', source('resource-route.tsx'));
componentLoader.override('ResourceActionRoute', source('resource-route.tsx'));
componentLoader.override('BulkActionRoute', source('bulk-action-route.tsx'));
componentLoader.override('ActionHeader', source('action-header.tsx'));
componentLoader.override('Login', source('login.tsx'));
// A record's page is read in sections, two fields to a row, — for an empty field (issue #26).
componentLoader.override('DefaultShowAction', source('record-show.tsx'));
// The top bar names the signed-in office, not its login name.
componentLoader.override('LoggedIn', source('logged-in.tsx'));

// Lists that fit and can be scanned (issue #26): quick state filters and remembered filters above the list, the table
// in a box of its own that scrolls sideways, and cut cells that say their whole text on hover.
componentLoader.override('DefaultListAction', source('list-action.tsx'));
componentLoader.override('RecordsTable', source('records-table.tsx'));
