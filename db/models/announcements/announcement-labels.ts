import type { AnnouncementType } from './announcement.model.js';

export const ANNOUNCEMENT_TYPE_LABELS: Record<AnnouncementType, string> = {
  procurement: '采购公告',
  change: '变更公告',
  tender_document: '招标文件',
  addendum: '补遗（答疑）文件',
  result: '结果公示',
};
