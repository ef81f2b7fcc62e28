import { declareRecord } from '../record/declare-record.js';
import { autoId, integer, stamp, text } from '../record/fields.js';

/** One row per diagnostic job run (任务回执): which worker took which job, and only once. */
export const JOB_RECEIPT = declareRecord({
  name: 'JobReceipt',
  table: 'job_receipts',
  label: { zh: '任务回执', en: 'Job receipt' },
  // Not shown in the panel; an operator's diagnostic, so the administrator's if it ever is.
  jurisdiction: { kind: 'admin' },
  fields: {
    id: autoId(),
    jobId: text(100, { zh: '任务编号', en: 'Job id' }, { unique: true }),
    queue: text(50, { zh: '队列', en: 'Queue' }),
    workerPid: integer({ zh: '进程号', en: 'Worker pid' }),
    createdAt: stamp(),
  },
});
