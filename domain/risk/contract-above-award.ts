/** 合同金额超中标/追加超限: the contract exceeds the award, or supplementary contracts add more than the law allows. */
import { defineRule } from './define-rule.js';
import { percentText, yuanText } from './figures.js';
import { awardKey, contractsByAward } from './award-contracts.js';
import { fenOf, type Money, type Moment } from './inputs.js';
import { compareShare } from './share.js';

/** An award_notices row (label: its project's name or the notice number). */
export interface AwardInput {
  id: number;
  projectId: number;
  label: string;
  regionCode: string;
  supplierName: string;
  awardAmount: Money | null;
}

/**
 * A contract_filings row with the project it executes (contract_filings holds no projectId: the job joins it through
 * post_award_records.contractNo or payment_applications.contractFilingId). Which is the original and which are
 * supplements is award-contracts.ts's to say.
 */
export interface AwardContractInput {
  id: number;
  contractNo: string;
  projectId: number | null;
  supplierName: string;
  amount: Money | null;
  signedAt: Moment | null;
}

export interface ContractAboveAwardThresholds {
  /** Supplements in all, as a share of the original contract's amount, above which they are flagged. */
  maxAdditionRate: number;
}

export const contractAboveAward = defineRule<
  { awards: readonly AwardInput[]; contracts: readonly AwardContractInput[] },
  ContractAboveAwardThresholds
>('contractAboveAward', ({ awards, contracts }, t, raise) => {
  const byAward = contractsByAward(contracts);
  return awards.flatMap((a) => {
    const award = fenOf(a.awardAmount);
    const key = awardKey(a.projectId, a.supplierName);
    const split = key ? byAward.get(key) : undefined;
    const originalFen = fenOf(split?.original.amount);
    if (award === null || award <= 0 || !split || originalFen === null) return [];
    const original = { ...split.original, fen: originalFen };
    // A supplement without an amount adds nothing we can state.
    const supplements = split.supplements.flatMap((c) => {
      const fen = fenOf(c.amount);
      return fen === null ? [] : [{ ...c, fen }];
    });
    const added = supplements.reduce((sum, c) => sum + c.fen, 0);
    const aboveAward = original.fen > award;
    const tooMuchAdded = supplements.length > 0 && compareShare(added, original.fen, t.maxAdditionRate) > 0;
    if (!aboveAward && !tooMuchAdded) return [];
    const figures: Record<string, string | number> = {
      中标成交金额: yuanText(award),
      原合同: `${original.contractNo}，${yuanText(original.fen)}`,
      原合同超出中标金额: aboveAward ? yuanText(original.fen - award) : '未超出',
    };
    if (supplements.length) {
      figures['补充合同'] = supplements.map((c) => `${c.contractNo}（${yuanText(c.fen)}）`).join('、');
      figures['补充合同合计'] = yuanText(added);
      figures['追加比例'] = original.fen > 0 ? percentText(added / original.fen) : '原合同金额为 0';
    }
    return [
      raise(
        { type: 'AwardNotice', id: a.id, label: a.label, regionCode: a.regionCode },
        original.fen + added,
        figures,
        `合同金额不得超过中标（成交）金额；补充合同合计不得超过原合同金额的 ${percentText(t.maxAdditionRate)}`,
      ),
    ];
  });
});
