import { describe, expect, it } from '@jest/globals';
import { approvingRegion, intentionShortfallDays } from '../../domain/pre-procurement.js';

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

describe('intentionShortfallDays', () => {
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
    expect(intentionShortfallDays(published, start)).toBe(expected);
  });

  it.each([
    ['2026-02-30', '2026-03-31', /采购意向公开日期格式无效/],
    ['2026-01-01', '2026/03/31', /采购活动开始日期格式无效/],
  ])('refuses %s / %s', (published, start, message) => {
    expect(() => intentionShortfallDays(published, start)).toThrow(message);
  });
});
