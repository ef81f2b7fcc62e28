import { z } from 'zod';
import { amountRefusal, normalAmount } from './money.js';

export const VIRTUAL_BUDGET_SCENARIOS = [
  'funds_assured',
  'province_wide_split',
  'multi_year_service',
  'partly_self_funded',
  'central_unit',
] as const;
export const BUDGET_CATEGORIES = ['goods', 'works', 'services'] as const;
/** The 一体化 platform's own words for the nature of funds; a virtual budget uses the same vocabulary. */
export const FUND_SOURCES = [
  '一般公共预算',
  '政府性基金预算',
  '国有资本经营预算',
  '财政拨款+单位自筹',
  '单位自筹',
  '中央单位自有资金',
] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

const fields = {
  fiscalYear: z.coerce
    .number({ error: '预算年度必须是四位年份' })
    .int('预算年度必须是四位年份')
    .min(2000, '预算年度必须在 2000 至 2100 之间')
    .max(2100, '预算年度必须在 2000 至 2100 之间'),
  projectName: text('项目名称', 300),
  category: z.enum(BUDGET_CATEGORIES, { error: '请选择品目类别（货物、工程或服务）' }),
  // Checked by amountRefusal against the column's own precision (parseVirtualBudgetInput), never rounded here.
  amount: z.string({ error: '请填写预算金额' }).trim().min(1, '请填写预算金额'),
  fundSource: z.enum(FUND_SOURCES, { error: `请选择资金性质（${FUND_SOURCES.join('、')}）` }),
  scenario: z.enum(VIRTUAL_BUDGET_SCENARIOS, { error: '请选择新增预算的适用场景（五种之一）' }),
  remark: z
    .string()
    .trim()
    .max(500, '备注不能超过 500 个字')
    .optional()
    .transform((v) => v || null),
};

export const virtualBudgetInput = z.object(fields);
export type VirtualBudgetInput = z.infer<typeof virtualBudgetInput>;

export type ParsedInput<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/**
 * A form post (strings, maybe blank) → the fields of a virtual budget, or one Chinese message per bad field, every bad
 * field at once; `amountPrecision` is the amount column's DECIMAL(precision, scale) as the record declares it.
 */
export function parseVirtualBudgetInput(
  payload: Record<string, unknown>,
  amountPrecision: readonly [number, number],
): ParsedInput<VirtualBudgetInput> {
  const blankToUndefined = Object.fromEntries(
    Object.keys(fields).map((k) => {
      const v = payload[k];
      return [k, v === '' || v === null ? undefined : typeof v === 'number' ? String(v) : v];
    }),
  );
  if (typeof blankToUndefined.fiscalYear === 'string') blankToUndefined.fiscalYear = Number(blankToUndefined.fiscalYear);
  if (blankToUndefined.fiscalYear === undefined) blankToUndefined.fiscalYear = Number.NaN;
  const result = virtualBudgetInput.safeParse(blankToUndefined);
  const amountError = blankToUndefined.amount === undefined ? null : amountRefusal(blankToUndefined.amount, '预算金额', amountPrecision);
  if (result.success && !amountError) return { ok: true, value: { ...result.data, amount: normalAmount(result.data.amount) } };
  const errors: Record<string, string> = amountError ? { amount: amountError } : {};
  if (payload.fiscalYear === undefined || payload.fiscalYear === null || payload.fiscalYear === '') errors.fiscalYear = '请填写预算年度';
  for (const issue of result.error?.issues ?? []) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** XN + year + region + a serial: readable, unique, and never confused with an 一体化 指标ID. */
export function virtualBudgetNo(fiscalYear: number, regionCode: string, serial: number): string {
  return `XN${fiscalYear}${regionCode}${String(serial).padStart(5, '0')}`;
}
