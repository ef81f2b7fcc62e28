/**
 * Quartiles and Tukey's fences as open-contracting's cardinal-rs computes them (statrs' quantile, Hyndman and Fan's
 * method 8, which does not depend on how the data is split into halves).
 */
export function quantile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const h = (n + 1 / 3) * p + 1 / 3;
  if (h <= 1) return x[0]!;
  if (h >= n) return x[n - 1]!;
  const lower = Math.floor(h);
  return x[lower - 1]! + (h - lower) * (x[lower]! - x[lower - 1]!);
}

/** Q1 − k·IQR, with its quartiles. */
export function lowerFence(values: readonly number[], k: number): { q1: number; q3: number; fence: number } {
  const q1 = quantile(values, 0.25);
  const q3 = quantile(values, 0.75);
  return { q1, q3, fence: q1 - k * (q3 - q1) };
}
