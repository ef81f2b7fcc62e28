import { col, fn, literal, Op } from 'sequelize';
import { unfoundedShare } from '../../domain/risk/case-workflow.js';
import { RISK_RULE_LABELS, type RiskRuleCode } from '../../domain/risk/rule-codes.js';
import { chunksOf } from '../../domain/chunks.js';
import { jurisdictionWhere, type SessionUser } from '../../db/jurisdiction-scope.js';
import { Region, RiskFlag, SupervisionCase } from '../../db/models.js';

export interface FlagsByRegion {
  regionCode: string;
  regionName: string;
  red: number;
  orange: number;
  yellow: number;
}

export interface UnfoundedByRule {
  rule: string;
  label: string;
  concluded: number;
  unfounded: number;
  /** 0–1: the concluded cases of the rule's flags found 不属实. */
  share: number;
}

/**
 * Open flags by region and severity, within the user's jurisdiction: per city for the province, per county (and the
 * city itself) for a city, the county alone for a county, as the workbench's other regional chart.
 */
export async function flagsByRegion(user: SessionUser): Promise<FlagsByRegion[]> {
  const scope = jurisdictionWhere(RiskFlag.jurisdiction, user);
  if (scope === null) return [];
  const groupExpr =
    user.role === 'admin' || user.role === 'province' || user.role === 'gongguanban'
      ? literal(`substr(region_code, 1, 4) || '00'`)
      : literal('region_code');
  const rows = (await RiskFlag.findAll({
    attributes: [[groupExpr, 'region'], 'severity', [fn('COUNT', col('id')), 'n']],
    where: { [Op.and]: [scope, { status: 'open' }] },
    group: [groupExpr as never, 'severity'],
    raw: true,
  })) as unknown as Array<{ region: string; severity: 'red' | 'orange' | 'yellow'; n: number | string }>;
  const byRegion = new Map<string, FlagsByRegion>();
  for (const row of rows) {
    const entry = byRegion.get(row.region) ?? { regionCode: row.region, regionName: row.region, red: 0, orange: 0, yellow: 0 };
    if (row.severity in entry) entry[row.severity] += Number(row.n);
    byRegion.set(row.region, entry);
  }
  const codes = [...byRegion.keys()].sort();
  const names = new Map((await Region.findAll({ where: { code: { [Op.in]: codes } } })).map((r) => [r.code, r.name]));
  return codes.map((code) => ({ ...byRegion.get(code)!, regionName: names.get(code) ?? code }));
}

/**
 * Per rule, the share of concluded cases found 不属实: how often the rule's flags were false alarms, for the province
 * to tune its thresholds. A case opened from flags of several rules counts once for each.
 */
export async function unfoundedByRule(): Promise<UnfoundedByRule[]> {
  const concluded = await SupervisionCase.findAll({ attributes: ['id', 'conclusion'], where: { status: 'concluded' }, raw: true });
  const conclusionOf = new Map(concluded.map((c) => [c.id, c.conclusion]));
  const pairs = new Set<string>();
  const cases: Array<{ rule: string; conclusion: string | null }> = [];
  for (const ids of chunksOf([...conclusionOf.keys()], 1000)) {
    const flags = await RiskFlag.findAll({ attributes: ['rule', 'caseId'], where: { caseId: { [Op.in]: ids } }, raw: true });
    for (const flag of flags) {
      const key = `${flag.rule}:${flag.caseId}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      cases.push({ rule: flag.rule, conclusion: conclusionOf.get(flag.caseId!) ?? null });
    }
  }
  return unfoundedShare(cases).map((r) => ({ ...r, label: RISK_RULE_LABELS[r.rule as RiskRuleCode] ?? r.rule }));
}
