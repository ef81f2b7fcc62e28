import type { SecurityAuditAction } from '../domain/audit-actions.js';
import { col, fn, literal, Op, type WhereOptions } from 'sequelize';
import { loginDelayMs, type LoginLimits } from '../domain/login-delay.js';
import { LoginAttempt, SupervisorUser } from '../db/models.js';
import type { LoginOutcome } from '../db/models/system/login-attempt.model.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { recordAudit } from './audit.js';

const NOT_FAILURES: LoginOutcome[] = ['throttled', 'unlocked'];

/**
 * An attempt that counts towards a limit: a wrong password, an unknown or inactive account (rows from before
 * outcomes were kept have none). Not an attempt refused while its lane waited, nor an administrator's unlock.
 */
export const FAILED: WhereOptions = {
  succeeded: false,
  [Op.or]: [{ outcome: null }, { outcome: { [Op.notIn]: NOT_FAILURES } }],
};

/** Rows of `alias` after the last unlock of their account: an unlock forgives every failure before it. */
const afterLastUnlock = (usernameSql: string) =>
  literal(`(SELECT COALESCE(MAX(u.id), 0) FROM login_attempts AS u WHERE u.username = ${usernameSql} AND u.outcome = 'unlocked')`);

/** Failures matching `where` since `since` (for an account's lane: since its last unlock too), and the latest one's time. */
export async function failuresSince(
  where: WhereOptions,
  since: Date,
  { unlockOf }: { unlockOf?: string } = {},
): Promise<{ count: number; last: Date | null }> {
  const unlocked = unlockOf === undefined ? [] : [{ id: { [Op.gt]: afterLastUnlock(LoginAttempt.sequelize!.escape(unlockOf)) } }];
  const [row] = (await LoginAttempt.findAll({
    attributes: [
      [fn('COUNT', col('id')), 'count'],
      [fn('MAX', col('created_at')), 'last'],
    ],
    where: { [Op.and]: [FAILED, where, { createdAt: { [Op.gte]: since } }, ...unlocked] },
    raw: true,
  })) as unknown as Array<{ count: number | string; last: Date | string | null }>;
  return { count: Number(row?.count ?? 0), last: row?.last ? new Date(row.last) : null };
}

/** A lane at or past the failure limit: an account from untrusted clients, or one of its trusted browsers. */
export interface LockedLane {
  username: string;
  /** The account's name in the panel, or null when no account has this username (a guesser's try). */
  displayName: string | null;
  trustedDevice: boolean;
  failures: number;
  lastFailureAt: string;
  lastFailureIp: string;
  /** Seconds before the lane's next attempt is heard (0: the next one is, but one more failure makes it wait again). */
  waitSeconds: number;
}

/**
 * Every lane with at least the limit of failures in the window since its account's last unlock: what the security
 * administrator sees as 被锁定的账号, newest failure first.
 */
export async function lockedLanes(limits: LoginLimits, now = new Date()): Promise<LockedLane[]> {
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const groups = (await LoginAttempt.findAll({
    attributes: ['username', 'deviceId', [fn('COUNT', col('id')), 'failures'], [fn('MAX', col('id')), 'lastId']],
    where: {
      [Op.and]: [FAILED, { createdAt: { [Op.gte]: since } }, { id: { [Op.gt]: afterLastUnlock('"LoginAttempt".username') } }],
    },
    group: ['username', 'deviceId'],
    having: literal(`COUNT(id) >= ${Number(limits.maxFailures)}`),
    raw: true,
    useMaster: true,
  })) as unknown as Array<{ username: string; deviceId: string | null; failures: number | string; lastId: number | string }>;
  if (!groups.length) return [];
  const [lastRows, accounts] = await Promise.all([
    LoginAttempt.findAll({ where: { id: groups.map((g) => Number(g.lastId)) }, attributes: ['id', 'ip', 'createdAt'], useMaster: true }),
    SupervisorUser.findAll({ where: { username: [...new Set(groups.map((g) => g.username))] }, attributes: ['username', 'displayName'] }),
  ]);
  const lastById = new Map(lastRows.map((row) => [row.id, row]));
  const nameOf = new Map(accounts.map((account) => [account.username, account.displayName]));
  return groups
    .map((group) => {
      const last = lastById.get(Number(group.lastId))!;
      const failures = Number(group.failures);
      const waitMs = last.createdAt.getTime() + loginDelayMs(failures, limits) - now.getTime();
      return {
        username: group.username,
        displayName: nameOf.get(group.username) ?? null,
        trustedDevice: group.deviceId !== null,
        failures,
        lastFailureAt: last.createdAt.toISOString(),
        lastFailureIp: last.ip,
        waitSeconds: Math.max(0, Math.ceil(waitMs / 1000)),
      };
    })
    .sort((a, b) => b.lastFailureAt.localeCompare(a.lastFailureAt));
}

/** Said when the account named has no lane to unlock (it was never locked, or its failures left the window). */
export const NOTHING_TO_UNLOCK = '该账号当前没有因登录失败而受限，无需解锁';

/**
 * Forgives the failures of every lane of `username` (the account from anywhere, and each of its trusted browsers):
 * a marker row in the login attempts, which the limit counts after, and the audit entry naming who unlocked it, in
 * one transaction. Null when there was nothing to unlock.
 */
export async function unlockAccount(
  username: string,
  actor: SessionUser,
  ip: string,
  limits: LoginLimits,
): Promise<{ lanes: number; failures: number } | null> {
  const lanes = (await lockedLanes(limits)).filter((lane) => lane.username === username);
  if (!lanes.length) return null;
  const failures = lanes.reduce((sum, lane) => sum + lane.failures, 0);
  const account = await SupervisorUser.findOne({ where: { username }, attributes: ['id', 'regionCode'] });
  await LoginAttempt.sequelize!.transaction(async (transaction) => {
    const marker = await LoginAttempt.create({ username, ip, deviceId: null, succeeded: false, outcome: 'unlocked' }, { transaction });
    await recordAudit(
      {
        user: actor,
        action: 'accountUnlocked' satisfies SecurityAuditAction,
        resourceId: 'LoginAttempt',
        recordId: marker.id,
        regionCode: account?.regionCode ?? null,
        changes: { username: { before: username, after: username }, failures: { before: failures, after: 0 } },
        reason: `解除 ${username} 的登录限制（${lanes.length} 个来源，共 ${failures} 次失败）`,
      },
      transaction,
    );
  });
  return { lanes: lanes.length, failures };
}
