import { ForbiddenError, type ActionContext, type ActionRequest } from 'adminjs';
import { AuditLog } from '../../db/models/system/audit-log.model.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { Components } from '../../panel/components/registry.js';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import { onPrimary } from '../../db/read-routing.js';
import { mayReadAuditTrail } from '../../domain/separation-of-duties.js';
import { BREAK_KIND_NAMES } from '../../domain/audit-chain.js';
import { dispatch } from '../../queue/job-dispatch.js';
import { auditVerifyJob } from '../../queue/queued-job.js';
import { askForCheck, checkById, checkUnderWay, checkView, lastFinishedCheck } from '../../services/audit-verifications.js';

/**
 * 校验完整性: the whole chain checked by a job (a province's trail takes minutes), for the audit administrator only,
 * whatever config/resources.yaml grants: 三员分立 is not the configuration's to undo.
 * POST starts a check, or names the one under way; GET says the last finished check and the one under way;
 * GET `?verificationId=` follows one check (the page polls it every second).
 */
async function verifyChain(request: ActionRequest, _response: unknown, context: ActionContext) {
  const user = sessionUserOf(context);
  if (!user || !mayReadAuditTrail(user)) throw new ForbiddenError('只有审计管理员可以校验操作日志');
  if (request.method === 'post') {
    const { check, created } = await askForCheck(user);
    // Queued again if it still waits: a job lost with Redis goes out at the next click (an id still queued is a no-op).
    if (check.state === 'queued') await dispatch(auditVerifyJob(check.id));
    return { verificationId: check.id, started: created };
  }
  // The rows were written a moment ago, by this request's sibling or a worker: read where they were written.
  return onPrimary(async () => {
    const asked = request.query?.verificationId;
    if (asked) {
      const check = await checkById(String(asked));
      return { verification: check && checkView(check), kindNames: BREAK_KIND_NAMES };
    }
    const [last, running] = await Promise.all([lastFinishedCheck(), checkUnderWay()]);
    return { last: last && checkView(last), running: running && checkView(running), kindNames: BREAK_KIND_NAMES };
  });
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
