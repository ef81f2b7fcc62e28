import type { SqliteConnection, SqliteStatement } from './database.js';

type Row = Record<string, unknown>;

/** Longer statements (an ingest chunk's upsert) are run once and not kept. */
export const REUSED_SQL_LENGTH = 8_192;
const KEPT_PER_CONNECTION = 100;

interface Kept { statement: SqliteStatement; prepared: Promise<void> }

/**
 * The shared SQLite connection's statements, prepared once and run again (`npm run bench`, P6): sqlite3 prepares and
 * finalizes every statement it is given as text, each a trip through libuv's pool of its own, and a panel page runs
 * the same few statements on every request. The most recently used are kept. A statement that fails to prepare
 * reports it only to `prepare`'s callback (a run queued behind it never answers), so a run waits for that first; and
 * SQLite refuses to close a connection with statements left open, so its `close` finalizes them first.
 */
export class PreparedStatements {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly db: SqliteConnection) {
    const close = db.close.bind(db);
    db.close = (callback) => {
      const open = [...this.kept.values()];
      this.kept.clear();
      void Promise.all(open.map(({ statement }) => new Promise<void>((resolve) => statement.finalize(() => resolve())))).then(() => close(callback));
    };
  }

  async all(sql: string, bind: unknown[]): Promise<Row[]> {
    const kept = this.keep(sql);
    try {
      await kept.prepared;
      return await new Promise<Row[]>((resolve, reject) => kept.statement.all(bind, (err, rows) => (err ? reject(err) : resolve(rows))));
    } catch (error) {
      // A statement that failed (bad SQL, its table gone, a lock) is not trusted again.
      this.forget(sql, kept);
      throw error;
    }
  }

  private keep(sql: string): Kept {
    const found = this.kept.get(sql);
    if (found) {
      this.kept.delete(sql);
      this.kept.set(sql, found);
      return found;
    }
    let settle!: (err: Error | null) => void;
    const prepared = new Promise<void>((resolve, reject) => { settle = (err) => (err ? reject(err) : resolve()); });
    const kept = { statement: this.db.prepare(sql, (err) => settle(err)), prepared };
    this.kept.set(sql, kept);
    if (this.kept.size > KEPT_PER_CONNECTION) {
      const [oldest, evicted] = this.kept.entries().next().value as [string, Kept];
      this.forget(oldest, evicted);
    }
    return kept;
  }

  private forget(sql: string, kept: Kept): void {
    if (this.kept.get(sql) === kept) this.kept.delete(sql);
    kept.statement.finalize();
  }
}

const byConnection = new WeakMap<SqliteConnection, PreparedStatements>();

/** The kept statements of `db`, the connection Sequelize shares outside transactions. */
export function preparedStatements(db: SqliteConnection): PreparedStatements {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new PreparedStatements(db)));
  return statements;
}
