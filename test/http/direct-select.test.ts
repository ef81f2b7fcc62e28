import { DataTypes, Model, Op, type ModelStatic, type Sequelize, type WhereOptions } from 'sequelize';
import { DirectSelect } from '../../server/adapter/direct-select.js';
import { selectRows } from '../../server/select-rows.js';
import { createSequelize } from '../../server/database.js';
import { freshDatabaseUrl } from '../support/test-app.js';

// The panel's reads skip Sequelize's query layer; they must give exactly what findAll and count give, on the
// database the suite runs with (SQLite keeps dates as text and booleans as 0/1, PostgreSQL has its own parsers).
describe('DirectSelect: the panel\'s reads without Sequelize\'s query layer', () => {
  let sequelize: Sequelize;
  let Entry: ModelStatic<Model>;

  beforeAll(async () => {
    sequelize = createSequelize(await freshDatabaseUrl());
    Entry = sequelize.define('Entry', {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      contractNo: { type: DataTypes.STRING(40), allowNull: false },
      regionCode: { type: DataTypes.STRING(6), allowNull: false },
      amount: { type: DataTypes.DECIMAL(15, 2), allowNull: true },
      signedOn: { type: DataTypes.DATEONLY, allowNull: true },
      decidedAt: { type: DataTypes.DATE, allowNull: true },
      urgent: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      status: { type: DataTypes.ENUM('draft', 'filed'), allowNull: false, defaultValue: 'draft' },
      note: { type: DataTypes.TEXT, allowNull: true },
      scan: { type: DataTypes.BLOB, allowNull: true },
    }, { tableName: 'direct_select_entries', underscored: true });
    await Entry.sync({ force: true });
    await Entry.bulkCreate([
      { contractNo: 'HT-2026.001', regionCode: '360121', amount: '1234.50', signedOn: '2026-03-01', decidedAt: new Date('2026-03-02T08:09:10.123Z'), urgent: true, status: 'filed', note: '含 % 与 _ 的说明', scan: Buffer.from([1, 2, 3]) },
      { contractNo: 'HT-2026.002', regionCode: '360121', amount: null, signedOn: null, decidedAt: null, urgent: false, note: null, scan: null },
      { contractNo: 'ht-2026.003', regionCode: '360102', amount: '0.01', signedOn: '2026-12-31', decidedAt: new Date('2026-12-31T23:59:59.999Z'), urgent: false, status: 'filed' },
    ]);
  });
  afterAll(async () => { await sequelize.close(); });

  const asFindAll = async (options: { where: WhereOptions; attributes?: string[]; order?: Array<[string, 'ASC' | 'DESC']>; limit?: number; offset?: number }) =>
    (await Entry.findAll(options)).map((row) => row.toJSON());

  const cases: Array<[string, { where: WhereOptions; attributes?: string[]; order?: Array<[string, 'ASC' | 'DESC']>; limit?: number; offset?: number }]> = [
    ['every row, every type', { where: {}, order: [['id', 'ASC']] }],
    ['a jurisdiction and a filter on underscored columns, newest first', { where: { [Op.and]: [{ regionCode: { [Op.in]: ['360121'] } }, { urgent: false }] }, order: [['decidedAt', 'DESC'], ['id', 'DESC']] }],
    ['a page', { where: {}, order: [['contractNo', 'ASC'], ['id', 'ASC']], limit: 1, offset: 1 }],
    ['the key and title only', { where: { id: { [Op.in]: [1, 3] } }, attributes: ['id', 'contractNo'] }],
    ['a date range', { where: { decidedAt: { [Op.gte]: new Date('2026-03-02T08:09:10.123Z') } }, order: [['id', 'ASC']] }],
  ];

  it.each(cases)('gives what findAll gives: %s', async (_label, options) => {
    const direct = await DirectSelect.for(Entry)!.findAll(options);
    expect(direct).toEqual(await asFindAll(options));
    expect(direct.length).toBeGreaterThan(0);
  });

  it('turns the stored values back into the model\'s types', async () => {
    const [first] = await DirectSelect.for(Entry)!.findAll({ where: { id: 1 } });
    expect(first).toMatchObject({ contractNo: 'HT-2026.001', urgent: true, status: 'filed', signedOn: '2026-03-01', decidedAt: new Date('2026-03-02T08:09:10.123Z') });
    expect(first!.decidedAt).toBeInstanceOf(Date);
    expect(Buffer.from(first!.scan as Buffer)).toEqual(Buffer.from([1, 2, 3]));
    expect(Number(first!.amount)).toBe(1234.5);
  });

  it('counts what count counts, with and without a condition', async () => {
    const direct = DirectSelect.for(Entry)!;
    for (const where of [{}, { regionCode: '360121' }, { [Op.and]: [{ regionCode: '360121' }, { urgent: true }] }, { regionCode: 'nowhere' }] as WhereOptions[]) {
      expect(await direct.count(where)).toBe(await Entry.count({ where }));
    }
    expect(await direct.count({ regionCode: '360121' })).toBe(2);
  });

  it('binds values instead of splicing them into the statement', async () => {
    const rows = await selectRows(sequelize, 'SELECT contract_no FROM direct_select_entries WHERE contract_no = $1', ["x' OR '1'='1"]);
    expect(rows).toEqual([]);
    expect(await selectRows(sequelize, 'SELECT contract_no FROM direct_select_entries WHERE contract_no = $1', ['HT-2026.002'])).toEqual([{ contract_no: 'HT-2026.002' }]);
  });

  it('runs inside a transaction on the transaction\'s own connection, which alone sees what it wrote', async () => {
    const sql = 'SELECT contract_no FROM direct_select_entries WHERE contract_no = $1';
    await sequelize.transaction(async (transaction) => {
      await Entry.create({ contractNo: 'HT-UNCOMMITTED', regionCode: '360121' }, { transaction });
      expect(await selectRows(sequelize, sql, ['HT-UNCOMMITTED'], transaction)).toEqual([{ contract_no: 'HT-UNCOMMITTED' }]);
      expect(await selectRows(sequelize, sql, ['HT-UNCOMMITTED'])).toEqual([]);
      await Entry.destroy({ where: { contractNo: 'HT-UNCOMMITTED' }, transaction });
    });
  });

  it('generates a statement once for the same options, and afresh when any value, operator, date, literal or order differs', async () => {
    const direct = DirectSelect.for(Entry)!;
    const variants: Array<{ where: WhereOptions; order?: Array<[string, 'ASC' | 'DESC']>; limit?: number }> = [
      { where: { regionCode: '360121' }, order: [['id', 'ASC']] },
      { where: { regionCode: '360102' }, order: [['id', 'ASC']] },
      { where: { regionCode: '360121' }, order: [['id', 'DESC']], limit: 1 },
      { where: { regionCode: '360121' }, order: [['id', 'ASC']], limit: 1 },
      { where: { contractNo: { [Op.like]: 'HT%' } }, order: [['id', 'ASC']] },
      { where: { contractNo: { [Op.notLike]: 'HT%' } }, order: [['id', 'ASC']] },
      { where: { decidedAt: { [Op.gte]: new Date('2026-03-02T08:09:10.123Z') } }, order: [['id', 'ASC']] },
      { where: { decidedAt: { [Op.gte]: new Date('2026-12-31T00:00:00.000Z') } }, order: [['id', 'ASC']] },
      { where: { [Op.and]: [{ regionCode: '360121' }, sequelize.literal('1 = 0')] } },
      { where: { [Op.and]: [{ regionCode: '360121' }, sequelize.literal('1 = 1')] }, order: [['id', 'ASC']] },
      { where: { scan: Buffer.from([1, 2, 3]) } },
      { where: { scan: Buffer.from([9]) } },
    ];
    for (const round of [1, 2]) {
      for (const options of variants) {
        expect({ round, options, rows: await direct.findAll(options) }).toEqual({ round, options, rows: await asFindAll(options) });
        expect(await direct.count(options.where)).toBe(await Entry.count({ where: options.where }));
      }
    }
  });

  it('leaves to Sequelize a model whose reads need it: scopes, paranoid rows, find hooks', () => {
    const attributes = { id: { type: DataTypes.INTEGER, primaryKey: true } };
    expect(DirectSelect.for(sequelize.define('Scoped', attributes, { defaultScope: { where: { id: 1 } } }))).toBeNull();
    expect(DirectSelect.for(sequelize.define('Paranoid', attributes, { paranoid: true }))).toBeNull();
    expect(DirectSelect.for(sequelize.define('Hooked', attributes, { hooks: { beforeFind: () => undefined } }))).toBeNull();
    expect(DirectSelect.for(sequelize.define('Plain', attributes))).not.toBeNull();
  });
});
