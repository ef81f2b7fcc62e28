import type { useTranslation } from 'adminjs';
import { chinaTime } from '../../domain/dates.js';

type Words = ReturnType<typeof useTranslation>;
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * One value of an audited change as the record's own page shows it: a choice by its label (已匹配, not matched), yes/no
 * as 是/否, a moment in China time; anything else as it was stored.
 */
export function changeValue(words: Words, resourceId: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return words.translateLabel('historyBlank');
  if (value === true || value === 'true') return words.translateLabel('booleanTrue');
  if (value === false || value === 'false') return words.translateLabel('booleanFalse');
  if (typeof value === 'string' && MOMENT.test(value)) return chinaTime(value);
  return words.translateLabel(`${field}.${String(value)}`, resourceId, { defaultValue: String(value) });
}

/** An audit row's changes in one line, each field by its Chinese name: `状态: 有效 → 已过期；…`. */
export function describeChanges(words: Words, resourceId: string, changes: FieldChanges | null | undefined): string {
  if (!changes) return '';
  return Object.entries(changes)
    .map(
      ([field, { before, after }]) =>
        `${words.translateProperty(field, resourceId)}: ${changeValue(words, resourceId, field, before)} → ${changeValue(words, resourceId, field, after)}`,
    )
    .join('；');
}

export function parseChanges(raw: unknown): FieldChanges | null {
  if (typeof raw !== 'string' || !raw) return null;
  try {
    return JSON.parse(raw) as FieldChanges;
  } catch {
    return null;
  }
}
