import { Op } from 'sequelize';
import type { PreviousLogin } from '../domain/login-notice.js';
import { LoginAttempt } from '../db/models.js';

/**
 * The account's last successful login before the attempt `currentId`, and the attempts that failed between the two
 * (an administrator's unlock is no attempt), for the notice the user reads once signed in.
 */
export async function previousLogin(username: string, currentId: number): Promise<PreviousLogin> {
  const last = await LoginAttempt.findOne({
    where: { username, succeeded: true, id: { [Op.lt]: currentId } },
    order: [['id', 'DESC']],
    attributes: ['id', 'ip', 'createdAt'],
    useMaster: true,
  });
  const failedSince = {
    username,
    succeeded: false,
    id: { [Op.gt]: last?.id ?? 0, [Op.lt]: currentId },
    [Op.or]: [{ outcome: null }, { outcome: { [Op.ne]: 'unlocked' } }],
  };
  const [failures, latestFailure] = await Promise.all([
    LoginAttempt.count({ where: failedSince, useMaster: true }),
    LoginAttempt.findOne({ where: failedSince, order: [['id', 'DESC']], attributes: ['ip', 'createdAt'], useMaster: true }),
  ]);
  return {
    at: last?.createdAt.toISOString() ?? null,
    ip: last?.ip ?? null,
    failures,
    lastFailureAt: latestFailure?.createdAt.toISOString() ?? null,
    lastFailureIp: latestFailure?.ip ?? null,
  };
}
