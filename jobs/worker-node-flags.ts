/**
 * Node flags of every worker process (`npm run worker`, `worker:dist`, the worker `npm start` spawns, the bench's and
 * the drills'). An ingest job holds a parsed batch (thousands of items) for about a second while it waits on the
 * database; with V8's default 16 MB semi-spaces those survive into the old generation, which then grows batch after
 * batch until a full collection. 4 MB semi-spaces collect them young: the bench's ingest peak fell from about 290 MB
 * to about 220 MB at the same rows/s.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
