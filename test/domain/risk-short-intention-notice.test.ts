import { describe, expect, it } from '@jest/globals';
import { intentionShortfallDays, shortIntentionNotice, type IntentionInput } from '../../domain/risk/short-intention-notice.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

describe('intentionShortfallDays (财库〔2020〕10号, 30 days)', () => {
  it.each([
    ['2026-01-01', '2026-01-31', 0],
    ['2026-01-01', '2026-01-30', 1],
    ['2026-01-01', '2026-03-01', 0],
    ['2026-01-01', '2026-01-01', 30],
    ['2026-01-10', '2026-01-05', 35],
    ['2026-02-01', '2026-03-03', 0],
    ['2026-02-01', '2026-03-02', 1],
    ['2024-02-01', '2024-03-02', 0],
    ['2024-02-01', '2024-03-01', 1],
    ['2025-12-15', '2026-01-10', 4],
  ])('published %s, start %s → %i days short', (published, start, expected) => {
    expect(intentionShortfallDays(published, start, 30)).toBe(expected);
  });

  it('takes its days from config', () => {
    expect(intentionShortfallDays('2026-01-01', '2026-01-16', 20)).toBe(5);
  });

  it.each([
    ['2026-02-30', '2026-03-31', /采购意向公开日期格式无效/],
    ['2026-01-01', '2026/03/31', /采购活动开始日期格式无效/],
  ])('refuses %s / %s', (published, start, message) => {
    expect(() => intentionShortfallDays(published, start, 30)).toThrow(message);
  });
});

describe('意向公开不足 shortIntentionNotice', () => {
  const settings = settingsOf({ minDays: 30 });
  const intention = (publishedAt: string | null, procurementStartAt: string | null): IntentionInput => ({
    id: 4,
    projectName: '教学设备采购',
    regionCode: '360102',
    budgetAmount: '300000.00',
    publishedAt,
    procurementStartAt,
  });
  it.each([
    ['29 days', '2026-03-01', '2026-03-30', 1],
    ['30 days (at the limit)', '2026-03-01', '2026-03-31', 0],
    ['31 days', '2026-03-01', '2026-04-01', 0],
    ['no start date yet', '2026-03-01', null, 0],
    ['no publication date', null, '2026-03-02', 0],
  ])('%s', (_what, published, start, flags) => {
    expect(shortIntentionNotice([intention(published, start)], settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('names the days', () => {
    const [flag] = shortIntentionNotice([intention('2026-03-01', '2026-03-21')], settings, RISK_CONTEXT);
    expect(flag).toMatchObject({
      subjectType: 'ProcurementIntention',
      subjectId: '4',
      amount: '300000.00',
      figures: { 意向公开日期: '2026-03-01', 采购活动开始日期: '2026-03-21', 公开天数: 20, 差几日: 10 },
      threshold: '采购意向应在采购活动开始前至少 30 日公开',
    });
  });
});
