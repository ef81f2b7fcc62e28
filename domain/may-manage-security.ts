/**
 * Who may act as the security administrator (安全管理员: security policy, sessions, unlocking accounts). Until the
 * role `security` of 三员分立 exists, the system administrator still holds these duties; this predicate is the one
 * place that says so.
 */
export function mayManageSecurity(user: { role: string } | null | undefined): boolean {
  return user?.role === 'security' || user?.role === 'admin';
}
