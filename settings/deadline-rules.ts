import { z } from 'zod';
import { expandDays, mergeCalendars, type YearCalendar } from '../domain/cn-calendar.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import { readConfigFile } from './config-file.js';
import { ConfigError } from './config-error.js';

export const DEADLINES_FILE = new URL('../config/deadlines.yaml', import.meta.url);

export const DEADLINE_STEPS = [
  'unitReview',
  'expertReview',
  'specialtyReview',
  'failedTenderConfirmation',
  'preAwardConfirmation',
  'paymentReview',
  'methodChangeApproval',
  'importProductApproval',
  'caseHandling',
  'contractFiling',
] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD');
const dayOrRange = z.string().regex(/^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/, '应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD');
const step = z
  .object({
    label: z.string().min(1),
    workingDays: z.number().int('应为整数').min(1, '至少 1 个工作日').max(120, '不超过 120 个工作日'),
    startsFrom: z.string().min(1),
    basis: z.string().min(1, '请写明依据'),
  })
  .strict();
const schema = z
  .object({
    escalateAfterWorkingDays: z.number().int().min(0).max(60),
    steps: z.object(Object.fromEntries(DEADLINE_STEPS.map((s) => [s, step])) as Record<DeadlineStep, typeof step>).strict(),
    calendar: z.record(
      z.string().regex(/^\d{4}$/, '年份应为四位数字'),
      z
        .object({
          source: z.string().min(1),
          provisional: z.boolean(),
          holidays: z.array(dayOrRange),
          workdays: z.array(day),
        })
        .strict(),
    ),
  })
  .strict();

export interface DeadlineRules {
  escalateAfterWorkingDays: number;
  steps: Record<DeadlineStep, z.infer<typeof step>>;
  years: YearCalendar[];
  /** Every configured year in one calendar, so deadlines may cross a year boundary. */
  calendar: WorkingCalendar;
}

/** Reads config/deadlines.yaml; a mistake stops start-up naming the file, the place and what is expected. */
export function loadDeadlineRules(file: URL | string = DEADLINES_FILE): DeadlineRules {
  const name = typeof file === 'string' ? file : 'config/deadlines.yaml';
  const fail = (where: string, message: string): never => {
    throw new ConfigError(`配置错误: ${name} 的 ${where}：${message}`);
  };
  const parsed = readConfigFile(file, name, schema);
  const years: YearCalendar[] = Object.entries(parsed.calendar).map(([year, entry]) => {
    const holidays = entry.holidays.flatMap((item) => {
      const [from, to] = item.split('..');
      const days = expandDays(from!, to ?? from!);
      if (!days.length) fail(`calendar.${year}.holidays`, `区间 ${item} 的结束日期早于开始日期`);
      return days;
    });
    for (const d of [...holidays, ...entry.workdays]) {
      if (!d.startsWith(`${year}-`)) fail(`calendar.${year}`, `日期 ${d} 不属于 ${year} 年`);
    }
    for (const d of entry.workdays) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) fail(`calendar.${year}.workdays`, `${d} 不是周末，调休上班日只能是周六或周日`);
    }
    return { year: Number(year), provisional: entry.provisional, source: entry.source, holidays, workdays: entry.workdays };
  });
  return { escalateAfterWorkingDays: parsed.escalateAfterWorkingDays, steps: parsed.steps, years, calendar: mergeCalendars(...years) };
}

let cached: DeadlineRules | undefined;
export function deadlineRules(): DeadlineRules {
  cached ??= loadDeadlineRules();
  return cached;
}
