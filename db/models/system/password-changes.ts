import { Op, type Transaction } from 'sequelize';
import { PasswordHistory } from './password-history.model.js';
import { SupervisorUser } from './supervisor-user.model.js';
import type { SameRights } from './user-rights.js';

/** Earlier passwords kept per account: the most config/password-policy.yaml allows its `history` to ask for. */
export const PASSWORD_HISTORY_KEPT = 24;

/**
 * Whenever a user's password is replaced, however it is written (the panel, admin:create, a script, a bulk update),
 * its time is stamped and the password it replaces goes to the account's history in the same transaction, so the
 * expiry and the history rule see every change. A re-hash of the same password at login (`sameRights`) is no change.
 */
export function trackPasswordChanges(): void {
  SupervisorUser.addHook('beforeUpdate', (user: SupervisorUser, options: SameRights) => {
    if (options.sameRights || !user.changed('passwordHash')) return;
    if (!user.changed('passwordChangedAt')) user.passwordChangedAt = new Date();
  });
  SupervisorUser.addHook('afterUpdate', async (user: SupervisorUser, options: SameRights & { transaction?: Transaction | null }) => {
    const replaced = user.previous('passwordHash');
    if (options.sameRights || !replaced || replaced === user.passwordHash) return;
    const transaction = options.transaction ?? undefined;
    await PasswordHistory.create({ userId: user.id, passwordHash: replaced }, { transaction });
    const kept = await PasswordHistory.findAll({
      attributes: ['id'],
      where: { userId: user.id },
      order: [['id', 'DESC']],
      offset: PASSWORD_HISTORY_KEPT - 1,
      limit: 1,
      transaction,
    });
    if (kept[0]) await PasswordHistory.destroy({ where: { userId: user.id, id: { [Op.lt]: kept[0].id } }, transaction });
  });
}
