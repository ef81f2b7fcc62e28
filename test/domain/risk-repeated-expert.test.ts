import { describe, expect, it } from '@jest/globals';
import { repeatedExpert, type ExpertAssignmentInput } from '../../domain/risk/repeated-expert.js';
import { RISK_CONTEXT, settingsOf } from '../support/risk-settings.js';

const settings = settingsOf({ maxPerYear: 5 }, { default: 'orange' });
const seat = (projectId: number, over: Partial<ExpertAssignmentInput> = {}): ExpertAssignmentInput => ({
  expertId: 31,
  expertName: '王专家',
  expertRegionCode: '360100',
  projectId,
  procurementUnitId: 6,
  unitName: '某县教育局',
  agencyName: null,
  projectAmount: '100000.00',
  evaluatedAt: '2026-05-01',
  ...over,
});
const seats = (n: number, over: Partial<ExpertAssignmentInput> = {}) => Array.from({ length: n }, (_, i) => seat(i + 1, over));

describe('专家重复 repeatedExpert (more than 5 a year for one unit or agency)', () => {
  it.each([
    ['5 for one unit (at the limit)', seats(5), 0],
    ['6 for one unit', seats(6), 1],
    [
      '6 for different units, 3 each',
      [...seats(3), ...seats(3, { procurementUnitId: 7 }).map((s) => ({ ...s, projectId: s.projectId + 10 }))],
      0,
    ],
    ['6 for one agency across units', seats(6, { agencyName: '某招标代理公司' }).map((s, i) => ({ ...s, procurementUnitId: i })), 1],
    ['the same project twice counts once', [...seats(5), seat(5)], 0],
    ['6 over two years', [...seats(3), ...seats(3, { evaluatedAt: '2025-05-01' }).map((s) => ({ ...s, projectId: s.projectId + 10 }))], 0],
    ['no evaluation date', seats(6, { evaluatedAt: null }), 0],
  ])('%s', (_what, assignments, flags) => {
    expect(repeatedExpert(assignments, settings, RISK_CONTEXT)).toHaveLength(flags);
  });

  it('names the expert, the unit and the count', () => {
    const [flag] = repeatedExpert(seats(6), settings, RISK_CONTEXT);
    expect(flag).toMatchObject({
      subjectType: 'Expert',
      subjectId: '31',
      subjectLabel: '王专家',
      regionCode: '360100',
      amount: '600000.00',
      severity: 'orange',
      figures: { '2026年 采购单位 某县教育局': '评审 6 个项目', 涉及项目金额合计: '600,000.00 元' },
    });
  });
});
