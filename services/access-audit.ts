import type { SecurityAuditAction } from '../domain/audit-actions.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import type { LoginOutcome } from '../db/models/system/login-attempt.model.js';
import { LOGIN_ATTEMPT } from '../db/records/login-attempt.record.js';
import { recordAudit } from './audit.js';
import { UNKNOWN_ACCOUNT_ROLE } from './office-names.js';

/** The account a login named, if it exists: the fields its audit row needs. */
export interface NamedAccount {
  id: number;
  username: string;
  role: string;
  regionCode: string;
}

const ACCOUNTS = 'SupervisorUser';
const USERNAME_COLUMN_LENGTH = 50;

/**
 * A login attempt in the audit trail (the login security events keep the same attempt for the throttling): who
 * signed in, or which account was tried and why it failed, and from where. An unknown username is recorded as typed,
 * under a role that says no such account exists; the attempt is the account's event, so it sits in its region.
 */
export async function auditLogin(outcome: LoginOutcome, typedUsername: string, account: NamedAccount | null, ip: string): Promise<void> {
  const action: SecurityAuditAction = outcome === 'succeeded' ? 'loginSucceeded' : 'loginFailed';
  await recordAudit({
    user: account ?? { id: null, username: typedUsername.slice(0, USERNAME_COLUMN_LENGTH), role: UNKNOWN_ACCOUNT_ROLE, regionCode: null },
    action,
    resourceId: ACCOUNTS,
    recordId: account?.id ?? null,
    regionCode: account?.regionCode ?? null,
    ip,
    reason: outcome === 'succeeded' ? null : LOGIN_ATTEMPT.fields.outcome.choiceLabels[outcome].zh,
    changes: outcome === 'succeeded' ? null : { username: { before: null, after: typedUsername } },
  });
}

/**
 * A failed login brought the account to the failure limit: its further logins from that client wait, a little longer
 * after each failure, until the window passes or the security administrator forgives them (受限账号).
 */
export async function auditAccountLocked(account: NamedAccount, failures: number, trustedDevice: boolean, ip: string): Promise<void> {
  await recordAudit({
    user: null,
    action: 'accountLocked' satisfies SecurityAuditAction,
    resourceId: ACCOUNTS,
    recordId: account.id,
    regionCode: account.regionCode,
    ip,
    reason: `连续登录失败 ${failures} 次，${trustedDevice ? '该账号在其常用浏览器上的' : '该账号来自其他客户端的'}登录暂缓受理`,
    changes: { username: { before: null, after: account.username } },
  });
}

export async function auditLogout(user: SessionUser): Promise<void> {
  await recordAudit({
    user,
    action: 'logout' satisfies SecurityAuditAction,
    resourceId: ACCOUNTS,
    recordId: user.id,
    regionCode: user.regionCode,
  });
}
