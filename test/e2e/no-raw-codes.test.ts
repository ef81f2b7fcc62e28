import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { loadResourceConfig } from '../../panel/resource-config.js';
import type { Role } from '../../domain/jurisdiction.js';
import { AuditLog, Escalation, SupervisorUser } from '../../db/models.js';
import { AUDIT_LOG } from '../../db/records/audit-log.record.js';
import { codeWordLabels } from '../../panel/code-words.js';
import { browserSession, loginThroughForm, screenshot } from './browser.js';
import { expectKeyColumnsInView, expectListFits } from './list-fits.js';

const s = await browserSession('浏览器端到端测试（列表与记录页不出现英文、内部代码与裸区划代码）', { username: 'province' });

// Read once the app has initialised the models, whose attributes the config is checked against.
let config: ReturnType<typeof loadResourceConfig> | undefined;
const CONFIG = () => (config ??= loadResourceConfig(RESOURCE_DEFINITIONS));
const MODEL_NAMES = new Set([...RESOURCE_DEFINITIONS.map((d) => d.id), ...RESOURCE_DEFINITIONS.map((d) => d.model.name)]);

/**
 * Latin words a Chinese supervisor legitimately reads: the spreadsheet format the export button names, 指标ID (the
 * 一体化 platform's own name for a budget line's key) and a product's model name in the goods library (华为 MateBook 14).
 * Anything else in ASCII letters is a code or an English word that escaped translation.
 */
const ALLOWED_WORDS = new Set(['Excel', 'ID', 'MateBook']);

/** The resources a role may list, in the sidebar's order: the walk must reach each of them. */
const listable = (role: Role): string[] =>
  [...CONFIG().entries()].filter(([, config]) => config.actions.list?.includes(role)).map(([id]) => id);
const showable = (id: string, role: Role): boolean => !!CONFIG().get(id)!.actions.show?.includes(role);

interface Finding {
  where: string;
  what: string;
}

/**
 * What the main content shows that a Chinese reader should not meet: words in ASCII letters (English, camelCase keys,
 * model names), and a region's six-digit code standing alone where its name belongs. A token with digits in it is a
 * code by nature (a project number CG-2026-360702-0010, a credit code, A4-70g) and is left alone, as is a single capital
 * (the national 品目 classes A 货物, B 工程, C 服务); the region list's own 区划代码 is the one place a code is the value.
 */
async function findingsOn(page: Page, where: string): Promise<Finding[]> {
  const texts = await page.locator('[data-css="app-content"]').evaluate((root) => {
    const out: { text: string; codeColumn: boolean }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || !el.checkVisibility({ visibilityProperty: true } as never)) continue;
      const codeColumn = !!el.closest('[data-css="Region-code-table-cell"], [data-testid="property-show-code"]');
      out.push({ text: node.textContent, codeColumn });
    }
    return out;
  });
  const findings: Finding[] = [];
  const quote = (text: string) => `「${text.trim().slice(0, 80)}」`;
  for (const { text, codeColumn } of texts) {
    for (const token of text.match(/\.?[A-Za-z0-9][A-Za-z0-9_.\-/:@]*/g) ?? []) {
      // A file's extension (招标文件.txt) belongs to its name.
      if (token.startsWith('.')) continue;
      if (/^36\d{4}$/.test(token)) {
        if (!codeColumn) findings.push({ where, what: `region code ${token} in ${quote(text)}` });
        continue;
      }
      if (/\d/.test(token) || /^[A-Z]$/.test(token)) continue;
      for (const word of token.match(/[A-Za-z]+/g) ?? [])
        if (!ALLOWED_WORDS.has(word))
          findings.push({ where, what: `${MODEL_NAMES.has(token) ? 'model name' : 'word'} ${token} in ${quote(text)}` });
    }
  }
  return findings;
}

/**
 * Moves within the single-page app as its own links do (a full load per page would fetch the bundle ~100 times) and
 * waits for the API answer of the page being opened, then for its content.
 */
async function goInApp(page: Page, path: string, api: RegExp): Promise<void> {
  const answered = page.waitForResponse((response) => api.test(new URL(response.url()).pathname));
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, path);
  await answered;
}

/** A list page once its rows (or its 没有记录) and its quick filters' counts are drawn; the first row's id, if any. */
async function openList(page: Page, id: string): Promise<string | null> {
  await goInApp(page, `/admin/resources/${id}`, new RegExp(`^/admin/api/resources/${id}/actions/list$`));
  const wrapper = page.locator(`[data-css="${id}-list-table-wrapper"]`);
  const first = wrapper.locator(`tr[data-css="${id}-table-row"]`).first();
  await first
    .or(wrapper.getByText('没有记录', { exact: true }))
    .first()
    .waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="state-filter"]')].every((chip) => chip.getAttribute('data-count') !== ''),
  );
  return (await first.count()) ? first.getAttribute('data-id') : null;
}

