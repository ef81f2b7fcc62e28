export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Times `request` one call at a time (a user waits for each page) after a warm-up, interleaving the two sides so
 * that neither gets a quieter machine than the other.
 */
export async function pairedLatencies(
  project: () => Promise<void>,
  baseline: () => Promise<void>,
  options: { warmup: number; requests: number },
): Promise<{ project: number[]; baseline: number[] }> {
  for (let i = 0; i < options.warmup; i++) {
    await project();
    await baseline();
  }
  const result = { project: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < options.requests; i++) {
    for (const [side, call] of [
      ['project', project],
      ['baseline', baseline],
    ] as const) {
      const started = performance.now();
      await call();
      result[side].push(performance.now() - started);
    }
  }
  return result;
}
