import { z } from 'zod';
import { unsafeCharacterIn } from './unsafe-characters.js';

/** The three kinds of batch the 一体化 platform pushes, as they appear in the API path. */
export const INTEGRATION_KINDS = ['budgets', 'units', 'payment-vouchers'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export const INTEGRATION_KIND_LABELS: Record<IntegrationKind, string> = {
  budgets: '采购预算',
  units: '单位基本信息',
  'payment-vouchers': '支付凭证',
};

export const MAX_ITEMS_PER_BATCH = 10_000;

/**
 * How far past the receipt time an item's own time (`updatedAt`, a voucher's `paidAt`) may lie: the two servers'
 * clocks differ a little. A later time is refused, since it is the item's version: a line stamped 9999-12-31 would
 * refuse every later update of it.
 */
export const ALLOWED_CLOCK_SKEW_MS = 5 * 60_000;

/** Said of every text field in the API's document (the OpenAPI schemas are generated from these). */
const SAFE_TEXT_NOTE = '不得含控制字符（含制表符、换行）或不成对的 UTF-16 代理项';
const described = (description?: string) => ({ description: description ? `${description}；${SAFE_TEXT_NOTE}` : SAFE_TEXT_NOTE });
const safe = (value: string) => unsafeCharacterIn(value) === null;
const unsafeMessage = {
  error: (issue: { input?: unknown }) => unsafeCharacterIn(String(issue.input)) ?? '含有不能接收的字符',
  abort: true,
};
const text = (max: number) =>
  z.string({ error: '必填，应为字符串' }).trim().refine(safe, unsafeMessage).min(1, '不能为空').max(max, `不能超过 ${max} 个字符`);
const code = (max: number) => text(max).regex(/^[0-9A-Za-z._-]+$/, '只能包含字母、数字和 . _ -');
const regionCode = z
  .string({ error: '必填，应为 6 位行政区划代码' })
  .regex(/^\d{6}$/, '应为 6 位行政区划代码')
  .meta({ description: '行政区划代码，须为江西省内的区划' });
const skewMinutes = ALLOWED_CLOCK_SKEW_MS / 60_000;
const isoDateTime = (description = 'ISO 8601，如 2026-11-20T09:30:00+08:00') =>
  z
    .string({ error: '必填，应为 ISO 8601 时间' })
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)),
      '应为 ISO 8601 时间，如 2026-11-20T09:30:00+08:00',
    )
    .meta({ format: 'date-time', description: `${description}；晚于接收时间 ${skewMinutes} 分钟以上的该项被拒收` });
/** Yuan with at most two decimals, as a number or a numeric string; kept as a string so no cent is lost. */
const amount = z
  .union([z.number(), z.string()], { error: '必填，应为金额（元）' })
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .refine((v) => /^-?\d{1,13}(\.\d{1,2})?$/.test(v), { error: '应为金额（元），最多两位小数', abort: true })
  .refine((v) => Number(v) > 0, '金额必须大于 0')
  .meta({ description: '金额（元），数字或数字字符串（^\\d{1,13}(\\.\\d{1,2})?$），最多两位小数，大于 0' });

export const budgetItemSchema = z.object({
  budgetLineId: code(64).meta(described('指标ID（唯一键）')),
  fiscalYear: z.number({ error: '必填，应为年度（整数）' }).int('应为整数').min(2000, '年度不能早于 2000').max(2100, '年度不能晚于 2100'),
  regionCode,
  unitBudgetCode: code(50).meta(described('单位预算编码')),
  unitName: text(200).meta(described()),
  projectName: text(300).meta(described()),
  categoryCode: code(30).meta(described('品目编码')),
  amount,
  fundType: text(50).meta(described('资金性质')),
  updatedAt: isoDateTime('一体化侧的更新时间；不晚于已存数据的更新被忽略'),
});

export const unitItemSchema = z.object({
  unitBudgetCode: code(50).meta(described('单位预算编码（唯一键）')),
  unitName: text(200).meta(described()),
  creditCode: z
    .string({ error: '必填，应为 18 位统一社会信用代码' })
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '应为 18 位统一社会信用代码')
    .meta({ description: '统一社会信用代码' }),
  regionCode,
  updatedAt: isoDateTime(),
});

