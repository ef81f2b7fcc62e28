/** The sizes, and a small set that only proves the bench runs (CI runs it). */
export const SIZES = {
  full: {
    ingest: { rows: 100_000, batch: 5_000 },
    ingestAtScale: { rows: 1_000_000, batch: 5_000 },
    listSmall: 100_000,
    listLarge: 1_000_000,
    listAtScale: 10_000_000,
    exportRows: 1_000_000,
    rounds: { warmup: 20, requests: 200 },
    // The bare route counts a province's ten million lines exactly, about a second a request: 100 requests a side
    // still give a p95 of their own, and keep P7 to minutes.
    roundsAtScale: { warmup: 5, requests: 100 },
    pushFilings: 10_000,
    riskContracts: 100_000,
    sqliteRows: 200_000,
  },
  quick: {
    ingest: { rows: 5_000, batch: 1_000 },
    ingestAtScale: { rows: 2_000, batch: 1_000 },
    listSmall: 5_000,
    listLarge: 20_000,
    listAtScale: 40_000,
    exportRows: 5_000,
    rounds: { warmup: 3, requests: 20 },
    roundsAtScale: { warmup: 1, requests: 5 },
    pushFilings: 300,
    riskContracts: 2_000,
    sqliteRows: 5_000,
  },
};
