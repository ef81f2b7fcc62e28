import { Op, Sequelize } from 'sequelize';
import { statementKey } from '../../server/adapter/statement-key.js';

// Two read options with one key get one generated statement, so a key must tell apart everything that changes the
// SQL, jurisdiction conditions included.
describe('statementKey: names read options exactly', () => {
  const sequelize = new Sequelize('sqlite::memory:', { logging: false });
  afterAll(() => sequelize.close());

  it('gives the same key to equal options built separately', () => {
    const build = () => ({ [Op.and]: [{ regionCode: { [Op.in]: ['360121', '360102'] } }, { fiscalYear: 2024 }], decidedAt: { [Op.gte]: new Date('2026-03-01T00:00:00Z') } });
    expect(statementKey(build())).toBe(statementKey(build()));
    expect(statementKey([[sequelize.fn('count', sequelize.col('*')), 'count']])).toBe(statementKey([[sequelize.fn('count', sequelize.col('*')), 'count']]));
  });

  const differing: Array<[string, unknown, unknown]> = [
    ['a value', { regionCode: '360121' }, { regionCode: '360102' }],
    ['a type', { fiscalYear: 2024 }, { fiscalYear: '2024' }],
    ['null and undefined', { matchedAt: null }, { matchedAt: undefined }],
    ['true and 1', { urgent: true }, { urgent: 1 }],
    ['an operator', { code: { [Op.like]: 'HT%' } }, { code: { [Op.notLike]: 'HT%' } }],
    ['an operator and a column of its name', { [Op.or]: [{ a: 1 }] }, { or: [{ a: 1 }] }],
    ['the order of conditions', { a: 1, b: 2 }, { b: 2, a: 1 }],
    ['a date and its text', { at: new Date('2026-03-01T00:00:00Z') }, { at: '2026-03-01T00:00:00.000Z' }],
    ['two dates', { at: new Date('2026-03-01T00:00:00Z') }, { at: new Date('2026-03-01T00:00:00.001Z') }],
    ['a literal', [sequelize.literal("own.region = '360121'")], [sequelize.literal("own.region = '360102'")]],
    ['a literal and its text', [sequelize.literal('1 = 0')], ['1 = 0']],
    ['a function and a column', [sequelize.fn('count', sequelize.col('*'))], [sequelize.col('*')]],
    ['an array and its items', [['a', 'b']], ['a', 'b']],
    ['a string holding a separator', { a: 'x","b":"y' }, { a: 'x', b: 'y' }],
    ['numbers', [1, 10], [11, 0]],
    ['a limit', [{}, 20], [{}, 2]],
  ];

  it.each(differing)('tells apart %s', (_label, one, other) => {
    expect(statementKey(one)).not.toBeNull();
    expect(statementKey(one)).not.toBe(statementKey(other));
  });

  it('names nothing it cannot name exactly', () => {
    expect(statementKey({ scan: Buffer.from([1]) })).toBeNull();
    expect(statementKey({ at: { [Symbol('mine')]: 1 } })).toBeNull();
    expect(statementKey({ fn: () => 1 })).toBeNull();
    expect(statementKey({ nested: [{ deep: new Map() }] })).toBeNull();
  });
});
