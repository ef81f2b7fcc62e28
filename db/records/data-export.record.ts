import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { binary, choice, integer, longText, moment, reference, text } from '../record/fields.js';

/** An Excel export asked for by one user (导出任务): the list's filters and sort, its progress and its file (kept 24 h). */
export const DATA_EXPORT = declareRecord({
  name: 'DataExport',
  table: 'data_exports',
  indexes: [{ fields: ['userId', 'createdAt'] }],
  label: { zh: '导出任务', en: 'Export' },
  // Only its user downloads it (http/export-routes.ts); the panel lists no exports.
  jurisdiction: { kind: 'admin' },
  fields: {
    id: text(36, { zh: '导出编号', en: 'Export id' }, { primaryKey: true }),
    userId: integer({ zh: '用户编号', en: 'User id' }),
    username: text(64, { zh: '用户名', en: 'Username' }),
    userRole: text(20, { zh: '角色', en: 'Role' }),
    userRegion: text(6, { zh: '用户辖区', en: 'User jurisdiction' }),
    resourceId: text(60, { zh: '对象类型', en: 'Record type' }),
    filters: longText({ zh: '筛选条件', en: 'Filters' }),
    sortBy: text(60, { zh: '排序字段', en: 'Sorted by' }, { nullable: true }),
    direction: text(4, { zh: '排序方向', en: 'Direction' }, { nullable: true }),
    state: choice(
      {
        queued: { zh: '排队中', en: 'Queued' },
        running: { zh: '导出中', en: 'Running' },
        done: { zh: '已完成', en: 'Done' },
        failed: { zh: '导出失败', en: 'Failed' },
        expired: { zh: '已过期', en: 'Expired' },
      },
      { zh: '状态', en: 'State' },
      { tones: { queued: 'pending', running: 'progress', done: 'done', failed: 'refused', expired: 'neutral' } },
    ),
    total: integer({ zh: '总行数', en: 'Total rows' }, { nullable: true }),
    done: integer({ zh: '已导出行数', en: 'Rows exported' }, { default: 0 }),
    fileName: text(200, { zh: '文件名', en: 'File name' }, { nullable: true }),
    error: longText({ zh: '错误', en: 'Error' }, { nullable: true }),
    expiresAt: moment({ zh: '过期时间', en: 'Expires at' }),
    finishedAt: moment({ zh: '完成时间', en: 'Finished at' }, { nullable: true }),
    ...timestamps(),
    // The run that wrote the file: each run of the job takes the next number and writes its chunks under it, so a run
    // taken over from a stalled worker never mixes its chunks with the one it replaced.
    attempt: integer({ zh: '导出轮次', en: 'Attempt' }, { default: 0 }),
    byteSize: integer({ zh: '文件大小（字节）', en: 'File size (bytes)' }, { nullable: true }),
    chunkCount: integer({ zh: '文件分块数', en: 'File chunks' }, { nullable: true }),
  },
});

/**
 * The file of a finished export, in pieces of about 1 MiB, in the main database: every web instance serves it
 * whichever worker wrote it, backups hold it, and the maintenance job removes it with its 24 h.
 */
export const EXPORT_FILE_CHUNK = declareRecord({
  name: 'ExportFileChunk',
  table: 'export_file_chunks',
  label: { zh: '导出文件分块', en: 'Export file chunk' },
  jurisdiction: { kind: 'admin' },
  fields: {
    exportId: reference('data_exports', 'id', text(36, { zh: '导出编号', en: 'Export id' }, { primaryKey: true })),
    attempt: integer({ zh: '导出轮次', en: 'Attempt' }, { primaryKey: true }),
    seq: integer({ zh: '序号', en: 'Sequence' }, { primaryKey: true }),
    bytes: binary({ zh: '内容', en: 'Bytes' }),
  },
});
