import { INTEGRATION_KIND_LABELS } from '../../domain/integration-items.js';
import { versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { bilingual, choice, integer, longText, moment, text } from '../record/fields.js';

/** One batch as received from the 一体化 platform: stored before the 202 so an accepted batch is never lost. */
export const INTEGRATION_INBOX = declareRecord({
  name: 'IntegrationInbox',
  table: 'integration_inbox',
  indexes: [{ fields: ['state', 'receivedAt'] }],
  label: { zh: '一体化接收批次', en: 'Integration batch' },
  jurisdiction: { kind: 'admin' },
  fields: {
    id: text(36, { zh: '批次号', en: 'Batch ID' }, { primaryKey: true }),
    kind: choice(bilingual(INTEGRATION_KIND_LABELS, { budgets: 'Budgets', units: 'Unit info', 'payment-vouchers': 'Payment vouchers' }), {
      zh: '数据类型',
      en: 'Data kind',
    }),
    state: choice(
      {
        received: { zh: '待处理', en: 'Received' },
        processing: { zh: '处理中', en: 'Processing' },
        done: { zh: '已完成', en: 'Done' },
        failed: { zh: '处理失败', en: 'Failed' },
      },
      { zh: '处理状态', en: 'State' },
      { tones: { received: 'pending', processing: 'progress', done: 'done', failed: 'refused' } },
    ),
    appKey: text(64, { zh: '推送方', en: 'Sender' }),
    signature: text(64, { zh: '签名', en: 'Signature' }, { unique: true }),
    itemCount: integer({ zh: '条数', en: 'Items' }),
    acceptedCount: integer({ zh: '校验通过', en: 'Accepted' }),
    rejectedCount: integer({ zh: '校验未通过', en: 'Rejected' }),
    appliedCount: integer({ zh: '新增或更新', en: 'Added or updated' }, { default: 0 }),
    unchangedCount: integer({ zh: '未变化', en: 'Unchanged' }, { default: 0 }),
    failedCount: integer({ zh: '处理出错', en: 'Failed items' }, { default: 0 }),
    itemErrors: longText({ zh: '逐项错误（下标从 0 开始）', en: 'Item errors (indexed from 0)' }, { nullable: true }),
    lastError: longText({ zh: '最近一次失败原因', en: 'Last failure' }, { nullable: true }),
    attempts: integer({ zh: '处理次数', en: 'Attempts' }, { default: 0 }),
    replayCount: integer({ zh: '重新处理次数', en: 'Replays' }, { default: 0 }),
    receivedAt: moment({ zh: '接收时间', en: 'Received at' }),
    startedAt: moment({ zh: '开始处理时间', en: 'Started at' }, { nullable: true }),
    finishedAt: moment({ zh: '完成时间', en: 'Finished at' }, { nullable: true }),
    ...versioned({ zh: '版本', en: 'Version' }),
  },
  // A batch that failed for good waits for the administrator to replay it (the workbench's 处理失败的接收批次).
  pending: { field: 'state', in: ['failed'], since: 'finishedAt' },
});

/** The raw body of a batch, exactly as signed. */
export const INTEGRATION_INBOX_PAYLOAD = declareRecord({
  name: 'IntegrationInboxPayload',
  table: 'integration_inbox_payloads',
  label: { zh: '批次原始报文', en: 'Batch payload' },
  jurisdiction: { kind: 'admin' },
  fields: {
    batchId: text(36, { zh: '批次号', en: 'Batch ID' }, { primaryKey: true }),
    body: longText({ zh: '原始报文', en: 'Body' }),
  },
});
