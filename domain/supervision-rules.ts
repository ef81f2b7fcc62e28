/** When the procurement office (采购办) has to confirm an anomaly handling itself. */

export type ProcurementCategory = 'goods' | 'services' | 'works';

export interface CategoryThresholds {
  goods: number;
  services: number;
  works: number;
}

/** Yuan. The manual gives 400万元 for goods and services; works uses the same until configured. */
export const DEFAULT_PUBLIC_TENDER_THRESHOLDS: Readonly<CategoryThresholds> = Object.freeze({
  goods: 4_000_000,
  services: 4_000_000,
  works: 4_000_000,
});

export interface FailedTenderInput {
  originalMethod: string;
  newMethod: string;
  /** Yuan. */
  amount: number;
  category: ProcurementCategory;
}

export interface FailedTenderOptions {
  thresholds?: Partial<CategoryThresholds>;
}

export function failedTenderNeedsConfirmation(
  input: FailedTenderInput,
  options: FailedTenderOptions = {},
): boolean {
  const thresholds: CategoryThresholds = { ...DEFAULT_PUBLIC_TENDER_THRESHOLDS, ...options.thresholds };
  if (!Object.prototype.hasOwnProperty.call(thresholds, input.category)) {
    throw new RangeError(`未知的采购品目类别“${String(input.category)}”（应为货物、服务或工程）`);
  }
  if (!Number.isFinite(input.amount) || input.amount < 0) {
    throw new RangeError(`采购金额无效：${String(input.amount)}`);
  }
  const methodChanged = input.originalMethod !== input.newMethod;
  return methodChanged && input.amount >= thresholds[input.category];
}

export interface PreAwardChange {
  methodChanged: boolean;
  rankingChanged: boolean;
  winnerNameChanged: boolean;
}

/** Any substantive change needs the supervisor; cosmetic edits stop at the unit's approval. */
export function preAwardNeedsConfirmation(change: PreAwardChange): boolean {
  return change.methodChanged || change.rankingChanged || change.winnerNameChanged;
}
