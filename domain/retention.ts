/**
 * How long what only grows is kept, in days. Login attempts are security events: 等保 2.0 asks for six months of
 * them. A batch's raw body serves its replay; after 90 days a finished batch keeps its counts and errors, not its body.
 * The audit trail: 网络安全法 第二十一条 asks for at least six months of logs; six months are at most 184 days, so the
 * pruning job keeps that long, four days above the floor the database itself enforces (AUDIT_FLOOR_DAYS), which
 * leaves room for a clock that is ahead.
 */
export const RETENTION_DAYS = { loginAttempts: 180, inboxPayloads: 90, auditLogs: 184 } as const;

/** Audit rows younger than this the database refuses to delete (migrations/0017-audit-chain.ts). */
export const AUDIT_FLOOR_DAYS = 180;
