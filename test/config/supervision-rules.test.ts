import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadSupervisionRules } from '../../settings/supervision-rules.js';

const file = (text: string): string => {
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rules-')), 'supervision-rules.yaml');
  fs.writeFileSync(target, text);
  return target;
};

describe('config/supervision-rules.yaml', () => {
  it('the shipped file gives 400万元 for every category everywhere', () => {
    const rules = loadSupervisionRules();
    for (const region of ['360000', '360100', '360121']) {
      expect(rules.thresholdsFor(region)).toEqual({ goods: 4_000_000, services: 4_000_000, works: 4_000_000 });
    }
  });

  it('a level overrides only the categories it names', () => {
    const rules = loadSupervisionRules(
      file(`
publicTenderThresholds:
  default: { goods: 4000000, services: 4000000, works: 4000000 }
  byLevel:
    county: { goods: 2000000 }
`),
    );
    expect(rules.thresholdsFor('360121')).toEqual({ goods: 2_000_000, services: 4_000_000, works: 4_000_000 });
    expect(rules.thresholdsFor('360100').goods).toBe(4_000_000);
  });

  it.each([
    [
      'a missing category',
      'publicTenderThresholds:\n  default: { goods: 4000000, services: 4000000 }\n',
      'publicTenderThresholds.default.works',
    ],
    ['a negative amount', 'publicTenderThresholds:\n  default: { goods: -1, services: 4000000, works: 4000000 }\n', '应为大于 0 的金额'],
    ['a text amount', "publicTenderThresholds:\n  default: { goods: '四百万', services: 4000000, works: 4000000 }\n", '应为金额（元）'],
    [
      'an unknown level',
      'publicTenderThresholds:\n  default: { goods: 1, services: 1, works: 1 }\n  byLevel: { town: { goods: 1 } }\n',
      'byLevel',
    ],
  ])('%s stops start-up naming the place', (_what, text, expected) => {
    expect(() => loadSupervisionRules(file(text))).toThrow(expected);
  });
});
