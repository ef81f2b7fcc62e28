/**
 * The contracts an award leads to. The first signed of one project and supplier is the original contract, the one
 * 第四十六条 times from the notice; the later ones are its supplements (第四十九条), signed when the need arises.
 * 合同签订逾期 and 合同金额超中标/追加超限 both read this split, so they never disagree on which contract is which.
 */
import { compareText, dayOf, partyKey, type Moment } from './inputs.js';

export interface ContractOfAward {
  id: number;
  projectId: number | null;
  supplierName: string;
  signedAt: Moment | null;
}

export interface AwardContracts<C> {
  original: C;
  supplements: C[];
}

/** The key an award and its contracts share: the project and the supplier's name as names are compared. */
export function awardKey(projectId: number | null, supplierName: string): string | null {
  const supplier = partyKey(supplierName);
  return projectId === null || !supplier ? null : `${projectId}|${supplier}`;
}

/** Each award's contracts by `awardKey`, a contract without a signing day last (it cannot be the first signed). */
export function contractsByAward<C extends ContractOfAward>(contracts: readonly C[]): Map<string, AwardContracts<C>> {
  const groups = new Map<string, Array<{ contract: C; day: string | null }>>();
  for (const contract of contracts) {
    const key = awardKey(contract.projectId, contract.supplierName);
    if (!key) continue;
    const entry = { contract, day: dayOf(contract.signedAt) };
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const split = new Map<string, AwardContracts<C>>();
  for (const [key, group] of groups) {
    group.sort((x, y) => compareText(x.day ?? '9999', y.day ?? '9999') || x.contract.id - y.contract.id);
    const [original, ...supplements] = group.map((g) => g.contract);
    split.set(key, { original: original!, supplements });
  }
  return split;
}
