import { expect, it } from '@jest/globals';
import { ExpertSpecialtyReview, FailedTenderHandling } from '../../db/models.js';
import { browserSession, loginThroughForm, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（异常处理、评标专业审核）', { username: 'province' });

/** Opens a record action's form, submits it with a reason, and returns the notice the server answered. */
async function decide(path: string, action: string, reason: string): Promise<{ type: string; message: string }> {
  await s.page.goto(`${s.app.url}${path}/${action}`);
  await s.page.getByTestId('action-submit').waitFor();
  if (reason) await s.page.locator('textarea[name="reason"]').fill(reason);
  const [response] = await Promise.all([
    s.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/${action}`)),
    s.page.getByTestId('action-submit').click(),
  ]);
  return ((await response.json()) as { notice: { type: string; message: string } }).notice;
}

/**
 * A decision the page does not offer, sent as a crafted request in the user's own session (from our origin): the server
 * still refuses it with the specific reason.
 */
async function crafted(path: string, action: string): Promise<{ type: string; message: string }> {
  const response = await s.page.request.post(`${s.app.url}/admin/api${path.replace('/admin', '')}/${action}`, {
    data: { reason: '' },
    headers: { Origin: s.app.url },
  });
  return ((await response.json()) as { notice: { type: string; message: string } }).notice;
}

/** The record actions a show page offers. */
async function offered(path: string): Promise<string[]> {
  const response = await s.page.request.get(`${s.app.url}/admin/api${path.replace('/admin', '')}/show`);
  return ((await response.json()) as { record: { recordActions: Array<{ name: string }> } }).record.recordActions.map((a) => a.name);
}

async function switchUser(username: string): Promise<void> {
  await s.page.goto(`${s.app.url}/admin/logout`);
  await loginThroughForm(s.page, s.app.url, username);
}

s.describe('异常处理 and 评标专业审核 in the browser', () => {
  it('the province confirms a failed tender that changes method above the threshold', async () => {
    const target = (await FailedTenderHandling.findOne({
      where: { regionCode: '360000', state: 'awaiting_supervisor', originalMethod: 'public_tender' },
    }))!;
    await s.page.goto(`${s.app.url}/admin/resources/FailedTenderHandling?filters.state=awaiting_supervisor`);
    await s.page.locator('tr[data-id]').first().waitFor();
    expect(await s.page.locator('tbody').first().innerText()).toContain('待采购办确认');
    await s.page.goto(`${s.app.url}/admin/resources/FailedTenderHandling/records/${target.id}/confirmAnomaly`);
    expect(await s.page.getByTestId('detail-须采购办确认的依据').innerText()).toContain('须采购办确认');
    await screenshot(s.page, 'failed-tender-confirm');
    const notice = await decide(`/admin/resources/FailedTenderHandling/records/${target.id}`, 'confirmAnomaly', '同意变更采购方式');
    expect(notice.type).toBe('success');
    expect(await target.reload()).toMatchObject({ state: 'approved', decidedBy: 'province' });
    expect(s.foreign).toEqual([]);
  });

  it('walks a specialty review from the city to the province to 省公管办', async () => {
    const review = (await ExpertSpecialtyReview.findOne({ where: { registrationRegion: '360121', state: 'city_review' } }))!;
    const path = `/admin/resources/ExpertSpecialtyReview/records/${review.id}`;

    // The province's step has not come: the page offers no button, and a crafted request is refused.
    expect(await offered(path)).not.toContain('approveSpecialtyStep');
    const early = await crafted(path, 'approveSpecialtyStep');
    expect(early.message).toContain('应由专家注册地所在市的采购办审核');

    await switchUser('nanchang');
    expect((await decide(path, 'approveSpecialtyStep', '材料齐全')).type).toBe('success');
    expect((await review.reload()).state).toBe('province_review');

    await switchUser('province');
    expect((await decide(path, 'approveSpecialtyStep', '')).type).toBe('success');
    expect((await review.reload()).state).toBe('gongguanban_review');

    await switchUser('gongguanban');
    expect((await decide(path, 'approveSpecialtyStep', '')).type).toBe('success');
    expect(await review.reload()).toMatchObject({
      state: 'approved',
      cityReviewedBy: 'nanchang',
      provinceReviewedBy: 'province',
      gongguanbanReviewedBy: 'gongguanban',
    });

    await s.page.goto(`${s.app.url}${path}/show`);
    await s.page.getByTestId('record-history').waitFor();
    const history = await s.page.getByTestId('record-history').innerText();
    for (const who of ['南昌市采购办', '省采购监管处', '省公管办']) expect(history).toContain(who);
    expect(await s.page.locator('section').first().innerText()).toContain('审核通过');
    await screenshot(s.page, 'specialty-review-done');
    expect(s.foreign).toEqual([]);
  });
});
