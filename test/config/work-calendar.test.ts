import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandDays, mergeCalendars } from '../../domain/cn-calendar.js';
import { loadDeadlineRules } from '../../settings/deadline-rules.js';

const rules = loadDeadlineRules();
const year = (y: number) => rules.years.find((c) => c.year === y)!;
const CN_CALENDARS = rules.years;
const CN_CALENDAR = rules.calendar;
const CN_CALENDAR_2025 = year(2025);
const CN_CALENDAR_2026 = year(2026);
const CN_CALENDAR_2027 = year(2027);

const dow = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

describe('2026 official arrangement', () => {
  it('is official', () => {
    expect(CN_CALENDAR_2026.provisional).toBe(false);
  });

  it.each([
    ['元旦', '2026-01-01', '2026-01-03', 3],
    ['春节', '2026-02-15', '2026-02-23', 9],
    ['清明节', '2026-04-04', '2026-04-06', 3],
    ['劳动节', '2026-05-01', '2026-05-05', 5],
    ['端午节', '2026-06-19', '2026-06-21', 3],
    ['中秋节', '2026-09-25', '2026-09-27', 3],
    ['国庆节', '2026-10-01', '2026-10-07', 7],
  ])('%s runs %s to %s (%i days)', (_name, from, to, days) => {
    const block = CN_CALENDAR_2026.holidays.filter((d) => d >= from && d <= to);
    expect(block).toHaveLength(days);
    expect(CN_CALENDAR_2026.holidays).not.toContain(prev(from));
    expect(CN_CALENDAR_2026.holidays).not.toContain(next(to));
  });

  it('has 33 holiday days in all', () => {
    expect(CN_CALENDAR_2026.holidays).toHaveLength(33);
  });

  it('has the six make-up working days, all on weekends', () => {
    expect([...CN_CALENDAR_2026.workdays]).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const d of CN_CALENDAR_2026.workdays) expect([0, 6]).toContain(dow(d));
  });
});

describe('2025 official arrangement', () => {
  it.each(['2025-01-28', '2025-02-04', '2025-05-05', '2025-05-31', '2025-06-02', '2025-10-08'])('%s is off', (d) => {
    expect(CN_CALENDAR_2025.holidays).toContain(d);
  });

  it('has the five make-up working days', () => {
    expect([...CN_CALENDAR_2025.workdays]).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });
});

describe('2027 provisional calendar', () => {
  it('is flagged provisional and has no make-up days', () => {
    expect(CN_CALENDAR_2027.provisional).toBe(true);
    expect(CN_CALENDAR_2027.workdays).toHaveLength(0);
  });

  it('lists the 13 statutory days', () => {
    expect([...CN_CALENDAR_2027.holidays]).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });
});

describe('every calendar', () => {
  it.each(CN_CALENDARS.map((c) => [c.year, c] as const))('%i: dates lie in the year, unique, no day both off and on', (year, cal) => {
    for (const d of [...cal.holidays, ...cal.workdays]) expect(d.startsWith(`${year}-`)).toBe(true);
    expect(new Set(cal.holidays).size).toBe(cal.holidays.length);
    for (const d of cal.workdays) expect(cal.holidays).not.toContain(d);
  });

  it('merges all years into CN_CALENDAR', () => {
    expect(CN_CALENDAR.holidays).toHaveLength(
      CN_CALENDAR_2025.holidays.length + CN_CALENDAR_2026.holidays.length + CN_CALENDAR_2027.holidays.length,
    );
    expect(mergeCalendars(CN_CALENDAR_2026, { holidays: ['2030-01-01'], workdays: [] }).holidays).toContain('2030-01-01');
  });

  it('expands day ranges, both ends included', () => {
    expect(expandDays('2026-09-30', '2026-10-02')).toEqual(['2026-09-30', '2026-10-01', '2026-10-02']);
    expect(expandDays('2026-10-02', '2026-10-01')).toEqual([]);
  });
});

function shift(d: string, by: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}
function prev(d: string): string {
  return shift(d, -1);
}
function next(d: string): string {
  return shift(d, 1);
}

describe('config/deadlines.yaml', () => {
  const file = (text: string): string => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deadlines-')), 'deadlines.yaml');
    fs.writeFileSync(target, text);
    return target;
  };
  const shipped = fs.readFileSync(new URL('../../config/deadlines.yaml', import.meta.url), 'utf8');

  it('names a time limit and its legal basis for every supervisory step; contract filing is 7 working days', () => {
    for (const step of Object.values(rules.steps)) {
      expect(step.workingDays).toBeGreaterThan(0);
      expect(step.basis.length).toBeGreaterThan(0);
    }
    expect(rules.steps.contractFiling).toMatchObject({ workingDays: 7, basis: expect.stringContaining('第四十七条') });
  });

  it.each([
    [
      'a make-up working day on a weekday',
      shipped.replace("workdays: ['2026-01-04',", "workdays: ['2026-01-05',"),
      'calendar.2026.workdays：2026-01-05 不是周末',
    ],
    [
      'a date outside its year',
      shipped.replace("'2026-01-01..2026-01-03'", "'2025-12-31..2026-01-03'"),
      'calendar.2026：日期 2025-12-31 不属于 2026 年',
    ],
    ['a range backwards', shipped.replace("'2026-04-04..2026-04-06'", "'2026-04-06..2026-04-04'"), '结束日期早于开始日期'],
    ['a time limit of zero', shipped.replace('workingDays: 7', 'workingDays: 0'), 'steps.contractFiling.workingDays'],
    ['a missing step', shipped.replace(/ {2}contractFiling:[\s\S]*?\n\n/, '\n'), 'steps.contractFiling'],
    ['a malformed date', shipped.replace("'2027-04-05'", "'2027-4-5'"), 'calendar.2027.holidays'],
  ])('%s stops start-up naming the place', (_what, text, expected) => {
    expect(() => loadDeadlineRules(file(text))).toThrow(expected);
  });
});
