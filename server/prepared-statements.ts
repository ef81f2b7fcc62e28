import type { SqliteConnection, SqliteStatement } from './database.js';
import { RecentlyUsed } from './recently-used.js';

type Row = Record<string, unknown>;

/** Longer statements (an ingest chunk's upsert) are run once and not kept. */
export const REUSED_SQL_LENGTH = 8_192;
const KEPT_PER_CONNECTION = 100;

interface Kept {
  statement: SqliteStatement;
  prepared: Promise<void>;
  /** Runs asked for and not yet answered. */
  runs: number;
  /** No longer kept (let go for newer ones, or failed): finalized once its last run is answered. */
  released: boolean;
  finalized: boolean;
}

/**
 * The shared SQLite connection's statements, prepared once and run again (`npm run bench`, P6): sqlite3 prepares and
 * finalizes every statement it is given as text, each a trip through libuv's pool of its own, and a panel page runs
 * the same few statements on every request. The most recently used are kept. A statement that fails to prepare
 * reports it only to `prepare`'s callback (a run queued behind it never answers), so a run waits for that first; and
 * SQLite refuses to close a connection with statements left open, so its `close` finalizes them first.
 */
export class PreparedStatements {
  private readonly kept = new RecentlyUsed<string, Kept>(KEPT_PER_CONNECTION, (evicted) => this.release(evicted));

  constructor(private readonly db: SqliteConnection) {
    const close = db.close.bind(db);
    db.close = (callback) => {
      const open = this.kept.drain();
      void Promise.all(open.map((kept) => this.finalize(kept))).then(() => close(callback));
    };
  }

  async all(sql: string, bind: unknown[]): Promise<Row[]> {
    const kept = this.keep(sql);
    kept.runs += 1;
    try {
      await kept.prepared;
      return await new Promise<Row[]>((resolve, reject) => kept.statement.all(bind, (err, rows) => (err ? reject(err) : resolve(rows))));
    } catch (error) {
      // A statement that failed (bad SQL, its table gone, a lock) is not trusted again.
      this.kept.forget(sql, kept);
      this.release(kept);
      throw error;
    } finally {
      kept.runs -= 1;
      if (kept.released) this.release(kept);
    }
  }

  private keep(sql: string): Kept {
    const found = this.kept.get(sql);
    if (found) return found;
    let settle!: (err: Error | null) => void;
    const prepared = new Promise<void>((resolve, reject) => { settle = (err) => (err ? reject(err) : resolve()); });
    const kept: Kept = { statement: this.db.prepare(sql, (err) => settle(err)), prepared, runs: 0, released: false, finalized: false };
    // A failed prepare is answered to the run that waits on it; a statement nobody runs must not leave it unheard.
    prepared.catch(() => undefined);
    this.kept.set(sql, kept);
    return kept;
  }

  /** No longer kept: finalized now, or after its last run if runs are still waiting on it. */
  private release(kept: Kept): void {
    kept.released = true;
    if (kept.runs === 0) void this.finalize(kept);
  }

  /** Once only, and with a callback: sqlite3 reports a second finalize as an `error` event, which would throw. */
  private finalize(kept: Kept): Promise<void> {
    if (kept.finalized) return Promise.resolve();
    kept.finalized = true;
    return new Promise((resolve) => kept.statement.finalize(() => resolve()));
  }
}

const byConnection = new WeakMap<SqliteConnection, PreparedStatements>();

/** The kept statements of `db`, the connection Sequelize shares outside transactions. */
export function preparedStatements(db: SqliteConnection): PreparedStatements {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new PreparedStatements(db)));
  return statements;
}
