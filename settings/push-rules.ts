import { z } from 'zod';
import { tryRegionLevel, parentRegion } from '../domain/jurisdiction.js';
import type { PushEligibilityOptions } from '../domain/push-eligibility.js';
import { readConfigFile } from './config-file.js';
import { ConfigError } from './config-error.js';

export const PUSH_RULES_FILE = new URL('../config/push-rules.yaml', import.meta.url);

const year = z.number().int().min(2000).max(2100);
const schema = z
  .object({
    integrationStartYear: z.object({ default: year, regions: z.record(z.string(), year).default({}) }).strict(),
    manualPushFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD'),
  })
  .strict();

export interface PushRules {
  /** The options of checkPushEligibility for a filing owned by `regionCode`. */
  optionsFor(regionCode: string): PushEligibilityOptions;
}

/** Reads config/push-rules.yaml; a mistake stops start-up naming the file, the place and what is expected. */
export function loadPushRules(file: URL | string = PUSH_RULES_FILE): PushRules {
  const name = typeof file === 'string' ? file : 'config/push-rules.yaml';
  const parsed = readConfigFile(file, name, schema);
  for (const code of Object.keys(parsed.integrationStartYear.regions)) {
    if (tryRegionLevel(code) === null)
      throw new ConfigError(`配置错误: ${name} 的 integrationStartYear.regions.${code}：不是江西省的行政区划代码`);
  }
  const regions = parsed.integrationStartYear.regions;
  return {
    optionsFor(regionCode) {
      let code: string | null = tryRegionLevel(regionCode) === null ? null : regionCode;
      while (code && regions[code] === undefined) code = parentRegion(code);
      return {
        integrationStartYear: code ? regions[code]! : parsed.integrationStartYear.default,
        manualPushFrom: parsed.manualPushFrom,
      };
    },
  };
}

let cached: PushRules | undefined;
export function pushRules(): PushRules {
  cached ??= loadPushRules();
  return cached;
}
