import fs from 'node:fs';
import YAML from 'yaml';
import type { z } from 'zod';

/** What every configuration file's mistake throws: the file, the place and what is wrong, in Chinese. */
export class ConfigError extends Error {}

/**
 * Reads one of the admins' YAML files against its schema. Any mistake stops start-up with one line: the file, the
 * place in it and what is expected there.
 */
export function readConfigFile<S extends z.ZodType>(file: URL | string, name: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`配置错误: 无法读取 ${name}：${(error as Error).message.split('\n')[0]}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`配置错误: ${name} 的 ${issue.path.join('.') || '(根)'}：${issue.message}`);
  }
  return result.data;
}
