import fs from 'node:fs';
import YAML from 'yaml';
import type { z } from 'zod';
import { ConfigError } from './config-error.js';

/** The text of one of the admins' files; a file that cannot be read stops start-up with its name. */
export function readConfigText(file: URL | string, name: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`配置错误: 无法读取 ${name}：${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * Parses one of the admins' YAML texts against its schema. Any mistake stops start-up with one line: the file, the
 * place in it and what is expected there.
 */
export function parseConfigText<S extends z.ZodType>(text: string, name: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    throw new ConfigError(`配置错误: ${name} 的 YAML 格式错误：${(error as Error).message.split('\n')[0]}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`配置错误: ${name} 的 ${issue.path.join('.') || '(根)'}：${issue.message}`);
  }
  return result.data;
}

/** Reads and parses one of the admins' YAML files against its schema. */
export function readConfigFile<S extends z.ZodType>(file: URL | string, name: string, schema: S): z.infer<S> {
  return parseConfigText(readConfigText(file, name), name, schema);
}
