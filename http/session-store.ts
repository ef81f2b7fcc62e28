import { randomBytes } from 'node:crypto';
import connectSessionSequelize from 'connect-session-sequelize';
import session, { type SessionData } from 'express-session';
import { QueryTypes, type Sequelize } from 'sequelize';
import type { SessionLimits, SessionTimes } from '../domain/session-limits.js';
import { Session } from '../db/models/system/session.model.js';
import { sweepExpiredSessions } from '../services/sessions.js';
import { logger } from '../settings/logger.js';

const SequelizeStore = connectSessionSequelize(session.Store);

/** What a signed-in session carries besides its user: its public handle and address (kept in its row too). */
export interface SignedInSession {
  adminUser?: { id?: number };
  handle?: string;
  ip?: string;
}

/** Its user as stored now, read with the session: whether they may still sign in, and their rights' version. */
export interface StoredRights {
  active: boolean;
  rightsVersion: number;
}

/**
 * A session as read: its data and, from its row, when it began and when its user was last active, and its user's
 * rights as stored now (null: the user is gone).
 */
export type StoredSession = SessionData & SignedInSession & Partial<SessionTimes> & { storedRights?: StoredRights | null };

/** How often ended sessions are swept: every minute, or every idle time when that is shorter. */
const sweepEvery = (limits: SessionLimits) => Math.min(60_000, limits.idleMs);

const stamp = (value: Date | string | null): number | undefined => (value === null ? undefined : new Date(value).getTime());

/**
 * Sessions in the database, so that every web instance sees the same ones (a logout on one ends it on all). This is
 * connect-session-sequelize with these changes:
 *
 * - a session is read with one plain statement with its id bound (found by `npm run bench`: the library builds a
 *   model instance and, on SQLite, asks for the table's column types first, on every request of every signed-in
 *   user), together with its login time and its last activity, which the time limits need, and its user's rights as
 *   stored now, which every request checks (`current-rights.ts`): one round trip, not two;
 * - a signed-in session's row is inserted only by its login: any later save updates the row if it is still there,
 *   so a session ended (logout, its time limit, the security administrator, a change of rights) while one of its
 *   requests was still running stays ended, where the library would have written it back;
 * - its user's last activity is written on its own (`recordActivity`), at most once a minute, never the whole data;
 * - every minute, sessions a minute past their absolute or idle end are deleted, so the list of active sessions is
 *   true within two minutes.
 */
export class SessionStore extends SequelizeStore {
  private readonly db: Sequelize;
  private readonly limits: SessionLimits;
  private readonly loggingIn = new WeakSet<object>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(db: Sequelize, limits: SessionLimits) {
    super({
      db,
      table: 'Session',
      // Swept here instead (`sweep`), for the idle end too.
      checkExpirationInterval: 0,
      expiration: limits.maxMs,
      extendDefaultFields: (defaults, data: StoredSession) => ({
        ...defaults,
        userId: data.adminUser?.id ?? null,
        handle: data.handle ?? null,
        ip: data.ip ?? null,
        // Written with the row at login; afterwards by `recordActivity` alone.
        ...(data.lastActiveAt !== undefined && { lastActiveAt: new Date(data.lastActiveAt) }),
      }),
      // No touch: the cookie is not rolling; the last activity is written by `recordActivity`.
      ...{ disableTouch: true }, // in connect-session-sequelize 7, not in its typings
    });
    this.db = db;
    this.limits = limits;
    this.sweeper = setInterval(() => void this.sweep(), sweepEvery(limits)).unref();
  }

  /**
   * Called at a login, once the session has its new id: gives it a handle and its address, and lets its first save
   * insert its row.
   */
  admitLogin(req: { session: object }, ip: string): void {
    Object.assign(req.session, {
      handle: randomBytes(16).toString('hex'),
      ip: ip.slice(0, 64),
      lastActiveAt: Date.now(),
    } satisfies SignedInSession & Partial<SessionTimes>);
    this.loggingIn.add(req.session);
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    // On the primary: a session written at login must be found by the next request, whatever the standby's lag; and
    // rights taken away end the session at once, not once the standby has replayed the change.
    this.db
      .query<{
        data: string;
        createdAt: Date | string;
        last_active_at: Date | string | null;
        user_active: boolean | number | null;
        rights_version: number | null;
      }>(
        'SELECT s.data, s."createdAt", s.last_active_at, u.active AS user_active, u.rights_version ' +
          'FROM "Sessions" s LEFT JOIN supervisor_users u ON u.id = s.user_id WHERE s.sid = $1',
        { bind: [sid], type: QueryTypes.SELECT, useMaster: true },
      )
      .then(
        ([row]) => {
          if (!row) return callback(null, null);
          const startedAt = stamp(row.createdAt)!;
          const stored: StoredSession = {
            ...(JSON.parse(row.data) as SessionData),
            startedAt,
            lastActiveAt: stamp(row.last_active_at) ?? startedAt,
            storedRights:
              row.rights_version === null ? null : { active: Boolean(row.user_active), rightsVersion: Number(row.rights_version) },
          };
          callback(null, stored);
        },
        (error: unknown) => callback(error),
      );
  }

  override set(sid: string, data: StoredSession, callback?: (err?: unknown) => void): void {
    if (!data.adminUser || this.loggingIn.has(data)) {
      this.loggingIn.delete(data);
      super.set(sid, data, callback);
      return;
    }
    // The times are the row's own columns and the rights the user's, read with it: not kept twice.
    const { startedAt, lastActiveAt: _lastActiveAt, storedRights: _storedRights, ...kept } = data;
    Session.update(
      {
        data: JSON.stringify(kept),
        expires: new Date((startedAt ?? Date.now()) + this.limits.maxMs),
        userId: data.adminUser.id ?? null,
        handle: data.handle ?? null,
        ip: data.ip ?? null,
      },
      { where: { sid } },
    ).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  /** The user did something now: their idle end moves on. A session already ended stays ended. */
  async recordActivity(sid: string, now: number): Promise<void> {
    await Session.update({ lastActiveAt: new Date(now) }, { where: { sid }, silent: true });
  }

  /**
   * Deletes the sessions past their absolute end, and signed-in ones past their idle end, once a grace of one sweep
   * has passed: until then the request that finds a session ended can still tell its user why.
   */
  async sweep(now = Date.now()): Promise<void> {
    try {
      await sweepExpiredSessions(this.limits, now, sweepEvery(this.limits));
    } catch (error) {
      logger.warn({ err: error }, 'expired sessions not swept; the next sweep tries again');
    }
  }

  /** Stops the sweeping (the process is stopping). */
  close(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
