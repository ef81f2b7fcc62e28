import { describe, expect, it } from '@jest/globals';
import { CN_CALENDAR } from '../support/calendar.js';
import { approvingRegion, needsSingleSourceNotice, singleSourceNoticeRefusal } from '../../domain/pre-procurement.js';

describe('approvingRegion', () => {
  it.each([
    ['360121', '360100'],
    ['360102', '360100'],
    ['360124', '360100'],
    ['360202', '360200'],
    ['360781', '360700'],
    ['361128', '361100'],
    ['360100', '360100'],
    ['360700', '360700'],
    ['360000', '360000'],
  ])('%s → %s', (owner, expected) => {
    expect(approvingRegion(owner)).toBe(expected);
  });

  it.each(['', '36012', '3601211', '350100', '36O100', ' 360121', '360021', 'abcdef'])('throws for %j, naming it', (code) => {
    expect(() => approvingRegion(code)).toThrow(`“${code}”`);
  });
});

describe('single-source public notice (财政部令第74号)', () => {
  const cal = CN_CALENDAR;
  it('applies only to single source at or above the threshold', () => {
    expect(needsSingleSourceNotice('single_source', 4_000_000, 4_000_000)).toBe(true);
    expect(needsSingleSourceNotice('single_source', 3_999_999.99, 4_000_000)).toBe(false);
    expect(needsSingleSourceNotice('competitive_negotiation', 9_000_000, 4_000_000)).toBe(false);
  });

  it.each([
    ['a notice that has run 5 working days and ended', '2026-11-02', '2026-11-06', '2026-11-09', null],
    ['ended the same day: still running today', '2026-11-02', '2026-11-06', '2026-11-06', '公示期满（2026-11-06 之后）方可审批'],
    ['halfway through', '2026-11-02', '2026-11-06', '2026-11-04', '截至今天（2026-11-04）已公示 3 个工作日'],
    ['before it starts', '2026-11-02', '2026-11-06', '2026-10-30', '已公示 0 个工作日'],
    ['only 4 working days long', '2026-11-03', '2026-11-06', '2026-11-20', '仅 4 个工作日，不足 5 个工作日'],
    ['a weekend does not count', '2026-11-05', '2026-11-10', '2026-11-20', '仅 4 个工作日'],
    ['the National Day holiday does not count', '2026-09-29', '2026-10-09', '2026-10-20', '仅 4 个工作日'],
    ['dates missing', null, null, '2026-11-20', '未填写公示起止日期'],
    ['end before start', '2026-11-06', '2026-11-02', '2026-11-20', '早于开始日期'],
  ])('%s', (_what, startAt, endAt, today, refusal) => {
    const result = singleSourceNoticeRefusal({ startAt, endAt }, today, cal);
    if (refusal === null) expect(result).toBeNull();
    else expect(result).toContain(refusal);
  });
});
