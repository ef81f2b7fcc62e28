/**
 * One config for both databases: test/run-suite.mjs runs it once per DATABASE_URL (SQLite, then PostgreSQL).
 * test/global-setup.mjs migrates and seeds one template database per run; every test app gets a copy of its own.
 */

/**
 * Files whose outcome does not depend on the database engine (no database, an in-memory or fixed SQLite file, or a
 * browser or HTTP behaviour above the database): `npm test` runs them once, in the SQLite pass. Every other file runs
 * on both engines; a new file does too unless it is named here. A file with parts for PostgreSQL only must not be named
 * here (they would never run).
 */
export const ENGINE_INDEPENDENT = [
  '/test/domain/',
  // The panel's pure helpers: headings, sections, never a query.
  '/test/panel/',
  // The record builder (declarations, attributes and labels on an in-memory SQLite) and the SM4 cipher: never the
  // engine under test. audit-chain and text-filter-indexes have parts for PostgreSQL and run on both.
  '/test/db/(record-model|personal-cipher)\\.test\\.ts$',
  // bench/bulk-load's test is PostgreSQL's.
  '/test/bench/(?!bulk-load\\.)',
  '/test/e2e/',
  // model-schema compares the models with the migrated tables of the engine of the run: both engines.
  '/test/config/(?!admin-create\\.|model-schema\\.)',
  // No database, or the HTTP layer above it: errors classified by code, JSON parsing, shutdown,
  // request logging, CSRF and body limits, a web whose Redis is away, the 404 and 500 pages.
  '/test/http/(database-errors|duplicate-json-keys|graceful-close|request-log|request-forgery|redis-away|production-bundles|error-pages)\\.test\\.ts$',
  '/test/queue/(bullmq-queue|schedules)\\.test\\.ts$',
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The PostgreSQL pass of npm test leaves out what the SQLite pass already ran.
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.TEST_ENGINE_DEPENDENT_ONLY === 'true' ? ENGINE_INDEPENDENT : [])],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
  // A file's tests that only wait (it.concurrent: session-limits' idle and absolute ends) all wait at once.
  maxConcurrency: 8,
  // Two files at a time (each with its own databases, ports, queue prefix): on two cores test/http took 233 s with
  // one worker, 128 s with two (115 s with three, which leaves the drills' timing bounds too little room).
  maxWorkers: 2,
  // Each file loads the app's modules (AdminJS among them) into a registry of its own, and not all of it is freed:
  // a worker's heap grew to about 2 GB over test/http, and files run late in the suite took up to ten times as long
  // as alone. A worker past this after a file is replaced by a fresh one (test/http: 199 s → 170 s; 700 MB did the same).
  workerIdleMemoryLimit: '400MB',
};
