/**
 * Comparing a share of money with a configured ratio, exactly: amounts are whole fen and the ratio is read to the
 * basis point, so 30% of 1,000,000.00 元 is 300,000.00 元 to the fen and never 299,999.99999 by floating point.
 */
export function compareShare(partFen: number, wholeFen: number, ratio: number): -1 | 0 | 1 {
  const left = BigInt(partFen) * 10_000n;
  const right = BigInt(Math.round(ratio * 10_000)) * BigInt(wholeFen);
  return left < right ? -1 : left > right ? 1 : 0;
}
