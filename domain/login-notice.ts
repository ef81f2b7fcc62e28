/**
 * What a user is told right after signing in about their account's earlier logins (GB/T 22239-2019 8.1.4.1, and the
 * habit of every bank): when and from where they last signed in, and how many attempts failed since. A guesser's
 * work, or a session that was not theirs, shows up to the one person who can tell.
 */
import { chinaTime } from './dates.js';

export interface PreviousLogin {
  /** The last successful login before this one (ISO time); null at the account's first. */
  at: string | null;
  ip: string | null;
  /** Attempts on the account that failed since then (a wrong password, one refused while the account waited …). */
  failures: number;
  lastFailureAt: string | null;
  lastFailureIp: string | null;
}

// An IPv4 client of a dual-stack server is written ::ffff:10.1.2.3; people know it as 10.1.2.3.
const address = (ip: string | null): string => (ip ?? '未知地址').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/** The notice's sentence, and whether it asks for attention (failures since the last login). */
export function previousLoginNotice(previous: PreviousLogin): { text: string; warning: boolean } {
  const last = previous.at ? `上次登录：${chinaTime(previous.at)}，来自 ${address(previous.ip)}。` : '这是该账号首次登录。';
  if (!previous.failures) return { text: `${last}${previous.at ? '此后没有失败的登录。' : ''}`, warning: false };
  const latest = previous.lastFailureAt ? `，最近一次 ${chinaTime(previous.lastFailureAt)}，来自 ${address(previous.lastFailureIp)}` : '';
  return {
    text: `${last}${previous.at ? '此后' : '此前'}登录失败 ${previous.failures} 次${latest}。如非本人操作，请修改密码并告知安全管理员。`,
    warning: true,
  };
}