export const voucherItemSchema = z.object({
  voucherNo: code(64).meta(described('凭证号（唯一键）')),
  budgetLineId: code(64).meta(described('指标ID')),
  contractNo: z
    .string({ error: '应为字符串或 null' })
    .trim()
    .refine(safe, unsafeMessage)
    .max(64, '不能超过 64 个字符')
    .nullish()
    .transform((v) => v || null)
    .meta(described('合同编号')),
  payeeName: text(200).meta(described()),
  amount,
  paidAt: isoDateTime('支付时间；同一凭证号以支付时间较晚者为准'),
});

export type BudgetItem = z.infer<typeof budgetItemSchema>;
export type UnitItem = z.infer<typeof unitItemSchema>;
export type VoucherItem = z.infer<typeof voucherItemSchema>;
export type IntegrationItem = BudgetItem | UnitItem | VoucherItem;

const SCHEMAS: Record<IntegrationKind, z.ZodType<IntegrationItem>> = {
  budgets: budgetItemSchema,
  units: unitItemSchema,
  'payment-vouchers': voucherItemSchema,
};

/** The item's own time, which is also its version: a later one overwrites. */
export const SOURCE_TIME_FIELDS: Record<IntegrationKind, string> = {
  budgets: 'updatedAt',
  units: 'updatedAt',
  'payment-vouchers': 'paidAt',
};

/** The natural key that makes a re-sent item update, never duplicate. */
export const NATURAL_KEYS: Record<IntegrationKind, string> = {
  budgets: 'budgetLineId',
  units: 'unitBudgetCode',
  'payment-vouchers': 'voucherNo',
};

export interface FieldError {
  field: string;
  message: string;
}
export interface ItemRejection {
  index: number;
  errors: FieldError[];
}
export interface ValidatedItems<T = IntegrationItem> {
  valid: Array<{ index: number; item: T }>;
  rejected: ItemRejection[];
}

/**
 * Checks every item of a batch on its own: a bad item is reported by index and field, the good ones go on. Within a
 * batch a natural key seen twice keeps its first occurrence; the second is reported, so the outcome never depends on
 * the order a bulk upsert happens to apply rows in. `receivedAt` is when the batch arrived (the worker passes the
 * stored one, so a batch checked again later gets the same verdicts).
 */
export function validateItems(kind: IntegrationKind, items: readonly unknown[], receivedAt: Date = new Date()): ValidatedItems {
  const schema = SCHEMAS[kind];
  const key = NATURAL_KEYS[kind];
  const timeField = SOURCE_TIME_FIELDS[kind];
  const latest = receivedAt.getTime() + ALLOWED_CLOCK_SKEW_MS;
  const seen = new Map<string, number>();
  const result: ValidatedItems = { valid: [], rejected: [] };
  items.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      result.rejected.push({ index, errors: [{ field: '', message: '每一项应为 JSON 对象' }] });
      return;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '', message: issue.message }));
      result.rejected.push({ index, errors });
      return;
    }
    const time = String((parsed.data as unknown as Record<string, unknown>)[timeField]);
    if (Date.parse(time) > latest) {
      result.rejected.push({ index, errors: [{ field: timeField, message: futureTimeMessage(time, receivedAt) }] });
      return;
    }
    const natural = String((parsed.data as unknown as Record<string, unknown>)[key]);
    const first = seen.get(natural);
    if (first !== undefined) {
      result.rejected.push({ index, errors: [{ field: key, message: `与第 ${first} 项重复（同一批次内 ${key} 不能重复）` }] });
      return;
    }
    seen.set(natural, index);
    result.valid.push({ index, item: parsed.data });
  });
  return result;
}

function futureTimeMessage(time: string, receivedAt: Date): string {
  const minutes = ALLOWED_CLOCK_SKEW_MS / 60_000;
  return `时间 ${time} 晚于本批次的接收时间（${receivedAt.toISOString()}）超过 ${minutes} 分钟，不能接收；请核对一体化平台的时钟`;
}
