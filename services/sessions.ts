import { Op, type Transaction, type WhereOptions } from 'sequelize';
import type { SecurityAuditAction } from '../domain/audit-actions.js';
import type { SessionEnding, SessionLimits } from '../domain/session-limits.js';
import { lockChainHead } from '../db/audit-chain-head.js';
import { Session, SupervisorUser } from '../db/models.js';
import { diffParams, recordAudit, type AuditEntry } from './audit.js';

/** Why the server ended a session, as the audit trail says it. */
const EXPIRY_REASONS: Record<SessionEnding, string> = {
  idle: '空闲超时，会话由系统结束',
  absolute: '超过会话最长时间，会话由系统结束',
};

/** The audit trail names a session by its handle, and records whose it was, from where and since when. */
async function endAudited(
  row: Session,
  actor: AuditEntry['user'],
  action: SecurityAuditAction,
  reason: string,
  transaction: Transaction,
): Promise<boolean> {
  const deleted = await Session.destroy({ where: { sid: row.sid }, transaction });
  if (!deleted) return false;
  const owner =
    row.userId === null ? null : await SupervisorUser.findByPk(row.userId, { attributes: ['username', 'regionCode'], transaction });
  await recordAudit(
    {
      user: actor,
      action,
      resourceId: 'ActiveSession',
      recordId: row.handle,
      regionCode: owner?.regionCode ?? null,
      changes: diffParams({ username: owner?.username ?? null, ip: row.ip, startedAt: row.createdAt }, {}),
      reason,
    },
    transaction,
  );
  return true;
}

const SESSION_FIELDS = ['sid', 'userId', 'handle', 'ip', 'createdAt'] as const;

/**
 * Ends one signed-in session (the security administrator's 结束会话): its row goes, so its next request finds no
 * session and is sent to the login page. False when it had already ended.
 */
export async function endSession(handle: string, actor: AuditEntry['user'], reason: string | null): Promise<boolean> {
  return Session.sequelize!.transaction(async (transaction) => {
    const row = await Session.findOne({ where: { handle }, attributes: [...SESSION_FIELDS], transaction });
    return row ? endAudited(row, actor, 'sessionTerminated', reason ?? '安全管理员结束会话', transaction) : false;
  });
}

/** With one session per user (SINGLE_SESSION_PER_USER): a login ends the user's other sessions; how many it ended. */
export async function endOtherSessions(user: NonNullable<AuditEntry['user']>, keptSid: string): Promise<number> {
  return Session.sequelize!.transaction(async (transaction) => {
    const rows = await Session.findAll({
      where: { userId: user.id, sid: { [Op.ne]: keptSid } },
      attributes: [...SESSION_FIELDS],
      transaction,
    });
    let ended = 0;
    for (const row of rows)
      if (await endAudited(row, user, 'sessionTerminated', '同一用户再次登录：每个用户只保留最新的一个会话', transaction)) ended++;
    return ended;
  });
}

/**
 * A signed-in session found past its time limit by one of its requests: ended by the system and recorded once (a
 * sweep on another instance that ended it first recorded it). False when it had already ended.
 */
export async function endExpiredSession(sid: string, ending: SessionEnding): Promise<boolean> {
  return Session.sequelize!.transaction(async (transaction) => {
    const row = await Session.findOne({ where: { sid }, attributes: [...SESSION_FIELDS], transaction });
    return row?.userId != null ? endAudited(row, null, 'sessionExpired', EXPIRY_REASONS[ending], transaction) : false;
  });
}

/**
 * Deletes the sessions `graceMs` past their absolute end, and signed-in ones `graceMs` past their idle end: each
 * signed-in one is recorded as ended by the system. Sweeps of every web instance take their turn at the audit
 * chain's head, so a session is recorded once. How many signed-in sessions it ended.
 */
export async function sweepExpiredSessions(limits: SessionLimits, now: number, graceMs: number): Promise<number> {
  const before = (ms: number) => ({ [Op.lt]: new Date(now - ms - graceMs) });
  const absolute: WhereOptions = { [Op.or]: [{ expires: before(0) }, { createdAt: before(limits.maxMs) }] };
  const idle: WhereOptions = {
    userId: { [Op.ne]: null },
    [Op.or]: [{ lastActiveAt: before(limits.idleMs) }, { lastActiveAt: null, createdAt: before(limits.idleMs) }],
  };
  const sequelize = Session.sequelize!;
  return sequelize.transaction(async (transaction) => {
    await lockChainHead(sequelize, transaction);
    const signedIn = await Session.findAll({
      where: { userId: { [Op.ne]: null }, [Op.or]: [absolute, idle] },
      attributes: [...SESSION_FIELDS, 'expires', 'lastActiveAt'],
      transaction,
    });
    let ended = 0;
    for (const row of signedIn) {
      // Whichever end came first is why it ended.
      const absoluteEnd = Math.min(row.createdAt.getTime() + limits.maxMs, row.expires?.getTime() ?? Infinity);
      const idleEnd = (row.lastActiveAt ?? row.createdAt).getTime() + limits.idleMs;
      if (await endAudited(row, null, 'sessionExpired', EXPIRY_REASONS[idleEnd < absoluteEnd ? 'idle' : 'absolute'], transaction)) ended++;
    }
    await Session.destroy({ where: { [Op.or]: [absolute, idle] }, transaction });
    return ended;
  });
}
