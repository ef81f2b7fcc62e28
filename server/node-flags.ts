/**
 * How every process of ours that serves is started (the web and the worker, however: the npm scripts, the worker
 * `npm start` spawns, the bench's and the drills' processes). Two settings, each found by `npm run bench`:
 *
 * - `--max-semi-space-size=4`: a request of the 一体化 API, a bulk decision or an ingest job holds thousands of parsed
 *   items for about a second while it waits on the database; with V8's default 16 MB semi-spaces those survive into
 *   the old generation, which then grows request after request. 4 MB semi-spaces collect them young (the worker's
 *   ingest peak fell from about 290 MB to about 220 MB at the same rows/s).
 * - `MALLOC_MMAP_THRESHOLD_=131072`: a login hashes in 19 MiB on one of libuv's threads. glibc raises its mmap
 *   threshold after the first such block is freed, so later ones come from that thread's arena and stay there: every
 *   thread kept one, 77 MB for four threads (300 MB with the library's 64 MiB default). A fixed threshold maps each
 *   large block and returns it when freed.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
export const NODE_ENV_SETTINGS: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
