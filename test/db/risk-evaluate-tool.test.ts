import { describe, expect, it } from '@jest/globals';
import { RISK_RULE_CODES } from '../../domain/risk/rule-codes.js';
import { seededDatabaseUrls } from '../support/databases.js';
import { runTool } from '../support/run-tool.js';

/** `npm run risk:evaluate`, as an operator runs it after changing config/risk-rules.yaml. */
const riskEvaluate = (args: string[], databases: Record<string, string> = {}) => runTool('tools/risk-evaluate.ts', args, databases);

describe('npm run risk:evaluate', () => {
  it.each([
    ['an unknown rule code', ['--rule', '错'], '未知的规则代码 错'],
    ['--rule without a code', ['--rule'], '未知的规则代码 （缺少）'],
    ['an unknown argument', ['--all'], '未知参数 --all'],
  ])('refuses %s with a usage line in Chinese and exit 2, before reaching a database', async (_what, args, message) => {
    // A database that cannot be opened: had the tool reached it, the message would be another.
    const outcome = await riskEvaluate(args, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).toContain('用法: npm run risk:evaluate');
    expect(outcome.stdout).toBe('');
  });

  it('evaluates the rules asked for over the database and says what each did; on evaluated data it opens and closes nothing', async () => {
    const outcome = await riskEvaluate(['--rule', 'lateContractFiling', '--rule', 'paymentMismatch'], await seededDatabaseUrls());
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^合同备案逾期（lateContractFiling）：命中 [1-9]\d*，新增 0，更新 0，重新打开 0，消除 0$/);
    expect(lines[1]).toMatch(/^资金链不符（paymentMismatch）：命中 [1-9]\d*，新增 0，更新 0，重新打开 0，消除 0$/);
    expect(lines[2]).toMatch(/^用时 \d+\.\d 秒$/);
  });

  it('--help lists every rule code', async () => {
    const outcome = await riskEvaluate(['--help']);
    expect(outcome.code).toBe(0);
    for (const code of RISK_RULE_CODES) expect(outcome.stdout).toContain(code);
  });
});
