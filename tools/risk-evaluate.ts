// `npm run risk:evaluate [-- --rule 规则代码 …]`: evaluates the red-flag rules now over DATABASE_URL (and the payment
// intermediate database, MIDDLE_DATABASE_URL), as the nightly pass does, and prints what each rule raised, opened
// and closed. For an operator who changed config/risk-rules.yaml and does not want to wait for the night.
// Exit status: 0 done, 2 it could not run.
import { createSequelize } from '../db/database.js';
import { initMiddleModels, initModels } from '../db/models.js';
import { RISK_RULE_CODES, RISK_RULE_LABELS, isRiskRuleCode, type RiskRuleCode } from '../domain/risk/rule-codes.js';
import { evaluateRisk } from '../services/risk/evaluate-risk.js';
import { ConfigError } from '../settings/config-error.js';
import { env } from '../settings/env.js';

const USAGE = `用法: npm run risk:evaluate [-- --rule 规则代码 …]
  立即按 config/risk-rules.yaml 计算风险预警（与每晚的全量计算相同），输出每条规则新增、更新、重新打开和消除的预警数。
  --rule 代码   只计算这条规则（可重复）；规则代码：${RISK_RULE_CODES.join(', ')}
退出码: 0 完成，2 无法计算`;

class Refusal extends Error {}

function rulesOf(argv: readonly string[]): RiskRuleCode[] | undefined | 'help' {
  const rules: RiskRuleCode[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg !== '--rule') throw new Refusal(`未知参数 ${arg}\n${USAGE}`);
    const rule = argv[++i];
    if (!isRiskRuleCode(rule)) throw new Refusal(`未知的规则代码 ${rule ?? '（缺少）'}\n${USAGE}`);
    rules.push(rule);
  }
  return rules.length ? rules : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const rules = rulesOf(argv);
  if (rules === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { DATABASE_URL, MIDDLE_DATABASE_URL } = env();
  const sequelize = createSequelize(DATABASE_URL, { poolMax: 2 });
  const middle = createSequelize(MIDDLE_DATABASE_URL, { poolMax: 2 });
  initModels(sequelize);
  initMiddleModels(middle);
  try {
    const started = performance.now();
    const runs = await evaluateRisk(rules);
    for (const run of runs) {
      console.log(
        `${RISK_RULE_LABELS[run.rule]}（${run.rule}）：命中 ${run.raised}，新增 ${run.created}，更新 ${run.updated}，重新打开 ${run.reopened}，消除 ${run.cleared}`,
      );
    }
    console.log(`用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    return 0;
  } finally {
    await sequelize.close();
    await middle.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Refusal || error instanceof ConfigError ? error.message : `计算失败：${(error as Error).message}`);
  process.exitCode = 2;
}
