import { ForbiddenError, type Action, type ActionContext, type ActionRequest, type ActionResponse } from 'adminjs';
import { mayManageSecurity } from '../../domain/separation-of-duties.js';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import { lockedLanes, NOTHING_TO_UNLOCK, unlockAccount } from '../../services/login-lanes.js';
import { normaliseUsername } from '../../domain/user-rules.js';
import { accountPolicy } from '../../settings/account-policy.js';
import { Components } from '../../panel/components/registry.js';

export const LOCKED_ACCOUNTS_ACTION = 'lockedAccounts';

/**
 * 受限账号, on the login security events: every lane that has reached the failure limit (LOGIN_MAX_FAILURES in
 * LOGIN_WINDOW_MINUTES), how many failures, the last one's time and address and how long it still waits; and 解除限制
 * for one account, which forgives the failures of all its lanes and is audited as `accountUnlocked`. For the security
 * administrator (domain/separation-of-duties.ts), besides what config/resources.yaml grants.
 */
export function lockedAccountsAction(): Partial<Action<ActionResponse>> {
  return {
    actionType: 'resource',
    icon: 'Unlock',
    component: Components.LockedAccounts,
    handler: async (request: ActionRequest, response: unknown, context: ActionContext) => {
      const user = sessionUserOf(context);
      if (!mayManageSecurity(user)) throw new ForbiddenError('只有安全管理员可以查看和解除账号的登录限制');
      const limits = accountPolicy().login;
      let notice: ActionResponse['notice'];
      if (request.method === 'post') {
        const username = normaliseUsername(request.payload?.username).slice(0, 100);
        // AdminJS hands the handler Express's response: its request knows the client's address as TRUST_PROXY says.
        const ip = (response as { req?: { ip?: string } } | undefined)?.req?.ip ?? 'unknown';
        const unlocked = username ? await unlockAccount(username, user!, ip, limits) : null;
        notice = unlocked
          ? { type: 'success', message: `已解除 ${username} 的登录限制（${unlocked.lanes} 个来源，共 ${unlocked.failures} 次失败）` }
          : { type: 'error', message: username ? NOTHING_TO_UNLOCK : '请指明要解除限制的账号' };
      }
      return { lanes: await lockedLanes(limits), limits, ...(notice && { notice }) };
    },
  };
}
