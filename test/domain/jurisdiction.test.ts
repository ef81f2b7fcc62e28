import { describe, expect, it } from '@jest/globals';
import {
  canAct,
  canReviewExpert,
  decidedRegions,
  inRegions,
  isWithin,
  parentRegion,
  regionLevel,
  visibleRegionPrefix,
  type Role,
} from '../../domain/jurisdiction.js';

const BAD_CODES = ['', '36010', '3601000', '350100', '360010', '36a100', ' 360100', '000000'];

describe('regionLevel and parentRegion', () => {
  it.each([
    ['360000', 'province', null],
    ['360100', 'city', '360000'],
    ['361100', 'city', '360000'],
    ['360102', 'county', '360100'],
    ['360121', 'county', '360100'],
    ['361181', 'county', '361100'],
  ])('%s is a %s under %s', (code, level, parent) => {
    expect(regionLevel(code)).toBe(level);
    expect(parentRegion(code)).toBe(parent);
  });

  it.each(BAD_CODES)('throws for %j, naming it', (code) => {
    expect(() => regionLevel(code)).toThrow(`“${code}”`);
    expect(() => parentRegion(code)).toThrow(RangeError);
  });
});

describe('isWithin', () => {
  it.each([
    ['360000', '360000', true],
    ['360000', '360100', true],
    ['360000', '361181', true],
    ['360100', '360100', true],
    ['360100', '360121', true],
    ['360100', '360102', true],
    ['360100', '360000', false],
    ['360100', '360200', false],
    ['360100', '360202', false],
    ['360121', '360121', true],
    ['360121', '360100', false],
    ['360121', '360102', false],
    ['360121', '360000', false],
    ['360000', '350100', false],
    ['360100', '3601', false],
    ['360100', '360100 ', false],
    ['3601', '360100', false],
  ])('user %s, record %s → %s', (user, record, expected) => {
    expect(isWithin(user, record)).toBe(expected);
  });
});

describe('visibleRegionPrefix', () => {
  it.each([
    ['360000', { prefix: '36' }],
    ['360100', { prefix: '3601' }],
    ['361100', { prefix: '3611' }],
    ['360121', { exact: '360121' }],
  ])('%s → %j', (code, expected) => {
    expect(visibleRegionPrefix(code)).toEqual(expected);
  });

  it.each(BAD_CODES)('throws for %j instead of returning a filter that matches everything', (code) => {
    expect(() => visibleRegionPrefix(code)).toThrow(RangeError);
  });

  it.each([
    ['360100', ['360100', '360102', '360121'], ['360000', '360200', '361100']],
    ['360000', ['360000', '360100', '361181'], []],
    ['360121', ['360121'], ['360100', '360123']],
  ])('agrees with isWithin for %s', (user, inside, outside) => {
    const f = visibleRegionPrefix(user);
    const matches = (c: string) => ('exact' in f ? c === f.exact : c.startsWith(f.prefix));
    for (const c of inside) expect([matches(c), isWithin(user, c)]).toEqual([true, true]);
    for (const c of outside) expect([matches(c), isWithin(user, c)]).toEqual([false, false]);
  });
});

describe('canAct', () => {
  it.each<[Role, string, string, boolean]>([
    ['admin', '360000', '360000', false],
    ['admin', '360000', '360100', false],
    ['province', '360000', '360000', true],
    ['province', '360000', '360100', false],
    ['province', '360000', '360121', false],
    ['city', '360100', '360100', true],
    ['city', '360100', '360121', false],
    ['city', '360100', '360000', false],
    ['city', '360100', '360200', false],
    ['county', '360121', '360121', true],
    ['county', '360121', '360100', false],
    ['county', '360121', '360123', false],
    ['gongguanban', '360000', '360000', false],
    ['gongguanban', '360000', '360121', false],
    // A role whose region is of the wrong level is a misconfigured account: deny.
    ['city', '360121', '360121', false],
    ['county', '360100', '360100', false],
    ['province', '360100', '360000', false],
    ['city', '360100', 'bogus', false],
    ['auditor' as Role, '360000', '360000', false],
  ])('%s at %s on a %s record → %s', (role, user, record, expected) => {
    expect(canAct(role, user, record)).toBe(expected);
  });
});

describe('canReviewExpert', () => {
  it.each<[Role, string, string, boolean]>([
    ['city', '360100', '360100', true],
    ['city', '360100', '360121', true],
    ['city', '360100', '360102', true],
    ['city', '360100', '360000', false],
    ['city', '360100', '360200', false],
    ['city', '360100', '360202', false],
    ['province', '360000', '360000', true],
    ['province', '360000', '360100', false],
    ['province', '360000', '360121', false],
    ['county', '360121', '360121', false],
    ['gongguanban', '360000', '360000', false],
    ['admin', '360000', '360000', false],
    ['city', '360121', '360121', false],
    ['city', '360100', '3601xx', false],
  ])('%s at %s on an expert of %s → %s', (role, user, expert, expected) => {
    expect(canReviewExpert(role, user, expert)).toBe(expected);
  });
});

describe("decidedRegions('subtree'): opening a case on a red flag anywhere the office sees", () => {
  it.each<[Role, string, string, boolean]>([
    ['province', '360000', '360000', true],
    ['province', '360000', '360121', true],
    ['city', '360100', '360100', true],
    ['city', '360100', '360121', true],
    ['city', '360100', '360000', false],
    ['city', '360100', '360721', false],
    ['county', '360121', '360121', true],
    ['county', '360121', '360102', false],
    ['gongguanban', '360000', '360121', false],
    ['admin', '360000', '360121', false],
    ['city', '360121', '360121', false],
  ])('%s at %s on a flag of %s → %s', (role, user, record, expected) => {
    expect(inRegions(decidedRegions('subtree', role, user), record)).toBe(expected);
  });
});
