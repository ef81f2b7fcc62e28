import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { initModels, RiskFlag } from '../../db/models.js';
import type { RaisedFlag } from '../../domain/risk/risk-flag.js';
import { upsertFlags } from '../../services/risk/flag-store.js';
import { seededDatabaseUrls } from '../support/databases.js';

/**
 * The flag store on the run's engine: flags are upserted by rule and subject, cleared when their scope is evaluated
 * without them, open again when raised again, and a second run with the same input writes nothing.
 */
jest.setTimeout(120_000);

let sequelize: Sequelize;
beforeAll(async () => {
  sequelize = createSequelize((await seededDatabaseUrls()).DATABASE_URL);
  initModels(sequelize);
  await RiskFlag.destroy({ where: {} });
});
afterAll(async () => {
  await sequelize?.close();
});

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 2));
const flag = (subjectId: string, overrides: Partial<RaisedFlag> = {}): RaisedFlag => ({
  rule: 'singleResponse',
  subjectType: 'ProcurementProject',
  subjectId,
  subjectLabel: `项目 ${subjectId}`,
  regionCode: '360121',
  amount: '1000000.00',
  figures: { 投标人数: 1, 有效投标人数: 1 },
  threshold: '有效投标人少于 2 家',
  basis: '《政府采购法实施条例》',
  severity: 'orange',
  score: 2000000,
  ...overrides,
});
const snapshot = async () =>
  (await RiskFlag.findAll({ order: [['id', 'ASC']] })).map((r) => {
    const v = r.get({ plain: true }) as Record<string, unknown>;
    return { ...v, updatedAt: (v.updatedAt as Date).getTime() };
  });
const byKey = async (rule: string, subjectId: string) =>
  (await RiskFlag.findOne({ where: { rule, subjectType: 'ProcurementProject', subjectId } }))!;

describe('upsertFlags', () => {
  it('inserts the raised flags, open, dated by the run', async () => {
    const run = await upsertFlags([flag('1'), flag('2')], { rule: 'singleResponse' }, at(2));
    expect(run).toEqual({ created: 2, updated: 0, reopened: 0, cleared: 0, unchanged: 0 });
    const rows = await RiskFlag.findAll({ order: [['subjectId', 'ASC']] });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'open', clearedAt: null, rule: 'singleResponse', regionCode: '360121' });
      expect(row.raisedAt.getTime()).toBe(at(2).getTime());
      expect(Number(row.score)).toBe(2000000);
      expect(row.figures).toEqual({ 投标人数: 1, 有效投标人数: 1 });
    }
  });

  it('run again with the same input: nothing written, nothing duplicated', async () => {
    const before = await snapshot();
    const run = await upsertFlags([flag('1'), flag('2')], { rule: 'singleResponse' }, at(2));
    expect(run).toEqual({ created: 0, updated: 0, reopened: 0, cleared: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(before);
  });

  it('updates a flag whose figures changed and clears the open flag of the scope not raised', async () => {
    const run = await upsertFlags(
      [flag('1', { figures: { 投标人数: 1, 有效投标人数: 0 }, severity: 'red' })],
      { rule: 'singleResponse' },
      at(3),
    );
    expect(run).toEqual({ created: 0, updated: 1, reopened: 0, cleared: 1, unchanged: 0 });
    const one = await byKey('singleResponse', '1');
    expect(one).toMatchObject({ status: 'open', severity: 'red', figures: { 投标人数: 1, 有效投标人数: 0 } });
    // Still the flag raised on day 2: it did not go away in between.
    expect(one.raisedAt.getTime()).toBe(at(2).getTime());
    const two = await byKey('singleResponse', '2');
    expect(two.status).toBe('cleared');
    expect(two.clearedAt?.getTime()).toBe(at(3).getTime());
    expect(await RiskFlag.count()).toBe(2);
  });

  it('leaves flags of other rules and of subjects outside a narrowed scope alone', async () => {
    await upsertFlags([flag('1', { rule: 'lateContractFiling' })], { rule: 'lateContractFiling' }, at(4));
    // An incremental run over subject 3 only: subject 1's open flag is not cleared.
    const run = await upsertFlags(
      [flag('3')],
      { rule: 'singleResponse', subjects: [{ subjectType: 'ProcurementProject', subjectId: '3' }] },
      at(5),
    );
    expect(run).toEqual({ created: 1, updated: 0, reopened: 0, cleared: 0, unchanged: 0 });
    expect((await byKey('singleResponse', '1')).status).toBe('open');
    expect((await byKey('lateContractFiling', '1')).status).toBe('open');
    // The other rule evaluated with nothing raised: only its own flag is cleared.
    expect(await upsertFlags([], { rule: 'lateContractFiling' }, at(6))).toMatchObject({ cleared: 1 });
    expect((await byKey('lateContractFiling', '1')).status).toBe('cleared');
    expect((await byKey('singleResponse', '1')).status).toBe('open');
  });

  it('a cleared flag raised again is open again, dated anew, with no clearing date', async () => {
    const run = await upsertFlags([flag('1'), flag('2'), flag('3')], { rule: 'singleResponse' }, at(7));
    expect(run).toMatchObject({ reopened: 1, created: 0 });
    const two = await byKey('singleResponse', '2');
    expect(two).toMatchObject({ status: 'open', clearedAt: null });
    expect(two.raisedAt.getTime()).toBe(at(7).getTime());
    expect(await RiskFlag.count()).toBe(4);
    // And again: idempotent.
    const before = await snapshot();
    expect(await upsertFlags([flag('1'), flag('2'), flag('3')], { rule: 'singleResponse' }, at(7))).toMatchObject({
      created: 0,
      updated: 0,
      reopened: 0,
      cleared: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a flag outside the evaluated scope, or raised twice, and writes nothing', async () => {
    const before = await snapshot();
    await expect(upsertFlags([flag('9', { rule: 'latePayment' })], { rule: 'singleResponse' }, at(8))).rejects.toThrow(
      /outside the evaluated scope/,
    );
    await expect(upsertFlags([flag('9'), flag('9')], { rule: 'singleResponse' }, at(8))).rejects.toThrow(/raised twice/);
    await expect(
      upsertFlags([flag('9')], { rule: 'singleResponse', subjects: [{ subjectType: 'ProcurementProject', subjectId: '8' }] }, at(8)),
    ).rejects.toThrow(/not evaluated/);
    expect(await snapshot()).toEqual(before);
  });
});
