import { describe, expect, test } from '@jest/globals';
import { expertReviewRefusal, firstSpecialtyStep, nextSpecialtyState, specialtyStepRefusal } from '../../domain/expert-review.js';
import type { Role } from '../../domain/jurisdiction.js';

describe('expert registration review', () => {
  test.each([
    ['city', '360100', '360100', true],
    ['city', '360100', '360121', true],
    ['city', '360700', '360121', false],
    ['province', '360000', '360000', true],
    ['province', '360000', '360100', false],
    ['city', '360100', '360000', false],
    ['county', '360121', '360121', false],
    ['gongguanban', '360000', '360000', false],
    ['admin', '360000', '360000', false],
  ] as Array<[Role, string, string, boolean]>)('%s of %s on a registration in %s → %p', (role, userRegion, expertRegion, allowed) => {
    expect(expertReviewRefusal(role, userRegion, expertRegion) === null).toBe(allowed);
  });
});

describe('specialty review chain: city → province → 省公管办', () => {
  test('starts at the city, or at the province for 省本级', () => {
    expect(firstSpecialtyStep('360121')).toBe('city_review');
    expect(firstSpecialtyStep('360000')).toBe('province_review');
  });

  test('moves one step at a time', () => {
    expect(nextSpecialtyState('city_review')).toBe('province_review');
    expect(nextSpecialtyState('province_review')).toBe('gongguanban_review');
    expect(nextSpecialtyState('gongguanban_review')).toBe('approved');
  });

  test.each([
    ['city_review', 'city', '360100', '360121', null],
    ['city_review', 'city', '360700', '360121', '应由专家注册地所在市的采购办审核'],
    ['city_review', 'province', '360000', '360121', '不能越级或代为审核'],
    ['city_review', 'gongguanban', '360000', '360121', '不能越级或代为审核'],
    ['city_review', 'county', '360121', '360121', '不能越级或代为审核'],
    ['province_review', 'province', '360000', '360121', null],
    ['province_review', 'city', '360100', '360121', '应由省采购监管处审核'],
    ['province_review', 'gongguanban', '360000', '360121', '应由省采购监管处审核'],
    ['gongguanban_review', 'gongguanban', '360000', '360121', null],
    ['gongguanban_review', 'province', '360000', '360121', '应由省公管办审核'],
    ['approved', 'gongguanban', '360000', '360121', '已不在审核流程中'],
    ['returned', 'city', '360100', '360121', '已不在审核流程中'],
  ] as Array<[string, Role, string, string, string | null]>)(
    '%s by %s of %s (expert in %s)',
    (state, role, userRegion, expertRegion, refusal) => {
      const result = specialtyStepRefusal(state, role, userRegion, expertRegion);
      if (refusal === null) expect(result).toBeNull();
      else expect(result).toContain(refusal);
    },
  );
});
