import { ForbiddenError, type ActionContext, type ActionRequest } from 'adminjs';
import { AuditLog } from '../../db/models/system/audit-log.model.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { Components } from '../../panel/components/registry.js';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import { mayReadAuditTrail } from '../../domain/separation-of-duties.js';
import { BREAK_KIND_NAMES } from '../../domain/audit-chain.js';
import { checkAuditTrailAs, verificationSummary } from '../../services/audit-verify.js';

/**
 * 校验完整性: the whole chain checked on demand (a page over the list), for the audit administrator only, whatever
 * config/resources.yaml grants: 三员分立 is not the configuration's to undo.
 */
async function verifyChain(request: ActionRequest, _response: unknown, context: ActionContext) {
  const user = sessionUserOf(context);
  if (!user || !mayReadAuditTrail(user)) throw new ForbiddenError('只有审计管理员可以校验操作日志');
  if (request.method !== 'post') return {};
  const result = await checkAuditTrailAs(user, AuditLog.sequelize!);
  return { ...result, summary: verificationSummary(result), kindNames: BREAK_KIND_NAMES };
}

export const auditLogResource: ResourceDefinition = {
  id: 'AuditLog',
  model: AuditLog,
  builtInActions: ['list', 'show', 'search'],
  options: {
    properties: {
      // In the words of the record acted on, as its history shows them.
      changes: { type: 'textarea', components: { list: Components.AuditChanges, show: Components.AuditChanges } },
      reason: { type: 'textarea' },
    },
    actions: {
      verifyChain: { actionType: 'resource', icon: 'Shield', component: Components.AuditChainCheck, handler: verifyChain },
    },
  },
};
