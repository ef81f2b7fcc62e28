import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Op, QueryTypes } from 'sequelize';
import { Announcement, AuditLog, AuditVerification, SupervisorUser } from '../../db/models.js';
import { recordAudit, recordAudits } from '../../services/audit.js';
import { ASKER_GONE, askForCheck } from '../../services/audit-verifications.js';
import { PROCESSORS } from '../../jobs/processors/index.js';
import { JOBS, QUEUES } from '../../queue/queue-names.js';
import { logger } from '../../settings/logger.js';
import { verifyAuditChain } from '../../services/audit-verify.js';
import { withoutAuditGuards } from '../support/audit-guards.js';
import { api, drainJobs, login, loginResponse, startTestApp, type Client } from '../support/test-app.js';

/**
 * Issue #29 item 5 over HTTP: what the audit trail records (logins with their address, downloads, rights), that its
 * chain holds however many write at once, that the database keeps its rows, and that a row changed, inserted or
 * deleted in SQL is named, with its kind, by the audit administrator's page and by `npm run audit:verify`.
 */
jest.setTimeout(120_000);

let app: Awaited<ReturnType<typeof startTestApp>>;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  admin = await login(app.url, 'admin');
});
afterAll(async () => {
  await app?.stop();
});

const sequelize = () => AuditLog.sequelize!;
const sql = (text: string, replacements: Record<string, unknown> = {}) => sequelize().query(text, { replacements });
const since = (at: Date, action: string | string[]) =>
  AuditLog.findAll({ where: { action, createdAt: { [Op.gte]: at } }, order: [['seq', 'ASC']] });
const LOOPBACK = /^(::ffff:)?127\.0\.0\.1$|^::1$/;
let auditor: Client | undefined;
/** Signed in once: a sign-in is itself a row, which would land between a test's tampering and its check. */
const auditorClient = async () => (auditor ??= await login(app.url, 'auditor'));
const VERIFY = api.resourceAction('AuditLog', 'verifyChain');
const followed = (id: string) => `${VERIFY}?verificationId=${id}`;
/**
 * 校验完整性 as the page does it: started (POST), then followed by its id until the job has finished (the test app runs
 * jobs in-process); the check as the page last reads it.
 */
const check = async () => {
  const client = await auditorClient();
  const started = await client.post(VERIFY);
  expect(started.status).toBe(200);
  expect(started.body.verificationId).toMatch(/^[0-9a-f-]{36}$/);
  await drainJobs(app);
  const { status, body } = await client.get(followed(started.body.verificationId));
  expect(body.verification).toMatchObject({ id: started.body.verificationId, state: 'done', askedBy: 'auditor' });
  return { status, body: body.verification.result, check: body.verification };
};
/** What the database said when it refused a statement (Sequelize wraps a trigger's refusal in its own error). */
const refusal = (statement: Promise<unknown>) =>
  statement.then(
    () => 'carried out',
    (error: { original?: Error; message: string }) => error.original?.message ?? error.message,
  );

