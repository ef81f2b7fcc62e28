import { Op } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ContractFiling, PaymentVoucher, RiskFlag } from '../../db/models.js';
import { RISK_RULE_CODES } from '../../domain/risk/rule-codes.js';
import { evaluateRisk } from '../../services/risk/evaluate-risk.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * The demo opens with red flags: every rule has one in 南昌县 and one in 赣州市, each office lists only its own, and the
 * evaluation run again on the same data changes nothing, while one that no longer finds a case clears its flag.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['nanchangxian', 'ganzhou']) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

const openFlags = () => RiskFlag.findAll({ where: { status: 'open' }, order: [['id', 'ASC']], raw: true });
const listed = async (user: string, query = '') => {
  const { status, body } = await clients[user]!.get(api.list('RiskFlag', query));
  expect(status).toBe(200);
  return body as { meta: { total: number }; records: Array<{ id: string; params: Record<string, string> }> };
};

describe('the demo opens with red flags', () => {
  it('every rule has an open flag in 南昌县 (360121) and one in 赣州市 (3607xx)', async () => {
    const flags = await openFlags();
    const rulesIn = (region: RegExp) => [...new Set(flags.filter((f) => region.test(f.regionCode)).map((f) => f.rule))].sort();
    expect(rulesIn(/^360121$/)).toEqual([...RISK_RULE_CODES].sort());
    expect(rulesIn(/^3607\d\d$/)).toEqual([...RISK_RULE_CODES].sort());
  });

  it('南昌县 lists only its own flags, every rule among them; a 赣州 flag is not found by its id', async () => {
    const own = (await openFlags()).filter((f) => f.regionCode === '360121');
    const { meta, records } = await listed('nanchangxian', '&filters.status=open');
    expect(meta.total).toBe(own.length);
    expect(records.length).toBe(own.length);
    for (const r of records) expect(r.params.regionCode).toBe('360121');
    expect(new Set(records.map((r) => r.params.rule)).size).toBe(RISK_RULE_CODES.length);

    const ganzhou = await RiskFlag.findOne({ where: { regionCode: { [Op.like]: '3607%' } }, order: [['id', 'ASC']] });
    const shown = await clients.nanchangxian!.get(api.show('RiskFlag', ganzhou!.id));
    expect(shown.body.record.baseError.type).toBe('NotFoundError');
    expect((await clients.ganzhou!.get(api.show('RiskFlag', ganzhou!.id))).body.record.params.regionCode).toMatch(/^3607/);
  });

  it('times only the original contract from its notice: a supplement (补充协议) signed months later is judged by 追加超限 instead', async () => {
    const supplements = await ContractFiling.findAll({ where: { contractName: { [Op.like]: '%补充协议' } } });
    expect(supplements.length).toBeGreaterThan(0);
    const supplementIds = supplements.map((c) => String(c.id));
    expect(await RiskFlag.findAll({ where: { rule: 'lateContractSigning', subjectId: supplementIds, status: 'open' } })).toEqual([]);
    const additions = await RiskFlag.findAll({ where: { rule: 'contractAboveAward', status: 'open' }, raw: true });
    const namingSupplement = additions.filter((f) => supplements.some((c) => JSON.stringify(f.figures).includes(c.contractNo)));
    expect(namingSupplement.length).toBe(supplements.length);
  });
});

describe('evaluating again', () => {
  const stored = async () =>
    (await RiskFlag.findAll({ order: [['id', 'ASC']], raw: true })).map((f) => ({
      ...f,
      evaluatedAt: null,
      updatedAt: null,
      amount: Number(f.amount).toFixed(2),
      score: Number(f.score).toFixed(2),
    }));

  it('on the same data creates no flag and changes none', async () => {
    const before = await stored();
    const runs = await evaluateRisk();
    expect(runs.length).toBe(RISK_RULE_CODES.length);
    for (const run of runs)
      expect({ rule: run.rule, created: run.created, updated: run.updated, reopened: run.reopened, cleared: run.cleared }).toEqual({
        rule: run.rule,
        created: 0,
        updated: 0,
        reopened: 0,
        cleared: 0,
      });
    expect(await stored()).toEqual(before);
  });

  it('clears a flag whose case is gone (已消除, with its time) and leaves the others open', async () => {
    const lateFiling = await RiskFlag.findOne({
      where: { rule: 'lateContractFiling', regionCode: '360121', status: 'open' },
      order: [['id', 'ASC']],
    });
    const mismatch = await RiskFlag.findOne({
      where: { rule: 'paymentMismatch', regionCode: { [Op.like]: '3607%' }, status: 'open' },
      order: [['id', 'ASC']],
    });
    const openBefore = (await openFlags()).length;

    // The contract was in fact filed the day after signing; the voucher to another payee was a wrong import.
    const contract = (await ContractFiling.findByPk(Number(lateFiling!.subjectId)))!;
    const nextDay = new Date(`${contract.signedAt}T16:00:00+08:00`).getTime() + 86_400_000;
    await contract.update({ filedAt: new Date(nextDay) }, { hooks: false });
    const paid = (await ContractFiling.findByPk(Number(mismatch!.subjectId)))!;
    const vouchers = await PaymentVoucher.findAll({ where: { contractNo: paid.contractNo } });
    const toOthers = vouchers.filter((v) => v.payeeName !== paid.supplierName);
    expect(toOthers.length).toBe(1);
    await toOthers[0]!.destroy();

    const runs = await evaluateRisk(['lateContractFiling', 'paymentMismatch']);
    expect(runs.map((r) => [r.rule, r.cleared, r.created])).toEqual([
      ['lateContractFiling', 1, 0],
      ['paymentMismatch', 1, 0],
    ]);
    for (const flag of [lateFiling!, mismatch!]) {
      await flag.reload();
      expect(flag.status).toBe('cleared');
      expect(flag.clearedAt).toBeInstanceOf(Date);
    }
    expect((await openFlags()).length).toBe(openBefore - 2);
  });
});
