import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../domain/credit-code.js';
import type { createRandom } from './random.js';

/** A valid 统一社会信用代码 of a demo organisation in `regionCode` (category 1: a government body, 2: an institution). */
export function randomCreditCode(random: ReturnType<typeof createRandom>, regionCode: string, category: '1' | '2'): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CREDIT_CODE_CHARSET[random.int(0, CREDIT_CODE_CHARSET.length - 1)];
  const first17 = `1${category}${regionCode}${org}`;
  return first17 + creditCodeCheckChar(first17);
}
