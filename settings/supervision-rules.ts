import { z } from 'zod';
import { tryRegionLevel } from '../domain/jurisdiction.js';
import type { CategoryThresholds } from '../domain/supervision-rules.js';
import { readConfigFile } from './config-file.js';

export const SUPERVISION_RULES_FILE = new URL('../config/supervision-rules.yaml', import.meta.url);

const yuan = z.number({ error: '应为金额（元），例如 4000000' }).positive('应为大于 0 的金额（元）');
const thresholds = z.object({ goods: yuan, services: yuan, works: yuan }).strict();
const schema = z
  .object({
    publicTenderThresholds: z
      .object({
        default: thresholds,
        byLevel: z
          .object({ province: thresholds.partial(), city: thresholds.partial(), county: thresholds.partial() })
          .partial()
          .strict()
          .default({}),
      })
      .strict(),
  })
  .strict();

export interface SupervisionRules {
  /** The public-tender thresholds that apply to a project owned by `regionCode`. */
  thresholdsFor(regionCode: string): CategoryThresholds;
}

/** Reads config/supervision-rules.yaml; a mistake stops start-up naming the file, the place and what is expected. */
export function loadSupervisionRules(file: URL | string = SUPERVISION_RULES_FILE): SupervisionRules {
  const name = typeof file === 'string' ? file : 'config/supervision-rules.yaml';
  const parsed = readConfigFile(file, name, schema);
  const { default: base, byLevel } = parsed.publicTenderThresholds;
  return {
    thresholdsFor(regionCode) {
      const level = tryRegionLevel(regionCode);
      return { ...base, ...(level ? byLevel[level] : {}) };
    },
  };
}

let cached: SupervisionRules | undefined;
export function supervisionRules(): SupervisionRules {
  cached ??= loadSupervisionRules();
  return cached;
}
