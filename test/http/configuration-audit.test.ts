import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startWeb, type Running } from '../../main/bootstrap.js';
import { AuditLog } from '../../db/models.js';
import { auditConfigurationAtStart, securitySettingsOf } from '../../services/configuration-audit.js';
import { configurationFingerprints } from '../../settings/configuration-fingerprints.js';
import { api, login, startTestApp, testEnv } from '../support/test-app.js';

/**
 * Issue #29 item 5 (等保 8.1.4.3 a, 安全审计 of configuration changes): a configuration file or a security setting
 * changed between two starts of a web is in the audit trail, recorded by the system with each value before and after.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
/** Webs started again on the app's databases: kept running to the end, as the models are bound to the latest one's. */
const others: Running[] = [];
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  for (const other of others.reverse()) await other.stop();
  await app.stop();
});

const rowsOf = (action: string) => AuditLog.findAll({ where: { action }, order: [['seq', 'ASC']] });
const changesOf = (row: AuditLog) => JSON.parse(row.changes!) as Record<string, { before: unknown; after: unknown }>;
/** Another web on the test app's databases, with these settings. */
async function startAgain(overrides: Record<string, string>): Promise<void> {
  const env = await testEnv({ DATABASE_URL: app.env.DATABASE_URL, MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL, ...overrides });
  others.push(await startWeb(env, { seedDemo: false }));
}

describe('configuration changes between starts', () => {
  it('the first start records every configuration file by its SM3 and every security setting in force', async () => {
    const [files] = await rowsOf('configurationChanged');
    expect(files).toMatchObject({ actorUsername: 'system', resourceId: 'Configuration', reason: '首次启动，记录当前配置文件' });
    const fileChanges = changesOf(files!);
    expect(Object.keys(fileChanges)).toEqual(Object.keys(configurationFingerprints()));
    expect(fileChanges['config/password-policy.yaml']).toEqual({ before: null, after: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [policy] = await rowsOf('securityPolicyChanged');
    expect(policy).toMatchObject({ actorUsername: 'system', resourceId: 'SecurityPolicy' });
    expect(changesOf(policy!)).toMatchObject({
      密码最短长度: { before: null, after: '8' },
      会话空闲超时分钟: { before: null, after: '30' },
      每个用户只允许一个会话: { before: null, after: '否' },
    });
  });

  it('a start with a setting changed records that setting alone; a start with nothing changed records nothing', async () => {
    const filesBefore = (await rowsOf('configurationChanged')).length;
    const policyBefore = (await rowsOf('securityPolicyChanged')).length;
    await startAgain({ SESSION_IDLE_MINUTES: '20' });
    const policy = await rowsOf('securityPolicyChanged');
    expect(policy).toHaveLength(policyBefore + 1);
    expect(policy.at(-1)!.reason).toBe('启动时发现安全策略与上次启动时不同');
    expect(changesOf(policy.at(-1)!)).toEqual({ 会话空闲超时分钟: { before: '30', after: '20' } });
    expect(await rowsOf('configurationChanged')).toHaveLength(filesBefore);

    await startAgain({ SESSION_IDLE_MINUTES: '20' });
    expect(await rowsOf('securityPolicyChanged')).toHaveLength(policyBefore + 1);
  });

  it('a file edited, added or removed is named with its SM3 before and after; two processes starting at once record it once', async () => {
    const files = configurationFingerprints();
    const settings = securitySettingsOf(app.env);
    const before = (await rowsOf('configurationChanged')).length;
    const edited = { ...files, 'config/push-rules.yaml': 'a'.repeat(64), 'config/extra.yaml': 'b'.repeat(64) };
    delete (edited as Record<string, string>)['config/deadlines.yaml'];
    // The test app's own start recorded SESSION_IDLE_MINUTES=30; the second web's 20 is the last recorded.
    const starts = await Promise.all([auditConfigurationAtStart(edited, settings), auditConfigurationAtStart(edited, settings)]);
    expect(starts.flat().filter((action) => action === 'configurationChanged')).toHaveLength(1);
    const rows = await rowsOf('configurationChanged');
    expect(rows).toHaveLength(before + 1);
    expect(changesOf(rows.at(-1)!)).toEqual({
      'config/deadlines.yaml': { before: files['config/deadlines.yaml'], after: null },
      'config/extra.yaml': { before: null, after: 'b'.repeat(64) },
      'config/push-rules.yaml': { before: files['config/push-rules.yaml'], after: 'a'.repeat(64) },
    });
  });

  it('the audit administrator finds them in the audit trail under their own words', async () => {
    const auditor = await login(app.url, 'auditor');
    const { status, body } = await auditor.get(api.list('AuditLog', '&filters.action=configurationChanged'));
    expect(status).toBe(200);
    expect(body.records.length).toBeGreaterThanOrEqual(2);
    expect(body.records[0].params.action).toBe('configurationChanged');
  });
});
