import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ProcurementUnit } from '../../db/models.js';
import { browserSession } from './browser.js';

const s = await browserSession('浏览器端到端测试（跨站请求伪造）', { username: 'nanchangxian' });

s.describe('a forged form from another port of the same host (nanchangxian signed in)', () => {
  /** A page of another origin on the same host (another port: same site, so SameSite=Lax still sends the cookie). */
  let attacker: http.Server;
  let attackerUrl = '';
  let forgedFormFor = (_id: number) => '';
  beforeAll(async () => {
    attacker = http.createServer((req, res) => {
      const id = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('unit'));
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(forgedFormFor(id));
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    forgedFormFor = (
      id,
    ) => `<!doctype html><form method="POST" action="${s.app.url}/admin/api/resources/ProcurementUnit/records/${id}/reject">
    <input name="reason" value="伪造的退回"></form><script>document.forms[0].submit()</script>`;
  });
  afterAll(async () => {
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('is refused by the server and the unit stays as it was, while the panel itself keeps working', async () => {
    const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'submitted' }, order: [['id', 'ASC']] }))!;
    // The same browser's cookies, in a tab of its own (the panel's page only ever talks to our origin).
    const tab = await s.browser.newContext();
    await tab.addCookies(await s.page.context().cookies());
    const evil = await tab.newPage();
    const [answer] = await Promise.all([
      evil.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(s.app.url)),
      evil.goto(`${attackerUrl}/?unit=${unit.id}`),
    ]);
    expect(answer.request().headers().cookie ?? (await answer.request().allHeaders()).cookie).toContain('jxcg.sid=');
    expect(answer.status()).toBe(403);
    await tab.close();
    await unit.reload();
    expect(unit.status).toBe('submitted');

    await s.page.goto(`${s.app.url}/admin/resources/ProcurementUnit/records/${unit.id}/reject`);
    await s.page.locator('textarea[name="reason"]').fill('资料不全，请补充后重新提交（本系统页面）');
    const [ours] = await Promise.all([
      s.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/reject')),
      s.page.getByTestId('action-submit').click(),
    ]);
    expect(((await ours.json()) as { notice: { type: string } }).notice.type).toBe('success');
    await unit.reload();
    expect(unit.status).toBe('returned');
    expect(s.foreign).toEqual([]);
  });
});
