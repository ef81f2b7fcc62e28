/**
 * Who holds the security administrator's powers (安全管理员: security policy, unlocking accounts, sessions). Issue #29
 * item 1 splits them off the system administrator into a role of their own, `security`; until every branch has that
 * role, both are named here, and only here.
 */
export function mayManageSecurity(user: { role?: string } | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'security';
}
