// `npm run audit:verify [-- --json] [-- --max N]`: checks the audit trail's HMAC-SM3 chain in DATABASE_URL and names
// every row changed, inserted or deleted in the database. Changes nothing, so it may run against a standby or a restored
// backup (DATABASE_URL pointed at it), with the AUDIT_CHAIN_KEY the trail was written with.
// Exit status: 0 the trail is whole, 1 breaks were found, 2 it could not be checked.
import fs from 'node:fs';
import path from 'node:path';
import { createSequelize, dialectOf } from '../db/database.js';
import { CHAIN_HEAD_TABLE } from '../db/audit-chain-head.js';
import { BREAK_KIND_NAMES, type ChainBreakKind } from '../domain/audit-chain.js';
import { verificationSummary, verifyAuditChain } from '../services/audit-verify.js';
import { ConfigError } from '../settings/config-error.js';
import { env } from '../settings/env.js';

const USAGE = `用法: npm run audit:verify [-- --json] [-- --max 条数]
  校验操作日志防篡改链（HMAC-SM3），列出被改动、插入或删除的记录。
  --json    以 JSON 输出结果
  --max N   最多列出 N 处问题（默认 200，总数照常统计）
退出码: 0 完整，1 发现问题，2 无法校验`;

class Refusal extends Error {}

function argsOf(argv: readonly string[]): { json: boolean; max: number; help: boolean } {
  const args = { json: false, max: 200, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--max') {
      const max = Number(argv[++i]);
      if (!Number.isInteger(max) || max < 1 || max > 100_000) throw new Refusal(`--max 应为 1–100000 的整数\n${USAGE}`);
      args.max = max;
    } else throw new Refusal(`未知参数 ${arg}\n${USAGE}`);
  }
  return args;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = argsOf(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { DATABASE_URL } = env();
  if (dialectOf(DATABASE_URL) === 'sqlite') {
    const storage = DATABASE_URL.slice('sqlite:'.length);
    if (storage !== ':memory:' && !fs.existsSync(path.resolve(storage))) throw new Refusal(`数据库文件 ${storage} 不存在（DATABASE_URL）`);
  }
  const sequelize = createSequelize(DATABASE_URL, { poolMax: 2 });
  try {
    try {
      if (!(await sequelize.getQueryInterface().tableExists(CHAIN_HEAD_TABLE)))
        throw new Refusal('该数据库还没有操作日志防篡改链（迁移 0017-audit-chain 未执行）：请先运行 npm run migrate');
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal(`无法连接数据库（DATABASE_URL）：${(error as Error).message}`);
    }
    const result = await verifyAuditChain(sequelize, { maxBreaks: args.max });
    if (args.json) {
      console.log(JSON.stringify(result, null, 2));
      return result.intact ? 0 : 1;
    }
    console.log(verificationSummary(result));
    if (result.head)
      console.log(`链头：最后序号 ${result.head.lastSeq}，校验值 ${result.head.lastHash}；已清理至序号 ${result.head.prunedThrough}`);
    if (!result.intact) {
      const counts = Object.entries(result.counts)
        .map(([kind, n]) => `${BREAK_KIND_NAMES[kind as ChainBreakKind]} ${n}`)
        .join('，');
      console.log(`问题分类：${counts}`);
      for (const found of result.breaks) console.log(`  - ${found.description}`);
      if (result.breakCount > result.breaks.length)
        console.log(`  …… 另有 ${result.breakCount - result.breaks.length} 处未列出（--max 可调）`);
    }
    console.log(`用时 ${(result.tookMs / 1000).toFixed(1)} 秒`);
    return result.intact ? 0 : 1;
  } finally {
    await sequelize.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Refusal || error instanceof ConfigError ? error.message : `校验失败：${(error as Error).message}`);
  process.exitCode = 2;
}
