import { Op } from 'sequelize';
import { OFFICE_ROLES } from '../../domain/jurisdiction.js';
import { Components } from '../../panel/components/registry.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { SupervisorUser } from '../../db/models/system/supervisor-user.model.js';
import { accountEditAudits, prepareAccountWrite } from './account-write.js';

/** The form of an account, as both views of the accounts show it. */
export const ACCOUNT_PROPERTIES = {
  passwordHash: { isVisible: false },
  password: { type: 'password', isVisible: { list: false, show: false, filter: false, edit: true } },
  lastLoginAt: { isVisible: { list: true, show: true, filter: false, edit: false } },
} as const;

/**
 * 监管用户, the system administrator's: the offices' accounts only. Whoever they are, where they work, whether they may
 * sign in and their password are kept here; a role is chosen once, when the account is made, and granted afterwards
 * by the security administrator (用户授权). The administrators' own accounts are not in this view at all.
 */
export const supervisorUserResource: ResourceDefinition = {
  id: 'SupervisorUser',
  model: SupervisorUser,
  viewWhere: { role: { [Op.in]: [...OFFICE_ROLES] } },
  builtInActions: ['list', 'show', 'search', 'new', 'edit'],
  virtualProperties: ['password'],
  editAudits: accountEditAudits,
  options: {
    titleProperty: 'displayName',
    properties: {
      ...ACCOUNT_PROPERTIES,
      role: {
        availableValues: OFFICE_ROLES.map((value) => ({ value, label: value })),
        components: { edit: Components.FixedOnEdit },
        custom: { keptBy: 'roleKeptBySecurity' },
      },
    },
    actions: {
      new: { before: [prepareAccountWrite] },
      edit: { before: [prepareAccountWrite] },
    },
  },
};
