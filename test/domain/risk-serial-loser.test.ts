import { describe, expect, it } from '@jest/globals';
import { serialLoser, type LoserAwardInput, type LoserRegistrationInput } from '../../domain/risk/serial-loser.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ minRegistrations: 3, fenceMultiplier: 1.5 }, { default: 'orange' });

/** A supplier that registered for `projects` (in 2026 unless said) and won `won` of them. */
function supplier(code: string, projects: number[], won: number[], over: Partial<LoserRegistrationInput> = {}) {
  return {
    registrations: projects.map((projectId) => ({
      projectId,
      regionCode: '360121',
      supplierName: `供应商${code}`,
      supplierCreditCode: code,
      status: 'registered',
      registeredAt: '2026-04-01T09:00:00+08:00',
      ...over,
    })),
    awards: won.map((projectId) => ({ projectId, supplierCreditCode: code, awardAmount: '100000.00' })),
  };
}

/** Every project 1..40 decided: won by someone outside the registrations unless a supplier won it. */
function run(...suppliers: Array<ReturnType<typeof supplier>>) {
  const registrations = suppliers.flatMap((s) => s.registrations);
  const won = suppliers.flatMap((s) => s.awards);
  const others: LoserAwardInput[] = Array.from({ length: 40 }, (_, i) => i + 1)
    .filter((p) => !won.some((a) => a.projectId === p))
    .map((projectId) => ({ projectId, supplierCreditCode: 'OUTSIDER', awardAmount: '200000.00' }));
  return serialLoser({ registrations, awards: [...won, ...others] }, settings, RISK_CONTEXT);
}

// Four suppliers that win half of what they enter: Q1 = Q3 = 50%, or with the loser in, Q1 ≈ 33.3%, fence ≈ 8.3%.
const halfWinners = [supplier('A', [1, 2], [1]), supplier('B', [3, 4], [3]), supplier('C', [5, 6], [5]), supplier('D', [7, 8], [7])];

describe('陪标专业户 serialLoser (lower fence Q1 − 1.5·IQR, at least 3 decided projects)', () => {
  it.each([
    ['lost 3 of 3 (at the minimum)', supplier('L', [11, 12, 13], []), 1],
    ['lost 2 of 2 (below the minimum)', supplier('L', [11, 12], []), 0],
    ['won 2 of 3 (67%, above the fence)', supplier('L', [11, 12, 13], [11, 12]), 0],
    ['withdrawn registrations do not count', supplier('L', [11, 12, 13], [], { status: 'withdrawn' }), 0],
  ])('%s', (_what, loser, flags) => {
    expect(run(...halfWinners, loser)).toHaveLength(flags);
  });

  it('projects not yet decided do not count', () => {
    const loser = supplier('L', [11, 12, 41], []);
    expect(run(...halfWinners, loser)).toEqual([]);
  });

  it('at the fence counts: where most suppliers win nothing the fence is 0', () => {
    const zeros = ['B', 'E', 'F', 'G', 'H'].map((code, i) => supplier(code, [20 + 2 * i, 21 + 2 * i], []));
    const flags = run(supplier('A', [1, 2, 3], []), ...zeros, supplier('C', [6, 7, 8], [6]), supplier('L', [11, 12, 13], []));
    expect(flags.map((f) => f.subjectId)).toEqual(['A', 'L']);
    expect(flags[0]!.figures['2026年']).toContain('下四分位数 0.00%、上四分位数 0.00%，下限 0.00%');
  });

  it('each year counts on its own', () => {
    const split = [supplier('L', [11, 12], [], { registeredAt: '2025-06-01' }), supplier('L', [13], [])];
    expect(run(...halfWinners, ...split)).toEqual([]);
  });

  it('names the year, its figures and the region that holds its registrations', () => {
    const flags = run(
      ...halfWinners,
      supplier('L', [11, 12], [], { regionCode: '360121' }),
      supplier('L', [13], [], { regionCode: '360102' }),
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      subjectType: 'Supplier',
      subjectId: 'L',
      subjectLabel: '供应商L',
      regionCode: '360100',
      amount: '600000.00',
      severity: 'orange',
      figures: {
        '2026年': '报名已定标项目 3 个，中标 0 个，中标率 0.00%；全省供应商中标率下四分位数 33.33%、上四分位数 50.00%，下限 8.33%',
        未中标项目的中标金额合计: '600,000.00 元',
      },
    });
  });

  it('raises nothing for a registration without a date', () => {
    expect(run(...halfWinners, supplier('L', [11, 12, 13], [], { registeredAt: null }))).toEqual([]);
  });
});
