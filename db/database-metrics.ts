import { Gauge, Histogram, type Registry } from 'prom-client';
import type { Sequelize } from 'sequelize';

/**
 * The pool as Prometheus sees it, through Sequelize's own hooks (its pool object is not part of its API): statements
 * in flight beside the pool's size tell how full it runs, and the wait for a connection tells when it is too small.
 * `database` names which of the process's databases (main, middle) a series belongs to.
 */
export function observeDatabase(sequelize: Sequelize, registry: Registry, database: string, poolMax: number): void {
  const inFlight = metricOf(registry, 'jxcg_db_statements_in_flight', () => {
    return new Gauge({
      name: 'jxcg_db_statements_in_flight',
      help: 'Statements sent to the database and not yet answered',
      labelNames: ['database'],
      registers: [registry],
    });
  });
  const poolSize = metricOf(registry, 'jxcg_db_pool_max', () => {
    return new Gauge({
      name: 'jxcg_db_pool_max',
      help: 'Most connections the pool opens',
      labelNames: ['database'],
      registers: [registry],
    });
  });
  const statementSeconds = metricOf(registry, 'jxcg_db_statement_seconds', () => {
    return new Histogram({
      name: 'jxcg_db_statement_seconds',
      help: 'Time from sending a statement to its answer',
      labelNames: ['database'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    });
  });
  const acquireSeconds = metricOf(registry, 'jxcg_db_pool_acquire_seconds', () => {
    return new Histogram({
      name: 'jxcg_db_pool_acquire_seconds',
      help: 'Wait for a pooled connection (PostgreSQL; SQLite has no pool)',
      labelNames: ['database'],
      buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
      registers: [registry],
    });
  });

  const labels = { database };
  poolSize.set(labels, sequelize.getDialect() === 'sqlite' ? 1 : poolMax);
  inFlight.set(labels, 0);
  const sent = new WeakMap<object, () => number>();
  sequelize.addHook('beforeQuery', (options) => {
    inFlight.inc(labels);
    sent.set(options, statementSeconds.startTimer(labels));
  });
  sequelize.addHook('afterQuery', (options) => {
    inFlight.dec(labels);
    sent.get(options)?.();
    sent.delete(options);
  });
  const waiting = new WeakMap<object, () => number>();
  sequelize.addHook('beforePoolAcquire', (options) => {
    waiting.set(options, acquireSeconds.startTimer(labels));
  });
  sequelize.addHook('afterPoolAcquire', (_connection, options) => {
    waiting.get(options)?.();
    waiting.delete(options);
  });
}

/** A process's two databases share one series name, told apart by label: the second registration reuses the first. */
function metricOf<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}
