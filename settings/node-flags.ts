/**
 * How every process of ours that serves is started (the web and the worker, however: the npm scripts, the worker
 * `npm start` spawns, the bench's and the drills' processes). Three settings, each found by `npm run bench`:
 *
 * - `--max-semi-space-size=4`: a request of the 一体化 API, a bulk decision or an ingest job holds thousands of parsed
 *   items for about a second while it waits on the database; with V8's default 16 MB semi-spaces those survive into
 *   the old generation, which then grows request after request. 4 MB semi-spaces collect them young (the worker's
 *   ingest peak fell from about 290 MB to about 220 MB at the same rows/s).
 * - `--heap-growing-percent=100`: what does reach the old generation (each 一体化 batch's items, parsed and checked)
 *   is garbage a moment later, but V8 let the old generation grow to up to four times what was live before it
 *   collected; the web peaked at 307–361 MB over five P1 runs, the worker at 222–247 MB. Growing by at most twice
 *   the live size, they peaked at 239–243 MB and 145 MB, at the same rows/s (at 30 % they used less still, but
 *   ingest slowed by a tenth). The worker grows by at most 75 %: an export of a million rows (P9) peaked at 259 MB
 *   with 100 % and 225 MB with 75 %, at the same rows/s, and ingest kept its rate (P1 0.54, P10 0.56 against 0.57
 *   and 0.58); the web keeps 100 %, where 75 % made the county's list about 1 ms slower at the p95 (P2).
 * - `MALLOC_MMAP_THRESHOLD_=131072`: a login hashes in 19 MiB on one of libuv's threads. glibc raises its mmap
 *   threshold after the first such block is freed, so later ones come from that thread's arena and stay there: every
 *   thread kept one, 77 MB for four threads (300 MB with the library's 64 MiB default). A fixed threshold maps each
 *   large block and returns it when freed.
 */
export const WEB_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=100'];
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=75'];
export const NODE_ENV_SETTINGS: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
