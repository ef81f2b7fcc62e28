import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../settings/config-error.js';
import { loadPushRules } from '../../settings/push-rules.js';

function file(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'push-rules-'));
  const target = path.join(dir, 'push-rules.yaml');
  fs.writeFileSync(target, text);
  return target;
}

describe('config/push-rules.yaml', () => {
  it("the shipped file gives the manual's defaults everywhere", () => {
    const rules = loadPushRules();
    expect(rules.optionsFor('360121')).toEqual({ integrationStartYear: 2022, manualPushFrom: '2022-06-22' });
    expect(rules.optionsFor('360000')).toEqual({ integrationStartYear: 2022, manualPushFrom: '2022-06-22' });
  });

  it('a region may join later; its counties follow the city unless set themselves', () => {
    const rules = loadPushRules(
      file(`integrationStartYear:\n  default: 2022\n  regions:\n    '360700': 2023\n    '360702': 2024\nmanualPushFrom: '2022-06-22'\n`),
    );
    expect(rules.optionsFor('360700').integrationStartYear).toBe(2023);
    expect(rules.optionsFor('360721').integrationStartYear).toBe(2023);
    expect(rules.optionsFor('360702').integrationStartYear).toBe(2024);
    expect(rules.optionsFor('360121').integrationStartYear).toBe(2022);
  });

  it.each([
    [`integrationStartYear:\n  default: 二〇二二\nmanualPushFrom: '2022-06-22'\n`, 'integrationStartYear.default'],
    [
      `integrationStartYear:\n  default: 2022\n  regions:\n    '990000': 2023\nmanualPushFrom: '2022-06-22'\n`,
      'integrationStartYear.regions.990000',
    ],
    [`integrationStartYear:\n  default: 2022\nmanualPushFrom: 2022/06/22\n`, 'manualPushFrom'],
    [`integrationStartYear:\n  default: 2022\nmanualPushFrom: '2022-06-22'\nextra: 1\n`, '(根)'],
  ])('a mistake stops start-up naming the place (%#)', (text, place) => {
    const target = file(text);
    expect(() => loadPushRules(target)).toThrow(ConfigError);
    expect(() => loadPushRules(target)).toThrow(place);
    expect(() => loadPushRules(target)).toThrow(target);
  });
});
