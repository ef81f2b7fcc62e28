import { expect, it } from '@jest/globals';
import { AuditLog, CaseEntry, RiskFlag, SupervisionCase } from '../../db/models.js';
import { browserSession, screenshot } from './browser.js';

const s = await browserSession('浏览器端到端测试（风险预警：从预警立案、质询、答复到办结）', { username: 'nanchangxian' });

const COUNTY = '360121';

/** Clicks the one button of an action form and waits for the server's answer to the POST. */
async function submitAction(action: string): Promise<{ notice?: { message: string; type: string } }> {
  const [response] = await Promise.all([
    s.page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${action}`)),
    s.page.getByTestId('action-submit').click(),
  ]);
  return (await response.json()) as { notice?: { message: string; type: string } };
}

/** Opens a case's action from its record page, types the text asked for and submits it. */
async function caseStep(caseId: number, action: string, button: string, text: string): Promise<void> {
  await s.page.goto(`${s.app.url}/admin/resources/SupervisionCase/records/${caseId}/${action}`);
  await s.page.getByTestId('action-submit').waitFor();
  expect(await s.page.getByTestId('action-submit').innerText()).toBe(button);
  await s.page.locator('textarea[name="reason"]').fill(text);
  const body = await submitAction(action);
  expect(body.notice).toMatchObject({ type: 'success' });
}

s.describe('a red flag followed to a concluded case in the browser (南昌县采购办)', () => {
  it('lists only its own open flags by score, opens a case from one, questions the unit, records its answer and concludes', async () => {
    const { page, app } = s;
    await page.goto(`${app.url}/admin/resources/RiskFlag`);
    await page
      .getByRole('heading', { name: /风险预警/ })
      .first()
      .waitFor();
    await page.getByTestId('property-list-rule').first().waitFor();
    const regions = await page.getByTestId('property-list-regionCode').allInnerTexts();
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((name) => name.includes('南昌县'))).toBe(true);
    await screenshot(page, 'risk-flags-county');

    // The flag with the highest score of the county's open ones, as the list shows it first.
    const flag = (await RiskFlag.findOne({
      where: { regionCode: COUNTY, status: 'open', caseId: null },
      order: [
        ['score', 'DESC'],
        ['id', 'DESC'],
      ],
    }))!;
    await page.goto(`${app.url}/admin/resources/RiskFlag/records/${flag.id}/openCase`);
    await page.getByTestId('action-submit').waitFor();
    expect(await page.getByTestId('detail-预警对象').innerText()).toBe(flag.subjectLabel);

    // No reason, no case.
    const casesBefore = await SupervisionCase.count({ where: { regionCode: COUNTY } });
    const empty = await submitAction('openCase');
    expect(empty.notice?.type).toBe('error');
    expect(await page.getByTestId('action-error').innerText()).toContain('请填写');
    expect(await SupervisionCase.count({ where: { regionCode: COUNTY } })).toBe(casesBefore);

    await page.locator('textarea[name="reason"]').fill('预警所列情形需核实，立案调查（端到端测试）');
    const opened = await submitAction('openCase');
    expect(opened.notice).toMatchObject({ type: 'success' });
    await page.waitForURL((url) => /\/admin\/resources\/SupervisionCase\/records\/\d+\/show$/.test(url.pathname));
    await flag.reload();
    expect(flag.caseId).not.toBeNull();
    const supervisionCase = (await SupervisionCase.findByPk(flag.caseId!))!;
    expect(supervisionCase.regionCode).toBe(COUNTY);
    expect(supervisionCase.status).toBe('assigned');
    await page.getByText(supervisionCase.caseNo).first().waitFor();
    await screenshot(page, 'risk-case-opened');

    await caseStep(supervisionCase.id, 'questionUnit', '质询', '请说明合同备案逾期的原因并提供签订记录（端到端测试）');
    await caseStep(supervisionCase.id, 'recordAnswer', '记录答复', '经办人员调岗交接延误，已补正（端到端测试）');
    await caseStep(supervisionCase.id, 'concludeConfirmed', '办结（属实）', '约谈采购单位负责人并责令整改（端到端测试）');

    await supervisionCase.reload();
    expect(supervisionCase.status).toBe('concluded');
    expect(supervisionCase.conclusion).toBe('confirmed');
    expect(supervisionCase.measures).toBe('约谈采购单位负责人并责令整改（端到端测试）');
    const entries = await CaseEntry.findAll({ where: { caseId: supervisionCase.id }, order: [['id', 'ASC']] });
    expect(entries.map((e) => e.kind)).toEqual(['question', 'answer']);
    const audited = await AuditLog.findAll({ where: { resourceId: 'SupervisionCase', recordId: String(supervisionCase.id) } });
    expect(audited.map((a) => a.action).sort()).toEqual(['concludeConfirmed', 'openCase', 'questionUnit', 'recordAnswer']);

    // The case's page: concluded, with its flag, its question and answer.
    await page.goto(`${app.url}/admin/resources/SupervisionCase/records/${supervisionCase.id}/show`);
    await page.getByText('已办结').first().waitFor();
    await page.getByText(flag.subjectLabel).first().waitFor();
    await screenshot(page, 'risk-case-concluded');
    expect(s.foreign).toEqual([]);
  });
});
