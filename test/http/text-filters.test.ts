import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog, IntegrationBudget } from '../../db/models.js';
import { recordAudits } from '../../services/audit.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * A contains-filter finds what was typed, on SQLite and on PostgreSQL (there through the trigram indexes of migration
 * 0014): `%`, `_`, `.` and the escape character `!` stand for themselves, Latin letters match in any case, Chinese of
 * any length matches. A value picked from a list (an action, a record type) is compared exactly.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let county: Client;

/** Unit names of budget lines in 南昌县, each told apart from its look-alike by one character. */
const UNITS = {
  percent: '折扣50%核验单位',
  fifty: '折扣500核验单位',
  underscore: 'A_B核验单位',
  letters: 'AXB核验单位',
  dot: 'V1.2核验单位',
  digits: 'V102核验单位',
  bang: '感叹!号核验单位',
  latin: 'Survey 赣鄱测绘研究院',
};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  county = await login(app.url, 'nanchangxian');
  for (const [key, unitName] of Object.entries(UNITS)) {
    const line = await IntegrationBudget.create({
      budgetLineId: `TEXT-FILTER-${key}`,
      fiscalYear: 2026,
      regionCode: '360121',
      unitBudgetCode: `TF${key}`,
      unitName,
      projectName: '包含筛选核验项目',
      categoryCode: 'A02010104',
      amount: '1000.00',
      fundType: '一般公共预算',
      sourceUpdatedAt: new Date(),
    });
    ids[key] = String(line.id);
  }
});
afterAll(async () => {
  await app.stop();
});

async function unitsFound(typed: string): Promise<string[]> {
  const { body } = await county.get(api.list('IntegrationBudget', `&filters.unitName=${encodeURIComponent(typed)}`));
  const found = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
  return (body.records as Array<{ id: number }>).map((record) => found.get(String(record.id)) ?? `other:${record.id}`).sort();
}

describe('a contains-filter matches what was typed', () => {
  it('% and _ are characters, not wildcards', async () => {
    expect(await unitsFound('50%')).toEqual(['percent']);
    expect(await unitsFound('%核验')).toEqual(['percent']);
    expect(await unitsFound('a_b')).toEqual(['underscore']);
  });

  it('. and the escape character ! are characters too', async () => {
    expect(await unitsFound('v1.2')).toEqual(['dot']);
    expect(await unitsFound('叹!号')).toEqual(['bang']);
  });

  it('Latin letters in any case; Chinese of three characters or more, and of one or two', async () => {
    expect(await unitsFound('SURVEY')).toEqual(['latin']);
    expect(await unitsFound('赣鄱测绘研究')).toEqual(['latin']);
    expect(await unitsFound('测绘')).toEqual(['latin']);
    expect(await unitsFound('鄱')).toEqual(['latin']);
  });

  it('a number is matched anywhere in it, literally', async () => {
    const { body } = await county.get(api.list('IntegrationBudget', `&filters.budgetLineId=${encodeURIComponent('filter-PERCENT')}`));
    expect(body.records.map((r: { id: number }) => String(r.id))).toEqual([ids.percent]);
  });
});

describe('a value picked from a list is compared exactly', () => {
  it('审核通过 does not find 批量审核通过 (an action kept as its code)', async () => {
    const recordId = 'text-filter-probe';
    const user = { id: null, username: 'nanchangxian', role: 'county', regionCode: '360121' };
    const row = { user, resourceId: 'ProcurementUnit', recordId, regionCode: '360121' };
    await recordAudits([
      { ...row, action: 'approve' },
      { ...row, action: 'approveBulk' },
    ]);
    const single = await AuditLog.findOne({ where: { recordId, action: 'approve' } });
    const auditor = await login(app.url, 'auditor');
    const { body } = await auditor.get(api.list('AuditLog', `&filters.recordId=${recordId}&filters.action=approve`));
    expect(body.records.map((r: { id: number }) => String(r.id))).toEqual([String(single!.id)]);
  });
});
