export const ANNOUNCEMENT_TYPE_LABELS = {
  procurement: '采购公告',
  change: '变更公告',
  tender_document: '招标文件',
  addendum: '补遗（答疑）文件',
  result: '结果公示',
} as const;
