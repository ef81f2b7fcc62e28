import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { tryRegionLevel } from '../domain/jurisdiction.js';
import type { CategoryThresholds } from '../domain/supervision-rules.js';
import { ConfigError } from './resource-config.js';

export const SUPERVISION_RULES_FILE = new URL('../config/supervision-rules.yaml', import.meta.url);

const yuan = z.number({ error: '应为金额（元），例如 4000000' }).positive('应为大于 0 的金额（元）');
const thresholds = z.object({ goods: yuan, services: yuan, works: yuan }).strict();
const schema = z.object({
  publicTenderThresholds: z.object({
    default: thresholds,
    byLevel: z.object({ province: thresholds.partial(), city: thresholds.partial(), county: thresholds.partial() }).partial().strict().default({}),
  }).strict(),
}).strict();

export interface SupervisionRules {
  /** The public-tender thresholds that apply to a project owned by `regionCode`. */
  thresholdsFor(regionCode: string): CategoryThresholds;
}

/** Reads config/supervision-rules.yaml; a mistake stops start-up naming the file, the place and what is expected. */
export function loadSupervisionRules(file: URL | string = SUPERVISION_RULES_FILE): SupervisionRules {
  const name = typeof file === 'string' ? file : 'config/supervision-rules.yaml';
  let parsed: z.infer<typeof schema>;
  try {
    const result = schema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new ConfigError(`配置错误: ${name} 的 ${issue.path.join('.') || '(根)'}：${issue.message}`);
    }
    parsed = result.data;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`配置错误: 无法读取 ${name}：${(error as Error).message}`);
  }
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
