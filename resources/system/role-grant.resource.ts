import { Components } from '../../panel/components/registry.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { SupervisorUser } from '../../db/models/system/supervisor-user.model.js';
import { accountEditAudits, prepareAccountWrite } from './account-write.js';
import { ACCOUNT_PROPERTIES } from './supervisor-user.resource.js';

const KEPT_BY_ADMIN = { components: { edit: Components.FixedOnEdit }, custom: { keptBy: 'identityKeptByAdmin' } };

/**
 * 用户授权, the security administrator's view of every account: grants an office's account another office role (with
 * its region), locks and unlocks accounts, sets a new password, and creates the administrators' accounts. Who a user
 * is (username, name) stays the system administrator's.
 */
export const roleGrantResource: ResourceDefinition = {
  id: 'RoleGrant',
  model: SupervisorUser,
  builtInActions: ['list', 'show', 'search', 'new', 'edit'],
  virtualProperties: ['password'],
  editAudits: accountEditAudits,
  options: {
    titleProperty: 'displayName',
    properties: { ...ACCOUNT_PROPERTIES, username: KEPT_BY_ADMIN, displayName: KEPT_BY_ADMIN },
    actions: {
      new: { before: [prepareAccountWrite] },
      edit: { before: [prepareAccountWrite] },
    },
  },
};
