import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Filter, type ActionContext } from 'adminjs';
import { DataTypes, Model, type ModelStatic, type Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { JurisdictionResource } from '../../panel/adapter/jurisdiction-resource.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { freshDatabaseUrl } from '../support/test-app.js';

/**
 * What the adapter's reads give, on the database the suite runs with: the model's own types (SQLite keeps dates as
 * text and booleans as 0/1), the user's jurisdiction only, never a secret, and pages that neither repeat nor skip a
 * row when many share the sort value. The HTTP tests (jurisdiction, list-requests, reference-columns) ask the same
 * through the panel; this file asks the adapter directly, with every column type.
 */
describe('JurisdictionResource reads', () => {
  let sequelize: Sequelize;
  let resource: JurisdictionResource;

  const user = (role: SessionUser['role'], regionCode: string): SessionUser => ({
    id: 1,
    email: '',
    username: role,
    displayName: role,
    role,
    regionCode,
    regionName: regionCode,
  });
  const as = (who: SessionUser | undefined) => ({ currentAdmin: who }) as unknown as ActionContext;
  const county = as(user('county', '360121'));
  const city = as(user('city', '360100'));
  const noFilter = () => new Filter({}, resource);

  beforeAll(async () => {
    sequelize = createSequelize(await freshDatabaseUrl());
    const Entry = sequelize.define(
      'Entry',
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        contractNo: { type: DataTypes.STRING(40), allowNull: false },
        regionCode: { type: DataTypes.STRING(6), allowNull: false },
        amount: { type: DataTypes.DECIMAL(15, 2), allowNull: true },
        signedOn: { type: DataTypes.DATEONLY, allowNull: true },
        decidedAt: { type: DataTypes.DATE, allowNull: true },
        urgent: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        status: { type: DataTypes.ENUM('draft', 'filed'), allowNull: false, defaultValue: 'draft' },
        scan: { type: DataTypes.BLOB, allowNull: true },
        accessToken: { type: DataTypes.STRING(64), allowNull: true },
      },
      { tableName: 'jurisdiction_read_entries', underscored: true },
    ) as ModelStatic<Model> & Record<string, unknown>;
    Object.assign(Entry, { jurisdiction: { kind: 'region', field: 'regionCode' }, secretFields: ['accessToken'] });
    await Entry.sync({ force: true });
    await Entry.bulkCreate([
      {
        contractNo: 'HT-2026.001',
        regionCode: '360121',
        amount: '1234.50',
        signedOn: '2026-03-01',
        decidedAt: new Date('2026-03-02T08:09:10.123Z'),
        urgent: true,
        status: 'filed',
        scan: Buffer.from([1, 2, 3]),
        accessToken: 'secret-1',
      },
      { contractNo: 'HT-2026.002', regionCode: '360121', accessToken: 'secret-2' },
      {
        contractNo: 'HT-2026.003',
        regionCode: '360102',
        amount: '0.01',
        signedOn: '2026-12-31',
        decidedAt: new Date('2026-12-31T23:59:59.999Z'),
        status: 'filed',
      },
      // Twelve rows that share one sort value, for paging.
      ...Array.from({ length: 12 }, (_, i) => ({ contractNo: 'HT-SAME', regionCode: i % 2 ? '360121' : '360102' })),
    ]);
    resource = new JurisdictionResource(Entry);
  });
  afterAll(async () => {
    await sequelize.close();
  });

  it("gives each value in the model's type", async () => {
    const first = (await resource.findOne(1, county))!.params;
    expect(first).toMatchObject({ contractNo: 'HT-2026.001', regionCode: '360121', urgent: true, status: 'filed', signedOn: '2026-03-01' });
    expect(first.decidedAt).toBeInstanceOf(Date);
    expect((first.decidedAt as Date).toISOString()).toBe('2026-03-02T08:09:10.123Z');
    expect(Number(first.amount)).toBe(1234.5);
    expect(Buffer.from(first.scan as Buffer)).toEqual(Buffer.from([1, 2, 3]));
    const second = (await resource.findOne(2, county))!.params;
    expect(second).toMatchObject({ urgent: false, status: 'draft', amount: null, signedOn: null, decidedAt: null });
  });

  it("reads and counts only the user's jurisdiction, and nothing without a user", async () => {
    const regions = async (context: ActionContext | undefined) =>
      [...new Set((await resource.find(noFilter(), { limit: 500 }, context)).map((r) => r.params.regionCode as string))].sort();
    expect(await regions(county)).toEqual(['360121']);
    expect(await regions(city)).toEqual(['360102', '360121']);
    expect(await regions(undefined)).toEqual([]);
    expect(await resource.count(noFilter(), county)).toBe(8);
    expect(await resource.count(noFilter(), city)).toBe(15);
    expect(await resource.count(noFilter(), undefined)).toBe(0);
    expect(await resource.findOne(3, county)).toBeNull();
    expect((await resource.findMany([1, 3], county)).map((r) => r.params.id)).toEqual([1]);
  });

  it('never returns a secret field, whichever read it is', async () => {
    const records = [
      ...(await resource.find(noFilter(), { limit: 500 }, city)),
      ...(await resource.findMany([1, 2], city)),
      (await resource.findOne(1, city))!,
      ...(await resource.findRelated({ regionCode: '360121' }, 50, city)).records,
    ];
    expect(records.length).toBeGreaterThan(20);
    for (const record of records) expect(record.params).not.toHaveProperty('accessToken');
  });

  it.each(['asc', 'desc'] as const)(
    'pages through rows sharing the sort value without repeating or skipping one (%s)',
    async (direction) => {
      const seen: number[] = [];
      for (let offset = 0; offset < 20; offset += 5) {
        const page = await resource.find(noFilter(), { limit: 5, offset, sort: { sortBy: 'contractNo', direction } }, city);
        seen.push(...page.map((r) => r.params.id as number));
      }
      expect(seen).toHaveLength(15);
      expect(new Set(seen).size).toBe(15);
      const same = (await resource.find(noFilter(), { limit: 500, sort: { sortBy: 'contractNo', direction } }, city))
        .filter((r) => r.params.contractNo === 'HT-SAME')
        .map((r) => r.params.id as number);
      expect(same).toEqual([...same].sort((a, b) => (direction === 'asc' ? a - b : b - a)));
    },
  );

  it('sorts by the key when asked for a column the model does not have, and clamps page size and offset', async () => {
    const ids = (await resource.find(noFilter(), { limit: 0, offset: -3, sort: { sortBy: 'nonsense', direction: 'desc' } }, city)).map(
      (r) => r.params.id,
    );
    expect(ids).toEqual([15]);
    expect(await resource.find(noFilter(), { limit: 100_000 }, city)).toHaveLength(15);
  });

  it('gives related rows newest first with their total, within the jurisdiction, and binds the values it matches', async () => {
    const related = await resource.findRelated({ contractNo: 'HT-SAME' }, 3, county);
    expect(related.total).toBe(6);
    expect(related.records.map((r) => r.params.id)).toEqual([15, 13, 11]);
    expect(await resource.findRelated({ contractNo: "x' OR '1'='1" }, 3, city)).toEqual({ records: [], total: 0 });
  });
});
