/**
 * Node flags of every process of ours that serves (the web and the worker, however started: the npm scripts,
 * the worker `npm start` spawns, the bench's and the drills' processes). A web request of the 一体化 API or a bulk
 * decision, and an ingest job, hold thousands of parsed items for about a second while they wait on the database;
 * with V8's default 16 MB semi-spaces those survive into the old generation, which then grows request after request
 * until a full collection. 4 MB semi-spaces collect them young: in the bench the worker's ingest peak fell from
 * about 290 MB to about 220 MB at the same rows/s.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
