import type { SecurityAuditAction } from '../domain/audit-actions.js';
import { AuditLog } from '../db/models.js';
import { lockChainHead } from '../db/audit-chain-head.js';
import { readConfigurationState, writeConfigurationState, type ConfigurationState } from '../db/configuration-state.js';
import { accountPolicyOf } from '../settings/account-policy.js';
import type { Env } from '../settings/env.js';
import { diffParams, recordAudits, type AuditEntry } from './audit.js';

const FILE_PREFIX = 'config/';

/** The security policy in force in this environment, each setting by the name the audit trail shows it under. */
export function securitySettingsOf(env: Env): ConfigurationState {
  const { password, login } = accountPolicyOf(env);
  const settings: Record<string, string | number | boolean> = {
    密码最短长度: password.minLength,
    密码至少包含字符类别数: password.minClasses,
    不得与最近几次密码相同: password.history,
    密码有效期天数: password.maxAgeDays,
    拒绝演示密码: password.refused.length > 0,
    登录失败上限次数: login.maxFailures,
    登录失败计数窗口分钟: login.windowMinutes,
    会话空闲超时分钟: env.SESSION_IDLE_MINUTES,
    会话最长小时: env.SESSION_MAX_HOURS,
    每个用户只允许一个会话: env.SINGLE_SESSION_PER_USER,
  };
  return Object.fromEntries(
    Object.entries(settings).map(([name, value]) => [name, typeof value === 'boolean' ? (value ? '是' : '否') : String(value)]),
  );
}

/**
 * At each start of a web: the configuration files (their SM3) and the security settings in force, compared with what
 * was recorded at the start before. A file edited, added or removed, or a setting changed in the environment, between
 * two starts is recorded in the audit trail by the system (配置文件变更, 修改安全策略), with each value before and
 * after; the first start records what it found. Starting processes take their turn at the chain's head, so two webs
 * starting at once record a change once. Returns what it recorded.
 */
export async function auditConfigurationAtStart(files: ConfigurationState, settings: ConfigurationState): Promise<SecurityAuditAction[]> {
  const sequelize = AuditLog.sequelize!;
  return sequelize.transaction(async (transaction) => {
    await lockChainHead(sequelize, transaction);
    const stored = await readConfigurationState(sequelize, transaction);
    const part = (fromFiles: boolean) =>
      Object.fromEntries(Object.entries(stored).filter(([name]) => name.startsWith(FILE_PREFIX) === fromFiles));
    const first = Object.keys(stored).length === 0;
    const entries: AuditEntry[] = [];
    const changed = (action: SecurityAuditAction, before: ConfigurationState, after: ConfigurationState, what: string) => {
      const changes = diffParams(before, after);
      if (!Object.keys(changes).length) return;
      entries.push({
        user: null,
        action,
        resourceId: action === 'configurationChanged' ? 'Configuration' : 'SecurityPolicy',
        changes,
        reason: first ? `首次启动，记录当前${what}` : `启动时发现${what}与上次启动时不同`,
        ip: null,
      });
    };
    changed('configurationChanged', part(true), files, '配置文件');
    changed('securityPolicyChanged', part(false), settings, '安全策略');
    if (!entries.length) return [];
    await recordAudits(entries, transaction);
    await writeConfigurationState(sequelize, transaction, { ...files, ...settings });
    return entries.map((entry) => entry.action as SecurityAuditAction);
  });
}