describe('what the audit trail records', () => {
  it('logins that succeed and fail (a wrong password, an unknown name) and logouts, each with the address', async () => {
    const start = new Date();
    const county = (await SupervisorUser.findOne({ where: { username: 'nanchangxian' } }))!;
    await loginResponse(app.url, 'nanchangxian', 'Wrong@2026x');
    await loginResponse(app.url, 'no-such-office', 'Wrong@2026x');
    const client = await login(app.url, 'nanchangxian');
    expect((await client.get('/admin/logout')).status).toBe(302);

    const failed = await since(start, 'loginFailed');
    expect(failed.length).toBe(2);
    expect(failed[0]).toMatchObject({
      actorUsername: 'nanchangxian',
      actorRole: 'county',
      recordId: String(county.id),
      regionCode: '360121',
    });
    expect(failed[0]!.reason).toBe('密码错误');
    expect(failed[1]).toMatchObject({
      actorUsername: 'no-such-office',
      actorRole: 'unknown',
      actorId: null,
      recordId: null,
      regionCode: null,
    });
    expect(failed[1]!.reason).toBe('用户名不存在');
    const [succeeded] = await since(start, 'loginSucceeded');
    const [logout] = await since(start, 'logout');
    expect(succeeded).toMatchObject({ actorUsername: 'nanchangxian', resourceId: 'SupervisorUser', recordId: String(county.id) });
    expect(logout).toMatchObject({ actorUsername: 'nanchangxian', resourceId: 'SupervisorUser', recordId: String(county.id) });
    for (const row of [...failed, succeeded!, logout!]) expect(row.ip).toMatch(LOOPBACK);
    // The logout ended the session: the cookie signs nobody in.
    expect((await client.get(api.list('ProcurementUnit'))).status).not.toBe(200);
  });

  it('an export asked, finished and downloaded, and an announcement attachment downloaded', async () => {
    const county = await login(app.url, 'nanchangxian');
    const { exportId, statusUrl } = (await county.post(api.resourceAction('ProcurementUnit', 'exportXlsx'), { query: '' })).body;
    await drainJobs(app);
    const status = await county.get(statusUrl);
    const file = await fetch(`${app.url}${status.body.downloadUrl}`, { headers: { cookie: county.cookie } });
    expect(file.status).toBe(200);
    const rows = await AuditLog.findAll({ where: { recordId: exportId }, order: [['seq', 'ASC']] });
    expect(rows.map((r) => r.action)).toEqual(['exportXlsx', 'exportCompleted', 'exportDownloaded']);
    const downloaded = rows[2]!;
    expect(downloaded).toMatchObject({ actorUsername: 'nanchangxian', resourceId: 'ProcurementUnit', regionCode: '360121' });
    expect(JSON.parse(downloaded.changes!).fileName.after).toBe(status.body.fileName);
    expect(downloaded.ip).toMatch(LOOPBACK);

    const announcement = (await Announcement.findOne({ where: { regionCode: '360121', type: 'tender_document' } }))!;
    const attachment = await fetch(`${app.url}/admin/attachments/${announcement.id}`, { headers: { cookie: county.cookie } });
    expect(attachment.status).toBe(200);
    const [handedOut] = await AuditLog.findAll({ where: { action: 'attachmentDownloaded', recordId: String(announcement.id) } });
    expect(handedOut).toMatchObject({ actorUsername: 'nanchangxian', resourceId: 'Announcement', regionCode: '360121' });
    expect(JSON.parse(handedOut!.changes!).fileName.after).toBe(announcement.attachmentName);
    // Refused (another city's user): nothing handed out, nothing recorded.
    const ganzhou = await login(app.url, 'ganzhou');
    expect((await fetch(`${app.url}/admin/attachments/${announcement.id}`, { headers: { cookie: ganzhou.cookie } })).status).toBe(404);
    expect(await AuditLog.count({ where: { action: 'attachmentDownloaded', actorUsername: 'ganzhou' } })).toBe(0);
  });

  it('a change of role and a password set in the panel are their own rows, apart from the rest of the edit', async () => {
    const created = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
      username: 'audit-probe',
      displayName: '审计测试县',
      role: 'county',
      regionCode: '360121',
      password: 'Probe#2026kx',
    });
    expect(created.body.notice.type).toBe('success');
    const id = created.body.record.id;
    const start = new Date();
    const edited = await admin.post(api.record('SupervisorUser', id, 'edit'), { displayName: '审计测试市', password: 'Other#2026kx' });
    expect(edited.body.notice.type).toBe('success');
    // A role is the security administrator's to grant (三员分立).
    const security = await login(app.url, 'security');
    const granted = await security.post(api.record('RoleGrant', id, 'edit'), { role: 'city', regionCode: '360100' });
    expect(granted.body.notice.type).toBe('success');
    const rows = await AuditLog.findAll({
      where: { resourceId: ['SupervisorUser', 'RoleGrant'], recordId: String(id), createdAt: { [Op.gte]: start } },
      order: [['seq', 'ASC']],
    });
    expect(rows.map((r) => [r.action, r.actorUsername])).toEqual([
      ['passwordReset', 'admin'],
      ['edit', 'admin'],
      ['userRoleChanged', 'security'],
    ]);
    expect(JSON.parse(rows[0]!.changes!)).toEqual({ password: { before: null, after: '（已设置新密码）' } });
    expect(JSON.parse(rows[1]!.changes!)).toEqual({ displayName: { before: '审计测试县', after: '审计测试市' } });
    expect(JSON.parse(rows[2]!.changes!)).toEqual({
      role: { before: 'county', after: 'city' },
      regionCode: { before: '360121', after: '360100' },
    });
    for (const row of rows) expect(row.ip).toMatch(LOOPBACK);
    // No password, hash or part of one is ever in the trail.
    expect(rows.map((r) => r.changes).join()).not.toMatch(/Other#2026kx|argon2/);
  });
});

