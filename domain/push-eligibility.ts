/**
 * 新-手动推送合同备案: may the supervisor push this filing to the treasury payment
 * intermediate database (国库支付系统中间库), and if not, why not.
 */
import { formatDay, parseBusinessDate, requireDateOnly } from './dates.js';
import { isAgreementType, isProcurementMethod, type ProcurementMethod } from './procurement-methods.js';

export type PushRoute = 'manual' | 'legacy' | 'purchaser' | 'not_integrated';
export type PushStatus = 'not_pushed' | 'queued' | 'pushed' | 'failed';
export type BudgetType = 'integrated' | 'virtual';

export interface PushEligibilityInput {
  procurementMethod: ProcurementMethod;
  budgetYear: number;
  budgetType: BudgetType;
  contractFiledAt: string | null;
  acceptanceFiledAt: string | null;
  contractSignedAt: string | null;
  contractName: string | null;
  pushStatus: PushStatus;
}

export interface PushEligibilityOptions {
  /** The year the region joined the payment platform; the manual gives 2022 for all regions. */
  integrationStartYear?: number;
  /** The day the automatic push was switched off (manual: 2022-06-22). */
  manualPushFrom?: string;
}

export interface PushEligibility {
  pushable: boolean;
  route: PushRoute;
  reasons: string[];
}

export const DEFAULT_INTEGRATION_START_YEAR = 2022;
export const DEFAULT_MANUAL_PUSH_FROM = '2022-06-22';

function isBlank(v: string | null | undefined): boolean {
  return v === null || v === undefined || v.trim() === '';
}

export function checkPushEligibility(input: PushEligibilityInput, options: PushEligibilityOptions = {}): PushEligibility {
  const startYear = options.integrationStartYear ?? DEFAULT_INTEGRATION_START_YEAR;
  const cutoffText = options.manualPushFrom ?? DEFAULT_MANUAL_PUSH_FROM;
  const cutoff = requireDateOnly(cutoffText, '手动推送起始日期');
  const cutoffLabel = formatDay(cutoff);

  if (!isProcurementMethod(input.procurementMethod)) {
    return {
      pushable: false,
      route: 'manual',
      reasons: [`未知的采购方式“${String(input.procurementMethod)}”，无法判断推送条件`],
    };
  }

  // Old-year budgets never reach the payment platform, so nothing else about them matters.
  if (!Number.isInteger(input.budgetYear) || input.budgetYear < startYear) {
    return {
      pushable: false,
      route: 'not_integrated',
      reasons: [`预算年度为${input.budgetYear}年，早于一体化支付对接年度${startYear}年，采用原支付方式，不推送一体化支付平台`],
    };
  }

  // The purchaser owns this push; listing data gaps here would suggest the supervisor can fix them.
  if (input.budgetType === 'virtual') {
    return {
      pushable: false,
      route: 'purchaser',
      reasons: ['新增预算须由采购单位关联一体化预算后自行推送，监管端不能推送'],
    };
  }

  const reasons: string[] = [];
  const agreement = isAgreementType(input.procurementMethod);
  const triggerText = agreement ? input.acceptanceFiledAt : input.contractFiledAt;
  const triggerName = agreement ? '验收单' : '合同备案';

  let triggerDay: number | null = null;
  if (isBlank(triggerText)) {
    reasons.push(
      agreement
        ? '尚未完成验收单：协议类采购（协议采购、新协议采购、定点采购、批量采购）需完成验收单后才能推送'
        : '尚未完成合同备案：招标类采购需完成合同备案后才能推送',
    );
  } else {
    triggerDay = parseBusinessDate(triggerText!);
    if (triggerDay === null) reasons.push(`${triggerName}日期“${triggerText}”格式无效`);
  }

  // A filing still to be made will be made after the switch-over, i.e. pushed by hand.
  const route: PushRoute = triggerDay !== null && triggerDay < cutoff ? 'legacy' : 'manual';

  const missing: string[] = [];
  if (isBlank(input.contractName)) missing.push('合同名称');
  if (isBlank(input.contractSignedAt)) {
    missing.push('合同签订日期');
  } else if (parseBusinessDate(input.contractSignedAt!) === null) {
    reasons.push(`合同签订日期“${input.contractSignedAt}”格式无效，需退回合同备案修改后再推送`);
  }
  for (const field of missing) {
    reasons.push(`缺少${field}，一体化支付平台要求推送${field}`);
  }
  if (missing.length > 0) {
    const fields = missing.join('、');
    const hasAcceptance = !isBlank(input.acceptanceFiledAt);
    if (agreement && hasAcceptance) {
      // The contract filing cannot be returned while an acceptance hangs on it.
      const why = route === 'legacy' ? `该协议类项目的验收单在${cutoffLabel}之前完成，当时平台无合同名称、签订日期字段：` : '';
      reasons.push(`${why}需先删除验收单，再退回合同备案补填${fields}，重新完成验收单后再推送`);
    } else if (!isBlank(input.contractFiledAt)) {
      reasons.push(`需退回合同备案补填${fields}后再推送`);
    }
  }

  if (input.pushStatus === 'queued') {
    reasons.push('该备案已在推送队列中，需退回并重新备案后才能再次推送');
  } else if (input.pushStatus === 'pushed') {
    reasons.push('该备案已推送，需退回并重新备案后才能再次推送');
  }

  return { pushable: reasons.length === 0, route, reasons };
}
