import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, ProcurementUnit } from '../../db/models.js';
import { api, login, loginChoosingPassword, startTestApp, type Client } from '../support/test-app.js';

/** F5: two supervisors of the same office decide the same registration twenty times at once. */
describe('F5: racing decisions', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const clients: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await login(app.url, 'admin');
    const created = await admin.post(api.resourceAction('SupervisorUser', 'new'), {
      username: 'nanchang2',
      displayName: '南昌市采购办（二）',
      role: 'city',
      regionCode: '360100',
      active: true,
      password: 'Bayi#2026x',
    });
    expect(created.body.notice.type).toBe('success');
    clients.push(await login(app.url, 'nanchang'), await loginChoosingPassword(app.url, 'nanchang2', 'Bayi#2026x'));
  });
  afterAll(async () => {
    await app.stop();
  });

  it('20 concurrent approve and reject calls: exactly one transition, one audit row, the rest told someone decided first', async () => {
    const unit = (await ProcurementUnit.findOne({
      where: { regionCode: '360100', status: 'submitted', budgetCodeVerdict: 'match' },
      order: [['id', 'ASC']],
    }))!;
    const calls = Array.from({ length: 20 }, (_, i) =>
      clients[i % 2]!.post(api.record('ProcurementUnit', unit.id, i % 2 ? 'reject' : 'approve'), { reason: `并发测试 ${i}` }),
    );
    const answers = (await Promise.all(calls)).map((r) => r.body.notice);
    const won = answers.filter((n) => n.type === 'success');
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((n) => n.type !== 'success')) {
      expect(lost.message).toMatch(/该记录已被他人处理|当前状态为“(已审核|已退回)”/);
    }
    await unit.reload();
    expect(['approved', 'returned']).toContain(unit.status);
    const decisions = await AuditLog.findAll({
      where: { resourceId: 'ProcurementUnit', recordId: String(unit.id), action: ['approve', 'reject'] },
    });
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.action).toBe(unit.status === 'approved' ? 'approve' : 'reject');
  });
});
