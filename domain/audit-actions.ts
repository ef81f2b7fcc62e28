/**
 * The audit trail's words for what is not a button (等保 2.0 安全审计: logins, downloads, changes of rights and of the
 * trail itself): the action name stored in `audit_logs.action` and what the panel calls it. Every feature that
 * records one of these events uses the name here, so the audit administrator can filter for it; the locale takes the
 * words from this list (panel/locale/zh-CN.ts `actions`).
 *
 * Where a row of each kind points (`resourceId` / `recordId`) and what it keeps (`changes`, `reason`, `ip`) is said
 * beside each name.
 */
export const SECURITY_AUDIT_ACTIONS = {
  // Sign-in and sessions. resourceId SupervisorUser, recordId the account's id (null for an unknown username), ip.
  /** changes: none. */
  loginSucceeded: '登录成功',
  /** reason: why (用户名不存在 / 密码错误 / 账号已停用 / 失败次数过多暂缓受理 …); changes.username: the name typed. */
  loginFailed: '登录失败',
  /** The user signed out. */
  logout: '退出登录',
  // Sessions. resourceId ActiveSession, recordId the session's handle; changes: whose it was, from where, since when.
  /** The server ended a session at its idle end or its absolute end (reason says which); the actor is the system. */
  sessionExpired: '会话超时结束',
  /** The security administrator ended a session, or a new login ended the user's other one (one session per user). */
  sessionTerminated: '强制结束会话',

  // Accounts. resourceId SupervisorUser, recordId the account's id.
  /** Role or region changed; changes: role / regionCode before and after. */
  userRoleChanged: '变更角色或辖区',
  /** The user changed their own password (changes.password marks it, never the value). */
  passwordChanged: '修改密码',
  /** Someone else set the user's password (an administrator's reset); the user must change it at next login. */
  passwordReset: '重置用户密码',
  /** A failed login brought the account to the failure limit: its logins wait (reason: how many, from which client). */
  accountLocked: '账号登录受限',
  /**
   * The security administrator forgave the account's failures (受限账号). resourceId LoginAttempt, recordId the
   * marker attempt that ends the count; changes: username, failures before and after.
   */
  accountUnlocked: '解除登录限制',
  /**
   * The security settings in force (config/password-policy.yaml, LOGIN_*, SESSION_*) differ from those of the start
   * before; the system records it at start. resourceId SecurityPolicy; changes: each setting before and after.
   */
  securityPolicyChanged: '修改安全策略',
  /** A configuration file (config/*.yaml) changed between two starts. resourceId Configuration; changes: each file's SM3. */
  configurationChanged: '配置文件变更',

  // Files taken away. recordId the export's id / the announcement's id, regionCode the record's.
  /** Asked in the panel (the button's own name, exportXlsx, is what is stored). */
  exportXlsx: '导出Excel',
  /** The worker finished the file; changes.rows. */
  exportCompleted: '导出完成',
  /** The file was handed out; changes.fileName, and the asker when someone else downloads it. */
  exportDownloaded: '下载导出文件',
  /** An announcement's attachment was handed out; changes.fileName. */
  attachmentDownloaded: '下载公告附件',

  // The audit trail itself. resourceId AuditLog.
  /** The chain was checked from the panel; changes: rows checked and breaks found. */
  auditChainVerified: '校验操作日志完整性',
  /** Rows past their retention were removed; changes: the places removed and the last removed row's hash. */
  auditPruned: '清理过期操作日志',
} as const;

export type SecurityAuditAction = keyof typeof SECURITY_AUDIT_ACTIONS;