describe('one chain, however many write at once', () => {
  it('logins, panel actions and direct writes side by side all take the next place, and the chain verifies', async () => {
    const before = await verifyAuditChain(sequelize());
    expect(before.intact).toBe(true);
    const user = { id: null, username: 'system', role: 'system', regionCode: null };
    await Promise.all([
      ...Array.from({ length: 8 }, () => login(app.url, 'nanchang')),
      ...Array.from({ length: 20 }, (_, i) => recordAudit({ user, action: 'edit', resourceId: 'Region', recordId: `c${i}` })),
      ...Array.from({ length: 5 }, (_, i) =>
        sequelize().transaction((t) =>
          recordAudits(
            Array.from({ length: 10 }, (_, j) => ({ user, action: 'edit', resourceId: 'Region', recordId: `t${i}-${j}` })),
            t,
          ),
        ),
      ),
    ]);
    const after = await verifyAuditChain(sequelize());
    expect(after.breaks).toEqual([]);
    expect(after.lastSeq! - before.lastSeq!).toBe(8 + 20 + 50);
    const [{ n }] = await sequelize().query<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_logs', { type: QueryTypes.SELECT });
    expect(Number(n)).toBe(after.lastSeq! - after.prunedThrough);
  });

  it('a row written past recordAudit is refused by the model', async () => {
    await expect(AuditLog.create({ actorUsername: 'x', actorRole: 'admin', action: 'edit', resourceId: 'Region' })).rejects.toThrow(
      /recordAudit/,
    );
  });
});

