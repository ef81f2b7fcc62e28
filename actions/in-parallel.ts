/**
 * Maps `items` through `work` with at most `limit` running at once, results in the items' order. Bulk decisions use it:
 * each record keeps its own transaction and audit row, but ten thousand of them need not wait for each other.
 */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
