/** `items` in runs of at most `size`, in order: statements with IN lists and multi-row inserts stay within bounds. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let from = 0; from < items.length; from += size) chunks.push(items.slice(from, from + size));
  return chunks;
}
