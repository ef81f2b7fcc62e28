/**
 * 三员分立: which of the three administrators may create and change which account, field by field. The system
 * administrator keeps the offices' accounts (who they are, where they work, whether they may sign in) and never grants
 * a role after creation; the security administrator grants roles, locks and unlocks, and alone creates the
 * administrators' accounts; the audit administrator changes nothing. An administrator's account keeps its one duty for
 * life, so its history in the audit trail is always that duty's, and nobody changes their own rights.
 */
import { isAdministratorRole, isOfficeRole, type Role } from './jurisdiction.js';

/** The fields of an account that the panel's forms write. */
export const ACCOUNT_FIELDS = ['username', 'displayName', 'role', 'regionCode', 'active', 'password'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export interface AccountChange {
  actor: { id: number | string; role: Role };
  /** The account as stored; null when it is being created. */
  target: { id: number | string; role: string } | null;
  /** The fields whose value would change (for a new account: every field given). */
  changed: ReadonlySet<AccountField>;
  /** The role the account would have (given for a new account or a change of role). */
  role?: unknown;
}

export type AccountRefusals = Partial<Record<AccountField, string>>;

export const ADMINISTRATOR_ACCOUNTS_BY_SECURITY = '管理员账号（系统管理员、安全管理员、审计管理员）由安全管理员新建和管理';
export const OFFICE_ACCOUNTS_BY_ADMIN = '业务用户由系统管理员新建，安全管理员只能新建管理员账号';
export const ROLE_GRANTED_BY_SECURITY = '已有用户的角色由安全管理员授予，系统管理员只能在新建用户时选择业务角色';
export const IDENTITY_KEPT_BY_ADMIN = '用户名和姓名/单位由系统管理员维护';
export const ADMINISTRATOR_ROLE_FIXED = '管理员账号的角色不能更改（一个账号始终只担任一种管理职责）；如需调整，请停用该账号并另建账号';
export const NO_PROMOTION = '业务用户不能改为管理员角色；管理员账号请另行新建，与业务账号分开';
export const NOT_YOUR_DUTY = '您的角色不能新建或修改用户';

const OWN_RIGHTS: Partial<Record<AccountField, string>> = {
  role: '不能修改自己的角色',
  regionCode: '不能修改自己的所属辖区',
  active: '不能停用或启用自己的账号',
};

/** Why `change` may not be made, beside each field it concerns (empty: it may). */
export function accountChangeRefusals({ actor, target, changed, role }: AccountChange): AccountRefusals {
  const refusals: AccountRefusals = {};
  const refuse = (fields: Iterable<AccountField>, message: string) => {
    for (const field of fields) refusals[field] ??= message;
  };
  if (actor.role !== 'admin' && actor.role !== 'security') {
    refuse(changed.size ? changed : ['role'], NOT_YOUR_DUTY);
    return refusals;
  }
  if (!target) {
    // An unknown role is the role rule's to refuse, in its own words.
    if (actor.role === 'admin' && isAdministratorRole(role)) refuse(['role'], ADMINISTRATOR_ACCOUNTS_BY_SECURITY);
    if (actor.role === 'security' && isOfficeRole(role)) refuse(['role'], OFFICE_ACCOUNTS_BY_ADMIN);
    return refusals;
  }
  if (String(target.id) === String(actor.id)) for (const field of changed) if (OWN_RIGHTS[field]) refuse([field], OWN_RIGHTS[field]);
  if (actor.role === 'admin') {
    if (isAdministratorRole(target.role)) refuse(changed, ADMINISTRATOR_ACCOUNTS_BY_SECURITY);
    else if (changed.has('role')) refuse(['role'], ROLE_GRANTED_BY_SECURITY);
    return refusals;
  }
  refuse(
    [...changed].filter((field) => field === 'username' || field === 'displayName'),
    IDENTITY_KEPT_BY_ADMIN,
  );
  if (changed.has('role')) {
    if (isAdministratorRole(target.role)) refuse(['role'], ADMINISTRATOR_ROLE_FIXED);
    else if (isAdministratorRole(role)) refuse(['role'], NO_PROMOTION);
  }
  return refusals;
}

/**
 * The security administrator's duties: role grants, unlocking accounts, sessions, security events. One predicate, so
 * every such check reads the same.
 */
export function mayManageSecurity(user: { role: string } | null | undefined): boolean {
  return user?.role === 'security';
}

/** The audit administrator's duty: reading (and exporting) the audit trail and the security events. */
export function mayReadAuditTrail(user: { role: string } | null | undefined): boolean {
  return user?.role === 'auditor';
}
