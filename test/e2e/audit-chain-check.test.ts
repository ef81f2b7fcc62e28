import { expect } from '@jest/globals';
import { AuditLog, AuditVerification } from '../../db/models.js';
import { PROCESSORS } from '../../jobs/processors/index.js';
import { BACKGROUND_REQUEST_HEADER } from '../../domain/session-limits.js';
import { JOBS, QUEUES } from '../../queue/queue-names.js';
import { withoutAuditGuards } from '../support/audit-guards.js';
import { drainJobs } from '../support/test-app.js';
import { browserSession, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（审计管理员的校验完整性：后台校验、进度、最近一次结果）', { username: 'auditor' });

const PAGE = '/admin/resources/AuditLog/actions/verifyChain';

s.describe('校验完整性: the check runs in the background, its progress and last result on the page', () => {
  s.it('a check started, followed as N / M rows by background polls, then its result; then the nightly check is the last', async () => {
    const { page, app } = s;
    const polls: Array<string | null> = [];
    page.on('request', (request) => {
      if (request.url().includes('verificationId=')) polls.push(request.headers()[BACKGROUND_REQUEST_HEADER.toLowerCase()] ?? null);
    });
    await page.goto(`${app.url}${PAGE}`);
    const root = page.getByTestId('audit-chain-check');
    await root.getByText('尚无校验记录').waitFor();

    // The in-process queue runs one job at a time: one held here keeps the check queued while the page is read.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    PROCESSORS[QUEUES.maintenance]!.holdTheQueue = () => held;
    try {
      await app.queue.add(QUEUES.maintenance, 'holdTheQueue', {});
      await page.getByTestId('audit-check-start').click();
      await root.getByText('校验已排队').waitFor();
      expect(await page.getByTestId('audit-check-start').isDisabled()).toBe(true);
      // As the job writes it: the rows checked so far out of the total.
      await AuditVerification.update({ state: 'running', checkedRows: 5000, totalRows: 12000 }, { where: { state: 'queued' } });
      await root.getByText('已校验 5000 / 12000 条').waitFor();
      expect(
        await page.locator('[data-testid="audit-check-progress"] progress').evaluate((bar) => (bar as HTMLProgressElement).value),
      ).toBe(5000);
      await screenshot(page, 'audit-check-progress');
    } finally {
      release();
      delete PROCESSORS[QUEUES.maintenance]!.holdTheQueue;
    }
    await drainJobs(app);
    const outcome = page.getByTestId('audit-check-outcome');
    await outcome.getByText(/^操作日志完整：校验 \d+ 条/).waitFor();
    expect(await outcome.getByTestId('audit-check-last').innerText()).toMatch(/^最近一次校验：.+，由 auditor 发起$/);
    expect(await page.getByTestId('audit-check-start').isDisabled()).toBe(false);
    expect(polls.length).toBeGreaterThan(1);
    expect(polls.every((header) => header === '1')).toBe(true);

    // A row edited in SQL, found by the nightly check: the page opened again shows it as the last check, in red.
    const [row] = await AuditLog.findAll({ order: [['seq', 'ASC']], limit: 1, offset: 3 });
    await withoutAuditGuards(AuditLog.sequelize!, () =>
      AuditLog.sequelize!.query(`UPDATE audit_logs SET reason = '篡改的原因' WHERE id = :id`, { replacements: { id: row!.id } }),
    );
    await app.queue.add(QUEUES.maintenance, JOBS.verifyAuditChain, {});
    await drainJobs(app);
    await page.goto(`${app.url}${PAGE}`);
    await outcome.getByText(/^发现 1 处问题/).waitFor();
    expect(await outcome.getByTestId('audit-check-last').innerText()).toMatch(/^最近一次校验：.+，系统每日校验$/);
    const breaks = await page.getByTestId('audit-check-breaks').locator('tbody tr').allInnerTexts();
    expect(breaks).toHaveLength(1);
    expect(breaks[0]).toContain('被改动');
    expect(breaks[0]).toContain(`序号 ${row!.seq}（编号 ${row!.id}）的记录被改动`);
    await screenshot(page, 'audit-check-breaks');
    expect(s.foreign).toEqual([]);
  });
});
