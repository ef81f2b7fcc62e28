/**
 * When a user must choose a new password before anything else (GB/T 22239-2019 8.1.4.1 a: passwords changed
 * regularly; an initial or reset password is known to whoever set it, so it is only good for signing in once).
 */
import type { PasswordPolicy } from './user-rules.js';

/** Why a password set by someone else must be changed: a new account's first password, or an administrator's reset. */
export const SET_BY_OTHERS = ['initial', 'reset'] as const;
export type SetByOthers = (typeof SET_BY_OTHERS)[number];

export type PasswordChangeReason = SetByOthers | 'expired' | 'demo';

/** Each reason in a few words, as the audit log records the change it forced. */
export const PASSWORD_CHANGE_REASONS: Record<PasswordChangeReason, string> = {
  initial: '初始密码',
  reset: '管理员重置的密码',
  expired: '密码已到期',
  demo: '演示密码',
};

export interface PasswordState {
  /** Set when someone other than the user chose the password; null once the user chose their own. */
  passwordChangeDue: SetByOthers | null;
  /** When the password was last set (null for an account stored before this was kept: counted from its creation). */
  passwordChangedAt: Date | null;
  createdAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * Why the user must change their password now (null: they need not). `typedRefused` is whether the password just
 * typed at login is one the policy refuses (the demo password in production, on a database that once held demo data).
 */
export function passwordChangeDue(
  state: PasswordState,
  policy: PasswordPolicy,
  now: Date,
  typedRefused = false,
): PasswordChangeReason | null {
  if (typedRefused) return 'demo';
  if (state.passwordChangeDue) return state.passwordChangeDue;
  const since = state.passwordChangedAt ?? state.createdAt;
  if (policy.maxAgeDays > 0 && now.getTime() - since.getTime() >= policy.maxAgeDays * DAY_MS) return 'expired';
  return null;
}

/** What the change-password page says to a user sent there, naming the rule that sent them. */
export function passwordChangeNotice(reason: PasswordChangeReason, policy: PasswordPolicy): string {
  switch (reason) {
    case 'initial':
      return '这是为您新建账号时由管理员设置的初始密码，请先设置只有您自己知道的新密码，然后才能使用系统。';
    case 'reset':
      return '您的密码已由管理员重置，请先设置只有您自己知道的新密码，然后才能使用系统。';
    case 'expired':
      return `您的密码已使用超过 ${policy.maxAgeDays} 天（密码有效期），请设置新密码后继续使用系统。`;
    case 'demo':
      return '您正在使用公开的演示密码，生产环境中不得使用，请设置新密码后继续使用系统。';
  }
}
