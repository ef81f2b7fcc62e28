import { describe, expect, it } from '@jest/globals';
import {
  budgetCodeVerdict,
  elsewhereNote,
  findIntegrationCounterpart,
  integrationCounterpartsElsewhere,
  type UnitIdentity,
} from '../../domain/budget-code-verdict.js';

const unit: UnitIdentity = { name: '南昌县第一中学', creditCode: '12360121ABCDEFGH1X', unitBudgetCode: '3601210001', regionCode: '360121' };
const pushed = (unitBudgetCode: string, regionCode: string | undefined, over: { unitName?: string; creditCode?: string | null } = {}) => ({
  unitBudgetCode,
  regionCode,
  unitName: over.unitName ?? unit.name,
  creditCode: over.creditCode === undefined ? null : over.creditCode,
});

describe('findIntegrationCounterpart', () => {
  it.each([
    ['by credit code in the own region', [pushed('own', '360121', { creditCode: unit.creditCode, unitName: '改过的名称' })], 'own'],
    ['by name in the own region', [pushed('own', '360121')], 'own'],
    [
      'credit code before name, both in the own region',
      [pushed('byName', '360121'), pushed('byCode', '360121', { creditCode: unit.creditCode, unitName: '别名' })],
      'byCode',
    ],
    [
      "the own region's name match over another region's credit-code match",
      [pushed('other', '360702', { creditCode: unit.creditCode }), pushed('own', '360121')],
      'own',
    ],
    [
      "the own region's name match over another region's same name listed first",
      [pushed('other', '360702'), pushed('own', '360121')],
      'own',
    ],
    ['nothing when only another region has the unit', [pushed('other', '360702', { creditCode: unit.creditCode })], undefined],
    ['nothing when only the city above has it', [pushed('city', '360100')], undefined],
    [
      'nothing for another name and code',
      [pushed('x', '360121', { unitName: '南昌县第二中学', creditCode: '12360121ZZZZZZZZ1X' })],
      undefined,
    ],
  ])('%s', (_case, candidates, expected) => {
    expect(findIntegrationCounterpart(unit, candidates)?.unitBudgetCode).toBe(expected);
  });

  it('a unit without a credit code is matched by name only', () => {
    const candidates = [pushed('nullCode', '360121', { creditCode: null, unitName: '别名' }), pushed('own', '360121')];
    expect(findIntegrationCounterpart({ ...unit, creditCode: null }, candidates)?.unitBudgetCode).toBe('own');
  });

  it('candidates read without their region are compared as before (services/integration/link-units.ts reads none)', () => {
    expect(findIntegrationCounterpart(unit, [pushed('unplaced', undefined)])?.unitBudgetCode).toBe('unplaced');
  });
});

describe('integrationCounterpartsElsewhere and elsewhereNote', () => {
  const names: Record<string, string> = { '360702': '章贡区', '360102': '东湖区' };
  const note = (candidates: ReturnType<typeof pushed>[]) =>
    elsewhereNote(integrationCounterpartsElsewhere(unit, candidates), (code) => names[code] ?? code);

  it.each([
    ['no other region', [pushed('own', '360121')], null],
    [
      'a same-named unit in 章贡区',
      [pushed('own', '360121'), pushed('o', '360702')],
      '一体化平台在其他辖区（章贡区）有同名单位，未用于比对',
    ],
    [
      'a same credit code in 章贡区',
      [pushed('o', '360702', { unitName: '别名', creditCode: unit.creditCode })],
      '一体化平台在其他辖区（章贡区）有统一社会信用代码相同的单位，未用于比对',
    ],
    [
      'both kinds, two regions, each named once',
      [pushed('a', '360702'), pushed('b', '360702'), pushed('c', '360102', { unitName: '别名', creditCode: unit.creditCode })],
      '一体化平台在其他辖区（东湖区、章贡区）有同名或统一社会信用代码相同的单位，未用于比对',
    ],
    ["another region's unit of another name and code", [pushed('o', '360702', { unitName: '章贡区第一中学' })], null],
  ])('%s', (_case, candidates, expected) => {
    expect(note(candidates)).toBe(expected);
  });

  it('names only the region: no budget code of the other region', () => {
    expect(note([pushed('3607020099', '360702')])).not.toContain('3607020099');
  });
});

describe('budgetCodeVerdict', () => {
  it.each([
    ['3601210001', '3601210001', 'match'],
    [' 3601210001', '3601210001 ', 'match'],
    ['3601210001', '3607020001', 'mismatch'],
    ['3601210001', null, 'missing'],
    ['3601210001', undefined, 'missing'],
  ])('%j against %j → %s', (own, pushedCode, verdict) => {
    expect(budgetCodeVerdict(own, pushedCode)).toBe(verdict);
  });
});
