import { ForbiddenError, type ActionContext, type ActionRequest } from 'adminjs';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import { ActiveSession } from '../../db/models/system/active-session.model.js';
import { chinaTime } from '../../domain/dates.js';
import { mayManageSecurity } from '../../domain/separation-of-duties.js';
import { ROLE_NAMES } from '../../domain/user-rules.js';
import { REASON_MAX_LENGTH, validateReason } from '../../actions/supervisory-action.js';
import { Components } from '../../panel/components/registry.js';
import { endSession } from '../../services/sessions.js';
import type { ResourceDefinition } from '../resource-definition.js';

/**
 * 结束会话: the security administrator signs one session out (a login from an unknown address, a PC left signed in);
 * the form shows whose session it is and takes an optional reason, and the audit trail records both.
 */
async function endSessionHandler(request: ActionRequest, _response: unknown, context: ActionContext) {
  const user = sessionUserOf(context);
  if (!mayManageSecurity(user)) throw new ForbiddenError('只有安全管理员可以结束会话');
  const record = context.record!;
  const params = record.params as { id: string; displayName: string; username: string; role: string; ip: string | null };
  if (request.method !== 'post') {
    const row = await ActiveSession.findByPk(params.id);
    return {
      record: record.toJSON(context.currentAdmin),
      details: row
        ? [
            { label: '用户', value: `${row.displayName}（${row.username}）` },
            { label: '角色', value: ROLE_NAMES[row.role as keyof typeof ROLE_NAMES] ?? row.role },
            { label: '来源地址', value: row.ip ?? '—' },
            { label: '登录时间', value: chinaTime(row.startedAt) },
            { label: '最后活动', value: chinaTime(row.lastActiveAt) },
          ]
        : [],
      refusal: null,
      reason: 'optional',
      reasonMax: REASON_MAX_LENGTH,
    };
  }
  const { reason, error } = validateReason({ reason: 'optional' }, request.payload?.reason);
  const ended = error ? false : await endSession(params.id, user!, reason);
  const message = error ?? (ended ? `已结束 ${params.displayName} 的会话，该用户需重新登录` : '该会话已经结束');
  return {
    record: record.toJSON(context.currentAdmin),
    notice: { message, type: ended ? 'success' : 'error' },
    ...(ended && { redirectUrl: context.h.resourceUrl({ resourceId: context.resource.id() }) }),
  };
}

/** 在线会话: who is signed in, from where, since when and last active when; the security administrator's to watch. */
export const activeSessionResource: ResourceDefinition = {
  id: 'ActiveSession',
  model: ActiveSession,
  builtInActions: ['list', 'show'],
  options: {
    titleProperty: 'displayName',
    properties: { id: { isVisible: false } },
    actions: {
      endSession: {
        actionType: 'record',
        icon: 'LogOut',
        variant: 'danger',
        component: Components.SupervisoryActionForm,
        custom: { reason: 'optional', reasonMax: REASON_MAX_LENGTH },
        showInDrawer: false,
        handler: endSessionHandler,
      },
    },
  },
};
