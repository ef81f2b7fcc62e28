import { Op, type Transaction } from 'sequelize';
import { Session, SupervisorUser } from '../db/models.js';
import { diffParams, recordAudit, type AuditEntry } from './audit.js';

/** The audit trail names a session by its handle, and records whose it was, from where and since when. */
async function endAudited(row: Session, actor: AuditEntry['user'], reason: string, transaction: Transaction): Promise<boolean> {
  const deleted = await Session.destroy({ where: { sid: row.sid }, transaction });
  if (!deleted) return false;
  const owner =
    row.userId === null ? null : await SupervisorUser.findByPk(row.userId, { attributes: ['username', 'regionCode'], transaction });
  await recordAudit(
    {
      user: actor,
      action: 'endSession',
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
    return row ? endAudited(row, actor, reason ?? '安全管理员结束会话', transaction) : false;
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
    for (const row of rows) if (await endAudited(row, user, '同一用户再次登录：每个用户只保留最新的一个会话', transaction)) ended++;
    return ended;
  });
}
