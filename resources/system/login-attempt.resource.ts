import type { ResourceDefinition } from '../resource-definition.js';
import { LOGIN_OUTCOMES, LoginAttempt } from '../../db/models/system/login-attempt.model.js';
import { LOCKED_ACCOUNTS_ACTION, lockedAccountsAction } from './locked-accounts-action.js';

/**
 * 登录安全事件: every login attempt, how it ended and from where, for the administrators to watch; and the accounts
 * that reached the failure limit, which the security administrator may unlock.
 */
export const loginAttemptResource: ResourceDefinition = {
  id: 'LoginAttempt',
  model: LoginAttempt,
  builtInActions: ['list', 'show', 'search'],
  options: {
    titleProperty: 'username',
    properties: {
      outcome: { availableValues: LOGIN_OUTCOMES.map((value) => ({ value, label: value })) },
    },
    actions: { [LOCKED_ACCOUNTS_ACTION]: lockedAccountsAction() },
  },
};
