/**
 * Who checks the audit trail (校验完整性): the 审计管理员, role `auditor` (issue #29 item 1 adds it). Until that role
 * exists the 系统管理员 does it; once it does, only `auditor` stays here (三员分立: the administrator has no audit).
 * Compared as strings, so this compiles before and after the role is in ROLES.
 */
export function mayCheckAuditTrail(user: { role: string } | null | undefined): boolean {
  return user?.role === 'auditor' || user?.role === 'admin';
}
