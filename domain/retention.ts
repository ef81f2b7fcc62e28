/**
 * How long what only grows is kept, in days. Login attempts are security events: 等保 2.0 asks for six months of
 * them. A batch's raw body serves its replay; after 90 days a finished batch keeps its counts and errors, not its body.
 */
export const RETENTION_DAYS = { loginAttempts: 180, inboxPayloads: 90 } as const;
