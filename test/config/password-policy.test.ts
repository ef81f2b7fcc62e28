import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../settings/config-error.js';
import { loadPasswordRules, passwordPolicyFor } from '../../settings/password-policy.js';

const file = (text: string): string => {
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'password-policy-')), 'password-policy.yaml');
  fs.writeFileSync(target, text);
  return target;
};
const VALID = 'minLength: 8\nminClasses: 3\nhistory: 5\nmaxAgeDays: 90\n';

describe('config/password-policy.yaml', () => {
  it('the shipped file is the policy of 等保 level three as the issue states it', () => {
    expect(loadPasswordRules()).toEqual({ minLength: 8, minClasses: 3, history: 5, maxAgeDays: 90 });
  });

  it('a stricter policy is taken as written', () => {
    expect(loadPasswordRules(file('minLength: 12\nminClasses: 4\nhistory: 10\nmaxAgeDays: 0\n'))).toEqual({
      minLength: 12,
      minClasses: 4,
      history: 10,
      maxAgeDays: 0,
    });
  });

  it.each([
    ['fewer than 8 characters', VALID.replace('minLength: 8', 'minLength: 6'), 'minLength：不能小于 8（最短长度，等保要求不少于 8 位）'],
    ['two classes', VALID.replace('minClasses: 3', 'minClasses: 2'), 'minClasses：不能小于 3'],
    ['no history', VALID.replace('history: 5', 'history: 0'), 'history：不能小于 1'],
    ['a fraction of a day', VALID.replace('maxAgeDays: 90', 'maxAgeDays: 1.5'), 'maxAgeDays：应为整数'],
    ['a word for a number', VALID.replace('maxAgeDays: 90', 'maxAgeDays: ninety'), 'maxAgeDays：应为 0–3650 的整数'],
    ['a misspelt key', `${VALID}maxAgeDay: 30\n`, 'maxAgeDay'],
    ['a missing key', 'minLength: 8\nminClasses: 3\nhistory: 5\n', 'maxAgeDays'],
  ])('%s stops start-up, naming the file and the place', (_what, text, expected) => {
    const target = file(text);
    expect(() => loadPasswordRules(target)).toThrow(ConfigError);
    expect(() => loadPasswordRules(target)).toThrow(`配置错误: ${target} 的 `);
    expect(() => loadPasswordRules(target)).toThrow(expected);
  });

  it('refuses the demo password, the configured one and its published default, in production only', () => {
    const rules = loadPasswordRules();
    expect(passwordPolicyFor({ NODE_ENV: 'development', DEMO_PASSWORD: 'Demo@2026' }, rules).refused).toEqual([]);
    expect(passwordPolicyFor({ NODE_ENV: 'test', DEMO_PASSWORD: 'Demo@2026' }, rules).refused).toEqual([]);
    expect(passwordPolicyFor({ NODE_ENV: 'production', DEMO_PASSWORD: 'Demo@2026' }, rules).refused).toEqual(['Demo@2026']);
    expect(passwordPolicyFor({ NODE_ENV: 'production', DEMO_PASSWORD: 'Other#Demo1' }, rules).refused).toEqual([
      'Other#Demo1',
      'Demo@2026',
    ]);
  });
});
