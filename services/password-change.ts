import { passwordHistoryRule, passwordWeakness, type PasswordPolicy } from '../domain/user-rules.js';
import type { SetByOthers } from '../domain/password-change-due.js';
import { PasswordHistory, SupervisorUser } from '../db/models.js';
import { hashPassword, verifyPassword } from './password-hash.js';

/** The account a password is meant for: its username, and its id once it exists (a new account has no history). */
export interface PasswordOwner {
  username: string;
  id?: number | null;
}

/** The hashes of the account's last `count` passwords, its current one first. */
async function lastPasswordHashes(userId: number, count: number): Promise<string[]> {
  const user = await SupervisorUser.findByPk(userId, { attributes: ['passwordHash'], useMaster: true });
  if (!user) return [];
  const earlier = await PasswordHistory.findAll({
    attributes: ['passwordHash'],
    where: { userId },
    order: [['id', 'DESC']],
    limit: Math.max(count - 1, 0),
    useMaster: true,
  });
  return [user.passwordHash, ...earlier.map((row) => row.passwordHash)];
}

/**
 * Why `password` may not become `owner`'s password (null: it may), naming the rule that failed: the policy's own
 * rules first (no hashing for a password refused anyway), then the account's last passwords, each verified in turn.
 * Every place a password is set asks here: the panel's user forms, admin:create, the user's own change.
 */
export async function passwordRefusal(password: string, owner: PasswordOwner, policy: PasswordPolicy): Promise<string | null> {
  const weakness = passwordWeakness(password, owner.username, policy);
  if (weakness) return weakness;
  if (owner.id == null) return null;
  for (const hash of await lastPasswordHashes(owner.id, policy.history)) {
    if (await verifyPassword(hash, password)) return passwordHistoryRule(policy);
  }
  return null;
}

/**
 * What to store for a new password: its hash, when it was set and whether its user must replace it at the next
 * login: `setByOthers` when an administrator (or an operator's command) chose it, null when the user chose it.
 */
export async function newPasswordFields(
  password: string,
  setByOthers: SetByOthers | null,
): Promise<{ passwordHash: string; passwordChangedAt: Date; passwordChangeDue: SetByOthers | null }> {
  return { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), passwordChangeDue: setByOthers };
}
