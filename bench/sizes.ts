/** The sizes, and a small set that only proves the bench runs (CI runs it). */
export const SIZES = {
  full: {
    ingest: { rows: 100_000, batch: 5_000 },
    listSmall: 100_000,
    listLarge: 1_000_000,
    rounds: { warmup: 20, requests: 200 },
    pushFilings: 10_000,
    sqliteRows: 200_000,
  },
  quick: {
    ingest: { rows: 5_000, batch: 1_000 },
    listSmall: 5_000,
    listLarge: 20_000,
    rounds: { warmup: 3, requests: 20 },
    pushFilings: 300,
    sqliteRows: 5_000,
  },
};
