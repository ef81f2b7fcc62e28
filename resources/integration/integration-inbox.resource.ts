import { Op } from 'sequelize';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { dispatch } from '../../queue/job-dispatch.js';
import { ingestJob } from '../../queue/queued-job.js';
import { Components } from '../../panel/components/registry.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { IntegrationInbox, IntegrationInboxPayload } from '../../db/models/integration/integration-inbox.model.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { INTEGRATION_INBOX } from '../../db/records/integration-inbox.record.js';
import { RETENTION_DAYS } from '../../domain/retention.js';

const replayBatch: SupervisoryActionSpec<IntegrationInbox> = {
  name: 'replayBatch',
  label: '重新处理',
  resourceId: 'IntegrationInbox',
  model: IntegrationInbox,
  statusField: 'state',
  // A finished batch may be replayed too (e.g. after a missing region was added): applying it again is a no-op
  // for every item that already landed.
  from: ['failed', 'done'],
  stateLabels: choiceLabels(INTEGRATION_INBOX.fields.state, 'zh'),
  reason: 'optional',
  mayAct: (user) => (user.role === 'admin' ? null : '只有系统管理员可以重新处理批次'),
  decidableWhere: (user) => (user.role === 'admin' ? { state: { [Op.in]: ['failed', 'done'] } } : null),
  // A finished batch's body goes after its retention (the maintenance job): without it there is nothing to apply.
  inspect: async (batch, _user, transaction) => {
    const kept = await IntegrationInboxPayload.count({ where: { batchId: batch.id }, transaction });
    return kept
      ? { details: [] }
      : {
          details: [],
          refusal: `该批次的原始报文已超过保留期（${RETENTION_DAYS.inboxPayloads} 天）被清理，无法重新处理；请一体化平台重新发送`,
        };
  },
  apply: (batch) => ({ state: 'received', lastError: null, replayCount: batch.replayCount + 1, attempts: 0, finishedAt: null }),
  afterCommit: async (batch, changes) => {
    await dispatch(ingestJob(batch.id, Number(changes.replayCount)));
  },
  success: (batch) => `批次 ${batch.id} 已重新加入处理队列`,
  icon: 'RefreshCw',
  variant: 'primary',
};

export const integrationInboxResource: ResourceDefinition = {
  id: 'IntegrationInbox',
  model: IntegrationInbox,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'id',
    properties: {
      signature: { isVisible: { list: false, filter: false, edit: false, show: true } },
      itemErrors: { isVisible: { list: false, filter: false, edit: false, show: true }, components: { show: Components.ItemErrors } },
      lastError: { type: 'textarea' },
    },
    actions: supervisoryActions(replayBatch),
  },
};
