import { afterEach, describe, expect, it } from '@jest/globals';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type WorkingCalendar } from '../../domain/working-days.js';
import { CN_CALENDAR } from '../support/calendar.js';

const PLAIN: WorkingCalendar = { holidays: [], workdays: [] };

describe('addWorkingDays with the official calendar', () => {
  it.each([
    // 元旦 2026: Jan 1–3 off, Sunday Jan 4 worked.
    ['2025-12-30', 1, '2025-12-31'],
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-31', 3, '2026-01-06'],
    ['2026-01-01', 1, '2026-01-04'],
    // 春节 2026: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked.
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-12', 5, '2026-02-26'],
    ['2026-02-13', 5, '2026-02-27'],
    ['2026-02-13', 6, '2026-02-28'],
    ['2026-02-13', 7, '2026-03-02'],
    ['2026-02-16', 1, '2026-02-24'],
    // 清明, 劳动节, 端午.
    ['2026-04-03', 1, '2026-04-07'],
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-05-08', 1, '2026-05-09'],
    ['2026-06-18', 1, '2026-06-22'],
    // 中秋 and 国庆 with the Sunday Sep 20 and Saturday Oct 10 make-up days.
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-30', 4, '2026-10-12'],
    // 单一来源 notice of 5 working days published just before 国庆.
    ['2026-09-30', 5, '2026-10-13'],
    // 2027 is provisional: statutory days only.
    ['2026-12-31', 1, '2027-01-04'],
    ['2027-02-04', 1, '2027-02-09'],
    ['2026-02-16', 0, '2026-02-16'],
  ])('%s + %i → %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, CN_CALENDAR)).toBe(expected);
  });
});

describe('addWorkingDays with a plain Mon–Fri calendar', () => {
  it.each([
    ['2026-03-06', 1, '2026-03-09'],
    ['2026-03-07', 1, '2026-03-09'],
    ['2026-03-08', 1, '2026-03-09'],
    ['2026-03-09', 5, '2026-03-16'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-03'],
    ['2026-02-13', 2, '2026-02-17'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s + %i → %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, PLAIN)).toBe(expected);
  });

  it('lets a listed workday win over a listed holiday', () => {
    const cal = { holidays: ['2026-03-07'], workdays: ['2026-03-07'] };
    expect(addWorkingDays('2026-03-06', 1, cal)).toBe('2026-03-07');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-02-13', '2026-02-28', 6],
    ['2026-02-14', '2026-02-23', 0],
    ['2025-12-31', '2026-01-06', 3],
    ['2026-09-30', '2026-10-10', 3],
    ['2026-09-18', '2026-09-30', 8],
    ['2026-01-06', '2026-01-06', 0],
    ['2026-01-07', '2026-01-06', 0],
    ['2026-12-31', '2026-01-01', 0],
    ['2026-01-01', '2026-12-31', 248],
  ])('(%s, %s] → %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to, CN_CALENDAR)).toBe(expected);
  });

  it.each([
    ['2025-12-25', 10],
    ['2026-02-10', 7],
    ['2026-09-15', 12],
    ['2026-12-28', 4],
  ])('inverts addWorkingDays from %s over %i days', (start, n) => {
    expect(workingDaysBetween(start, addWorkingDays(start, n, CN_CALENDAR), CN_CALENDAR)).toBe(n);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-02-14', true],
    ['2026-02-16', false],
    ['2026-02-21', false],
    ['2026-02-24', true],
    ['2026-03-01', false],
    ['2026-10-10', true],
    ['2026-10-11', false],
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, CN_CALENDAR)).toBe(expected);
  });
});

describe('input checks', () => {
  it.each([[-1], [1.5], [Number.NaN]])('refuses n = %d', (n) => {
    expect(() => addWorkingDays('2026-03-02', n, PLAIN)).toThrow(/非负整数/);
  });

  it.each(['2026-02-30', '2026/03/02', '2026-3-2', '2026-03-02T00:00:00Z', ''])('refuses date %j', (date) => {
    expect(() => addWorkingDays(date, 1, PLAIN)).toThrow(/起始日期格式无效/);
    expect(() => workingDaysBetween('2026-03-02', date, PLAIN)).toThrow(/结束日期格式无效/);
  });

  it('refuses a malformed calendar entry', () => {
    expect(() => addWorkingDays('2026-03-02', 1, { holidays: ['2026-3-3'], workdays: [] })).toThrow(/节假日格式无效/);
  });
});

describe('time zone independence', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('same answer in %s', (tz) => {
    process.env.TZ = tz;
    expect(addWorkingDays('2025-12-31', 3, CN_CALENDAR)).toBe('2026-01-06');
    expect(addWorkingDays('2026-03-06', 1, PLAIN)).toBe('2026-03-09');
    expect(workingDaysBetween('2026-02-13', '2026-02-28', CN_CALENDAR)).toBe(6);
  });
});
