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

export function failedTenderNeedsConfirmation(input: FailedTenderInput, options: FailedTenderOptions = {}): boolean {
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

const CATEGORY_NAMES: Record<ProcurementCategory, string> = { goods: '货物', services: '服务', works: '工程' };
const yuan = (amount: number): string => `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** The rule's verdict with the sentence a supervisor reads on the record (why the office must, or need not, confirm). */
export function explainFailedTender(
  input: FailedTenderInput & { methodName: (code: string) => string },
  options: FailedTenderOptions = {},
): { needsConfirmation: boolean; basis: string } {
  const needsConfirmation = failedTenderNeedsConfirmation(input, options);
  const threshold = { ...DEFAULT_PUBLIC_TENDER_THRESHOLDS, ...options.thresholds }[input.category];
  const change =
    input.originalMethod === input.newMethod
      ? `采购方式不变（${input.methodName(input.originalMethod)}）`
      : `采购方式由${input.methodName(input.originalMethod)}变更为${input.methodName(input.newMethod)}`;
  const amount = `金额 ${yuan(input.amount)}${input.amount >= threshold ? ' ≥ ' : ' < '}公开招标数额标准 ${yuan(threshold)}（${CATEGORY_NAMES[input.category]}）`;
  return {
    needsConfirmation,
    basis: `${change}，${amount}：${needsConfirmation ? '须采购办确认' : '单位（主管预算单位）审核同意即可'}`,
  };
}

export function explainPreAward(change: PreAwardChange): { needsConfirmation: boolean; basis: string } {
  const what = [
    change.methodChanged && '变更采购方式',
    change.rankingChanged && '变更中标人排名顺序',
    change.winnerNameChanged && '变更中标人单位名称',
  ].filter(Boolean);
  return what.length
    ? { needsConfirmation: true, basis: `发生实质性变化（${what.join('、')}）：须采购办确认` }
    : { needsConfirmation: false, basis: '未发生实质性变化：单位（主管预算单位）审核同意即可' };
}
