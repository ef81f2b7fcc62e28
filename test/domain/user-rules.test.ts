import { describe, expect, it } from '@jest/globals';
import { tryRegionLevel, type Role } from '../../domain/jurisdiction.js';
import {
  DEFAULT_PASSWORD_POLICY,
  normaliseUsername,
  passwordRules,
  passwordWeakness,
  roleRegionMismatch,
} from '../../domain/user-rules.js';

describe('roleRegionMismatch', () => {
  it.each<[Role, string]>([
    ['admin', '360000'],
    ['province', '360000'],
    ['gongguanban', '360000'],
    ['city', '360100'],
    ['city', '360700'],
    ['county', '360121'],
    ['county', '360702'],
    ['county', '360102'],
  ])('%s in %s is possible', (role, region) => {
    expect(roleRegionMismatch(role, tryRegionLevel(region))).toBeNull();
  });

  it.each<[Role, string, string]>([
    ['county', '360000', '县（市、区）'],
    ['county', '360100', '县（市、区）'],
    ['city', '360000', '设区市'],
    ['city', '360121', '设区市'],
    ['province', '360100', '江西省（360000）'],
    ['province', '360121', '江西省（360000）'],
    ['gongguanban', '360100', '江西省（360000）'],
    ['gongguanban', '360121', '江西省（360000）'],
    ['admin', '360121', '江西省（360000）'],
    ['admin', '360700', '江西省（360000）'],
  ])('%s in %s is refused, naming the level it needs', (role, region, needs) => {
    expect(roleRegionMismatch(role, tryRegionLevel(region))).toContain(needs);
  });

  it('names the role in its own words', () => {
    expect(roleRegionMismatch('gongguanban', 'city')).toBe('角色“省公管办”的所属辖区须为江西省（360000）');
  });

  it.each([['360010'], ['350100'], [''], ['36010']])('a region code that is no Jiangxi region (%j) is refused', (code) => {
    expect(roleRegionMismatch('county', tryRegionLevel(code))).toBe('所属辖区不是有效的江西省行政区划代码');
  });

  it.each([['superuser'], [''], [undefined], [42]])('an unknown role (%j) is refused', (role) => {
    expect(roleRegionMismatch(role, 'province')).toBe('角色无效');
  });
});

describe('normaliseUsername', () => {
  it.each([
    ['Admin2 ', 'admin2'],
    ['  NanChang ', 'nanchang'],
    ['ganzhou', 'ganzhou'],
    ['\tJIUJIANG\n', 'jiujiang'],
    ['', ''],
    [undefined, ''],
    [null, ''],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseUsername(raw)).toBe(expected);
  });

  it('is what login does to what is typed (trim, then lower-case)', () => {
    for (const typed of ['Admin2 ', ' ÄBC ', 'X.Y-Z_1']) expect(normaliseUsername(typed)).toBe(typed.trim().toLowerCase());
  });
});

describe('passwordWeakness', () => {
  it.each([
    ['Demo@2026', 'admin'],
    ['Demo@2026', 'nanchangxian'],
    ['Jx#2026city', 'jiujiang'],
    ['gan-zhou-7Q', 'ganzhou2'],
    ['correct horse Battery', 'nanchang'],
    ['Xy7!kLm2', 'donghu'],
  ])('%s is accepted for %s', (password, username) => {
    expect(passwordWeakness(password, username)).toBeNull();
  });

  it.each([
    ['password1'],
    ['Password1'],
    ['PASSWORD1'],
    ['P@ssw0rd'],
    ['P@ssw0rd1'],
    ['Password2026!'],
    ['Passw0rd!'],
    ['12345678a'],
    ['qwerty123'],
    ['Qwerty123'],
    ['Qwerty@123'],
    ['Admin@123'],
    ['Abc@12345'],
    ['Welcome1!'],
    ['1qaz2WSX'],
  ])('the common %s is refused as common', (password) => {
    expect(passwordWeakness(password, 'jiujiang')).toMatch(/^密码过于常见/);
  });

  it.each([
    ['Jiujiang2026', 'jiujiang'],
    ['2026JIUJIANG!', 'jiujiang'],
    ['xx-Admin2-yy', 'Admin2 '],
    ['Nanchang2026', 'nanchang2'],
  ])('%s contains the username %j', (password, username) => {
    expect(passwordWeakness(password, username)).toBe('密码不能包含用户名');
  });

  it.each([['123'], ['Ab1!xyz']])('%s is too short, and the length rule is named with the length it has', (password) => {
    expect(passwordWeakness(password, 'jiujiang')).toBe(`密码至少 8 位（现为 ${password.length} 位）`);
  });

  it.each([
    ['abcdefgh', 1],
    ['ABCDEFGH', 1],
    ['12345679', 1],
    ['abcdefg9', 2],
    ['ABCDEFG9', 2],
    ['abcdefg!', 2],
    ['!!!!!!!9', 2],
  ])('%s has %i classes of characters, and the class rule is named', (password, classes) => {
    expect(passwordWeakness(password, 'jiujiang')).toBe(`密码只含 ${classes} 类字符，须包含大写字母、小写字母、数字、符号中的至少 3 类`);
  });

  it('three of the four classes are enough, whichever three', () => {
    for (const password of ['Abcdefg9', 'abcdefg9!', 'ABCDEFG9!', 'Abcdefg!']) expect(passwordWeakness(password, 'jiujiang')).toBeNull();
  });

  it('a pasted document is not a password', () => {
    expect(passwordWeakness(`Aa1!${'x'.repeat(69)}`, 'jiujiang')).toBe('密码不能超过 72 位');
    expect(passwordWeakness(`Aa1!${'x'.repeat(68)}`, 'jiujiang')).toBeNull();
  });

  it('the rules as a form lists them name the length, the four classes, the username, the history and the expiry', () => {
    expect(passwordRules()).toEqual([
      '至少 8 位，最多 72 位',
      '包含大写字母、小写字母、数字、符号中的至少 3 类',
      '不能包含用户名，不能是常见密码',
      '不能与最近 5 次使用过的密码相同',
      '每 90 天须更换一次',
    ]);
  });
});

describe('passwordWeakness under a configured policy', () => {
  const strict = { ...DEFAULT_PASSWORD_POLICY, minLength: 12, minClasses: 4 };

  it('a longer minimum and all four classes are asked for when the policy says so', () => {
    expect(passwordWeakness('Xy7!kLm2q', 'donghu', strict)).toBe('密码至少 12 位（现为 9 位）');
    expect(passwordWeakness('Xy7kLm2qRt5w', 'donghu', strict)).toBe('密码只含 3 类字符，须包含大写字母、小写字母、数字、符号中的至少 4 类');
    expect(passwordWeakness('Xy7!kLm2qRt5', 'donghu', strict)).toBeNull();
  });

  it('a refused password (the demo password in production) is refused by name, before any other rule', () => {
    const production = { ...DEFAULT_PASSWORD_POLICY, refused: ['Demo@2026'] };
    expect(passwordWeakness('Demo@2026', 'nanchang')).toBeNull();
    expect(passwordWeakness('Demo@2026', 'nanchang', production)).toMatch(/^不能使用演示密码/);
    expect(passwordWeakness('Demo@2027', 'nanchang', production)).toBeNull();
  });
});
