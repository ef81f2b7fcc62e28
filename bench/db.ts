import pg from 'pg';
import sqlite3 from 'sqlite3';

export type Engine = 'postgres' | 'sqlite';

/** The bench's own thin access to either engine: plain SQL, no ORM, so the baseline is what a person would write. */
export interface BenchDb {
  engine: Engine;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function openDb(url: string, poolSize = 1): BenchDb {
  if (url.startsWith('sqlite:')) {
    const db = new sqlite3.Database(url.slice('sqlite:'.length));
    db.configure('busyTimeout', 10_000);
    return {
      engine: 'sqlite',
      // `$1` → `?1`: one SQL text serves both engines.
      query: <T>(sql: string, params: unknown[] = []) =>
        new Promise<T[]>((resolve, reject) => {
          db.all(sql.replace(/\$(\d+)/g, '?$1'), params, (err, rows) => (err ? reject(err) : resolve(rows as T[])));
        }),
      close: () => new Promise<void>((resolve) => db.close(() => resolve())),
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return {
    engine: 'postgres',
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}

export function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