describe('the database keeps the trail', () => {
  it('refuses to change any row, to delete a young one, to empty the table or drop the head', async () => {
    const row = (await AuditLog.findOne({ order: [['seq', 'DESC']] }))!;
    expect(await refusal(sql('UPDATE audit_logs SET reason = :r WHERE id = :id', { r: '改过', id: row.id }))).toMatch(
      /操作日志只能追加.*不可修改/,
    );
    expect(await refusal(sql('DELETE FROM audit_logs WHERE id = :id', { id: row.id }))).toMatch(/未满 180 天的.*不可删除/);
    expect(await refusal(sql('DELETE FROM audit_chain_head'))).toMatch(/操作日志(链头)?不可(删除|DELETE)/);
    if (sequelize().getDialect() === 'postgres') expect(await refusal(sql('TRUNCATE audit_logs'))).toMatch(/操作日志不可TRUNCATE/);
    await row.reload();
    expect(row.reason).not.toBe('改过');
  });
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `npm run audit:verify` against the test app's database, as an operator runs it. */
function auditVerify(...args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tools/audit-verify.ts'), ...args], {
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent', NODE_ENV: 'test', DATABASE_URL: app.env.DATABASE_URL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

describe('rows changed, inserted and deleted in SQL are named, with their kind', () => {
  it('only the audit administrator may check, and the check is itself recorded', async () => {
    const others = await Promise.all(['province', 'nanchang', 'gongguanban', 'admin', 'security'].map((u) => login(app.url, u)));
    for (const other of others) {
      const refused = await other.post(VERIFY);
      expect(refused.body.notice).toEqual({ message: 'forbiddenError', type: 'error' });
      expect(refused.body.verificationId).toBeUndefined();
      const read = await other.get(VERIFY);
      expect(read.body.notice).toEqual({ message: 'forbiddenError', type: 'error' });
      expect(read.body.last).toBeUndefined();
    }
    expect(await AuditVerification.count()).toBe(0);
    expect(await AuditLog.count({ where: { action: 'auditChainVerified' } })).toBe(0);
    // Before any check the page has nothing to show.
    const before = await (await auditorClient()).get(VERIFY);
    expect(before.body).toMatchObject({ last: null, running: null });
    const { status, body, check: done } = await check();
    expect(status).toBe(200);
    expect(body).toMatchObject({ intact: true, breakCount: 0, breaks: [] });
    expect(body.summary).toMatch(/^操作日志完整：校验 \d+ 条/);
    expect(done.checkedRows).toBe(body.checkedRows);
    expect(done.totalRows).toBe(body.checkedRows);
    const [recorded] = await AuditLog.findAll({ where: { action: 'auditChainVerified' }, order: [['seq', 'DESC']], limit: 1 });
    expect(recorded).toMatchObject({ actorUsername: 'auditor', resourceId: 'AuditLog', recordId: done.id });
    expect(JSON.parse(recorded!.changes!).breakCount.after).toBe(0);
    // The page opened again shows it as the last check, and nobody else may follow it by its id.
    const page = await (await auditorClient()).get(VERIFY);
    expect(page.body).toMatchObject({ last: { id: done.id, askedBy: 'auditor', state: 'done' }, running: null });
    expect(page.body.last.result.summary).toBe(body.summary);
    for (const other of others) {
      const refused = await other.get(followed(done.id));
      expect(refused.body.notice).toEqual({ message: 'forbiddenError', type: 'error' });
      expect(refused.body.verification).toBeUndefined();
    }
    const cli = await auditVerify();
    expect(cli.out).toMatch(/^操作日志完整：校验 \d+ 条/);
    expect(cli.code).toBe(0);
  });

  it('an edited row, a rewritten hash, a deleted run of rows, an inserted row and a cut tail: each said by place and id', async () => {
    const rows = await AuditLog.findAll({ order: [['seq', 'ASC']], attributes: ['id', 'seq'] });
    expect(rows.length).toBeGreaterThan(40);
    const at = (i: number) => rows[i]!;
    const [edited, rewritten, gone1, gone2, lastTwo] = [at(5), at(10), at(20), at(21), rows.slice(-2)];
    const inserted = await withoutAuditGuards(sequelize(), async () => {
      await sql(`UPDATE audit_logs SET reason = '篡改的原因' WHERE id = :id`, { id: edited.id });
      await sql(`UPDATE audit_logs SET action = 'approve', hash = :hash WHERE id = :id`, { id: rewritten.id, hash: 'a'.repeat(64) });
      await sql('DELETE FROM audit_logs WHERE id IN (:ids)', { ids: [gone1.id, gone2.id, ...lastTwo.map((r) => r.id)] });
      await sql(
        `INSERT INTO audit_logs (actor_username, actor_role, action, resource_id, record_id, created_at)
         VALUES ('province', 'province', 'approve', 'ProcurementUnit', '1', :at)`,
        { at: new Date() },
      );
      return (await AuditLog.findOne({ where: { seq: null } }))!;
    });

    const expected = [
      `序号 ${edited.seq}（编号 ${edited.id}）的记录被改动：内容与其校验值不符`,
      `序号 ${rewritten.seq}（编号 ${rewritten.id}）的记录被改动，其校验值也被改写`,
      `序号 ${gone1.seq}–${gone2.seq} 的 2 条记录被删除（在编号 ${at(19).id} 与编号 ${at(22).id} 之间）`,
      `序号 ${lastTwo[0]!.seq}–${lastTwo[1]!.seq} 的 2 条记录被删除（在链尾，链头记录仍记着它们）`,
      `编号 ${inserted.id} 的记录是直接写入数据库的：它不在链上（没有序号）`,
    ];
    // The command first: the page's check records itself, after which the cut tail is a gap before that row.
    const cli = await auditVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/^发现 5 处问题/);
    for (const sentence of expected) expect(cli.out).toContain(sentence);
    const json = await auditVerify('--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ intact: false, breakCount: 5 });

    const { body } = await check();
    expect(body.intact).toBe(false);
    expect(body.summary).toMatch(/^发现 5 处问题/);
    expect(body.breaks.map((b: { description: string }) => b.description).sort()).toEqual([...expected].sort());
    expect(body.counts).toEqual({ changed: 2, deleted: 2, inserted: 1 });
    // The next check sees the same five, the cut tail now before the first check's own row.
    const again = await verifyAuditChain(sequelize());
    expect(again.breakCount).toBe(5);
  });
});

describe('the check runs as a job, and every night', () => {
  it('a second ask while a check is queued or running is that check; the page shows it under way, then its result', async () => {
    const client = await auditorClient();
    const checks: string[] = [];
    // The in-process queue runs one job at a time: one held here keeps the check queued for as long as the test needs.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    PROCESSORS[QUEUES.maintenance]!.holdTheQueue = () => held;
    try {
      await app.queue.add(QUEUES.maintenance, 'holdTheQueue', {});
      const first = await client.post(VERIFY);
      const second = await client.post(VERIFY);
      checks.push(first.body.verificationId);
      expect(first.body).toMatchObject({ started: true });
      expect(second.body).toEqual({ verificationId: first.body.verificationId, started: false });
      const page = await client.get(VERIFY);
      expect(page.body.running).toMatchObject({ id: first.body.verificationId, state: 'queued', askedBy: 'auditor', totalRows: null });
      const waiting = await client.get(followed(first.body.verificationId));
      expect(waiting.body.verification).toMatchObject({ state: 'queued', checkedRows: 0, result: null });
      release();
      await drainJobs(app);
      const finished = (await client.get(followed(first.body.verificationId))).body.verification;
      expect(finished.state).toBe('done');
      expect(finished.totalRows).toBeGreaterThan(0);
      expect(finished.checkedRows).toBe(finished.totalRows);
      expect(finished.result.checkedRows).toBe(finished.totalRows);
      expect(finished.finishedAt).not.toBeNull();
      // Once it has finished, the next ask is a new check.
      const after = await client.get(VERIFY);
      expect(after.body).toMatchObject({ last: { id: first.body.verificationId }, running: null });
      const next = await client.post(VERIFY);
      expect(next.body.started).toBe(true);
      expect(next.body.verificationId).not.toBe(first.body.verificationId);
      checks.push(next.body.verificationId);
      await drainJobs(app);
    } finally {
      release();
      delete PROCESSORS[QUEUES.maintenance]!.holdTheQueue;
    }
    // One audit row per check run, none for the ask that found one under way.
    const recorded = await AuditLog.findAll({ where: { action: 'auditChainVerified', recordId: checks }, attributes: ['recordId'] });
    expect(recorded.map((r) => r.recordId).sort()).toEqual([...checks].sort());
  });

  it("the nightly check is the system's: recorded with no user, shown as the last check, and its breaks logged as an error", async () => {
    // The chain was broken by the test before: the nightly check finds it so.
    const logged = jest.spyOn(logger, 'error');
    try {
      await app.queue.add(QUEUES.maintenance, JOBS.verifyAuditChain, {});
      await drainJobs(app);
      const [recorded] = await AuditLog.findAll({ where: { action: 'auditChainVerified' }, order: [['seq', 'DESC']], limit: 1 });
      expect(recorded).toMatchObject({ actorId: null, actorUsername: 'system', actorRole: 'system', resourceId: 'AuditLog' });
      const { body } = await (await auditorClient()).get(VERIFY);
      expect(body.running).toBeNull();
      expect(body.last).toMatchObject({ id: recorded!.recordId, askedBy: null, state: 'done' });
      expect(body.last.result).toMatchObject({ intact: false });
      expect(body.last.result.summary).toBe(recorded!.reason);
      expect(body.last.result.breakCount).toBeGreaterThanOrEqual(5);
      expect(JSON.parse(recorded!.changes!).breakCount.after).toBe(body.last.result.breakCount);
      const alarms = logged.mock.calls.filter(([fields]) => (fields as { checkId?: string }).checkId === recorded!.recordId);
      expect(alarms).toHaveLength(1);
      expect(alarms[0]![0]).toMatchObject({ breakCount: body.last.result.breakCount });
    } finally {
      logged.mockRestore();
    }
  });

  it('a check whose asker is no longer the audit administrator is not run for them', async () => {
    const province = (await SupervisorUser.findOne({ where: { username: 'province' } }))!;
    const { check: asked } = await askForCheck({
      id: province.id,
      username: province.username,
      role: province.role,
      regionCode: province.regionCode,
    });
    await app.queue.add(QUEUES.maintenance, JOBS.verifyAuditChain, { verificationId: asked.id });
    await drainJobs(app);
    await asked.reload();
    expect(asked.state).toBe('failed');
    expect(JSON.parse(asked.result!)).toEqual({ error: ASKER_GONE });
    expect(await AuditLog.count({ where: { action: 'auditChainVerified', recordId: asked.id } })).toBe(0);
  });
});
