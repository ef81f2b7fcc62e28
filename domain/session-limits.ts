/**
 * How long a signed-in session lives (等保 2.0 第三级, 身份鉴别: 登录连接超时自动退出): it ends after a time without
 * use (the idle limit) and, used or not, a fixed time after its login (the absolute limit). The server decides; the
 * panel only warns before the idle end and says afterwards why the user is at the login page again.
 */
export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export type SessionEnding = 'idle' | 'absolute';

export function sessionLimits(idleMinutes: number, maxHours: number): SessionLimits {
  return { idleMs: Math.round(idleMinutes * 60_000), maxMs: Math.round(maxHours * 3_600_000) };
}

/** When the session began (its login) and when its user last did something, in epoch milliseconds. */
export interface SessionTimes {
  startedAt: number;
  lastActiveAt: number;
}

/** Why the session has ended at `now`, or null while it lives; the absolute limit is said first, as it is final. */
export function sessionEnding(times: SessionTimes, now: number, limits: SessionLimits): SessionEnding | null {
  if (now - times.startedAt >= limits.maxMs) return 'absolute';
  if (now - Math.max(times.lastActiveAt, times.startedAt) >= limits.idleMs) return 'idle';
  return null;
}

/**
 * Whether a request's activity is worth writing: at most one write a minute per session (a tenth of the idle limit
 * when that is shorter), not one per request, so the idle end may come up to that much early.
 */
export function activityWriteDue(times: SessionTimes, now: number, limits: SessionLimits): boolean {
  return now - Math.max(times.lastActiveAt, times.startedAt) >= Math.min(60_000, limits.idleMs / 10);
}

/** How long before the idle end the panel warns: two minutes, or half the idle limit when that is shorter. */
export function warningLeadMs(limits: SessionLimits): number {
  return Math.min(120_000, limits.idleMs / 2);
}

/** What the panel is told about its session: time left before each end and when to warn. */
export interface SessionStatus {
  idleLeftMs: number;
  absoluteLeftMs: number;
  warningMs: number;
  /** The absolute limit, for the login page's words should the page have to say it itself. */
  maxHours: number;
}

export function sessionStatus(times: SessionTimes, now: number, limits: SessionLimits): SessionStatus {
  return {
    idleLeftMs: Math.max(0, Math.max(times.lastActiveAt, times.startedAt) + limits.idleMs - now),
    absoluteLeftMs: Math.max(0, times.startedAt + limits.maxMs - now),
    warningMs: warningLeadMs(limits),
    maxHours: limits.maxMs / 3_600_000,
  };
}

/** Where the panel asks about its session (a background read) and, at `/renew`, says its user is still there. */
export const SESSION_STATUS_PATH = '/admin/session';

/**
 * Marks a request the page made by itself (a progress poll, the session check): it reads but is not the user's
 * activity, or a page left open would never reach its idle end. Only reads may carry it; any write is activity.
 */
export const BACKGROUND_REQUEST_HEADER = 'X-Background-Request';

/**
 * Tells the login page why the user is there again: set by the server on the request that found the session ended,
 * read (and cleared) by the page. `idle`, or `absolute:<hours>` so the page can name the limit.
 */
export const SESSION_ENDED_COOKIE = 'jxcg.ended';

export function sessionEndedValue(ending: SessionEnding, maxHours: number): string {
  return ending === 'idle' ? 'idle' : `absolute:${Number(maxHours.toFixed(3))}`;
}

export function parseSessionEnded(value: string | undefined): { ending: SessionEnding; hours: number | null } | null {
  if (value === 'idle') return { ending: 'idle', hours: null };
  const absolute = /^absolute:(\d+(?:\.\d+)?)$/.exec(value ?? '');
  return absolute ? { ending: 'absolute', hours: Number(absolute[1]) } : null;
}
