import { describe, expect, it } from '@jest/globals';
import { deadlineStatus, deadlineText, lateFilingDays } from '../../domain/deadlines.js';
import { CN_CALENDAR } from '../support/calendar.js';

describe('deadlineStatus (working days, 调休 and holidays)', () => {
  it.each([
    ['an ordinary week', '2026-11-02', 5, '2026-11-04', { dueDate: '2026-11-09', remaining: 3, overdueDays: 0 }],
    ['due today', '2026-11-02', 5, '2026-11-09', { dueDate: '2026-11-09', remaining: 0, overdueDays: 0 }],
    ['two working days late', '2026-11-02', 5, '2026-11-11', { dueDate: '2026-11-09', remaining: 0, overdueDays: 2 }],
    [
      'over the National Day holiday, ending on its make-up Saturday',
      '2026-09-30',
      3,
      '2026-10-08',
      { dueDate: '2026-10-10', remaining: 2, overdueDays: 0 },
    ],
    ['the make-up Saturday 2026-10-10 counts', '2026-10-08', 2, '2026-10-12', { dueDate: '2026-10-10', remaining: 0, overdueDays: 1 }],
    ['across the year boundary and 元旦', '2026-12-30', 3, '2027-01-04', { dueDate: '2027-01-05', remaining: 1, overdueDays: 0 }],
    ['over 春节 2026', '2026-02-13', 1, '2026-02-14', { dueDate: '2026-02-14', remaining: 0, overdueDays: 0 }],
  ])('%s', (_what, start, days, today, expected) => {
    expect(deadlineStatus(start, days, today, CN_CALENDAR)).toEqual(expected);
  });

  it('reads as a supervisor would say it', () => {
    expect(deadlineText({ dueDate: '2026-11-09', remaining: 3, overdueDays: 0 })).toBe('还剩 3 个工作日（2026-11-09 到期）');
    expect(deadlineText({ dueDate: '2026-11-09', remaining: 0, overdueDays: 0 })).toBe('今天到期（2026-11-09）');
    expect(deadlineText({ dueDate: '2026-11-09', remaining: 0, overdueDays: 2 })).toBe('已超期 2 个工作日（2026-11-09 到期）');
  });
});

describe('lateFilingDays (政府采购法第四十七条)', () => {
  it.each([
    ['filed on the 7th working day', '2026-11-02', '2026-11-11', 0],
    ['filed the next working day', '2026-11-02', '2026-11-12', 1],
    ['the National Day holiday does not count', '2026-09-28', '2026-10-12', 0],
    ['filed before signing is not late', '2026-11-02', '2026-11-01', 0],
  ])('%s', (_what, signed, filed, late) => {
    expect(lateFilingDays(signed, filed, 7, CN_CALENDAR)).toBe(late);
  });
});