async function openShow(page: Page, id: string, recordId: string): Promise<void> {
  const path = `/admin/resources/${id}/records/${encodeURIComponent(recordId)}/show`;
  await goInApp(page, path, new RegExp(`^/admin/api/resources/${id}/records/[^/]+/show$`));
  await page.locator(`[data-css="${id}-show-drawer-content"] [data-testid^="property-show-"]`).first().waitFor();
}

/**
 * Opens every list of `resources` and one record page of each; `shots` also saves their screenshots and checks that
 * each list fits the screen (list-fits.ts), done in this walk rather than a second one over the same lists.
 */
async function walk(page: Page, role: Role, resources: readonly string[], shots: boolean) {
  const findings: Finding[] = [];
  const visited: string[] = [];
  const shown: string[] = [];
  const wide: string[] = [];
  for (const id of resources) {
    const recordId = await openList(page, id);
    visited.push(id);
    findings.push(...(await findingsOn(page, `${role} ${id} list`)));
    if (shots) {
      await screenshot(page, `screens/${id}-list`);
      await expectKeyColumnsInView(page, id);
      if (await expectListFits(page, id)) wide.push(id);
    }
    if (recordId && showable(id, role)) {
      await openShow(page, id, recordId);
      shown.push(id);
      findings.push(...(await findingsOn(page, `${role} ${id} show ${recordId}`)));
      if (shots) await screenshot(page, `screens/${id}-show`);
    }
  }
  return { findings, visited, shown, wide };
}

s.describe('no English, no internal codes, no bare region codes (省采购监管处, 南昌县采购办, 南昌市采购办)', () => {
  it('every list and one record page of each resource, as the province; each list fits a 1440×900 screen', async () => {
    const resources = listable('province');
    expect(resources.length).toBeGreaterThan(30);
    const { findings, visited, shown, wide } = await walk(s.page, 'province', resources, true);
    expect(visited).toEqual(resources);
    // The widest lists do scroll, in their own box; the unit review and the contract filings, read most, fit whole.
    expect(wide.length).toBeGreaterThan(0);
    expect(wide.filter((id) => ['ProcurementUnit', 'ContractFiling'].includes(id))).toEqual([]);
    // The demo data fills nearly every list; a walk that opened no record pages proved nothing about them.
    expect(shown.length).toBeGreaterThan(resources.length * 0.8);
    expect(findings).toEqual([]);
    expect(s.foreign).toEqual([]);
  });

  it('has a word for every action, role and record type the audit log holds, and the demo fills it and 超期上报', async () => {
    const words = codeWordLabels(AUDIT_LOG, Object.fromEntries([...CONFIG()].map(([id, c]) => [id, c.label])));
    const missing: string[] = [];
    for (const field of ['action', 'actorRole', 'resourceId'] as const) {
      const rows = await AuditLog.findAll({ attributes: [field], group: [field], raw: true });
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) if (!words[field]?.[row[field]]) missing.push(`${field} ${row[field]}`);
    }
    expect(missing).toEqual([]);
    expect(await Escalation.count()).toBeGreaterThan(0);
  });

  it('the three administrators (三员分立) see their lists and records in the same words', async () => {
    // A login name, the whole of its cell, is the account's own value (as a region's code is in the region list).
    const logins = new Set((await SupervisorUser.findAll({ attributes: ['username'] })).map((u) => u.username));
    const loginCell = ({ what }: Finding) => {
      const [, word, text] = /^word (\S+) in 「(.*)」$/.exec(what) ?? [];
      return !!word && word === text && logins.has(word);
    };
    for (const username of ['admin', 'security', 'auditor'] as const) {
      await s.page.goto(`${s.app.url}/admin/logout`);
      await loginThroughForm(s.page, s.app.url, username);
      const resources = listable(username).filter((id) => ['SupervisorUser', 'RoleGrant', 'AuditLog', 'LoginAttempt'].includes(id));
      expect(resources.length).toBeGreaterThan(0);
      const { findings, visited, shown } = await walk(s.page, username, resources, true);
      expect(visited).toEqual(resources);
      expect(shown).toEqual(resources);
      expect(findings.filter((finding) => !loginCell(finding))).toEqual([]);
    }
  });

  it('a county and a city office see their lists in the same words', async () => {
    const few = ['Escalation', 'ProcurementUnit', 'ContractFiling', 'Expert'];
    for (const username of ['nanchangxian', 'nanchang'] as const) {
      const role: Role = username === 'nanchangxian' ? 'county' : 'city';
      await s.page.goto(`${s.app.url}/admin/logout`);
      await loginThroughForm(s.page, s.app.url, username);
      const resources = few.filter((id) => listable(role).includes(id));
      expect(resources).toEqual(few);
      const { findings, visited } = await walk(s.page, role, resources, false);
      expect(visited).toEqual(resources);
      expect(findings).toEqual([]);
    }
  });
});
