import { col, fn, literal, Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { chinaDay } from '../../domain/dates.js';
import { METHOD_LABELS } from '../../domain/procurement-methods.js';
import type { JurisdictionKind } from '../../db/jurisdiction-kind.js';
import { jurisdictionWhere, type SessionUser } from '../../db/jurisdiction-scope.js';
import { AuditLog, ContractFiling, IntegrationBudget, PaymentVoucher, Region } from '../../db/models.js';
import { flagsByRegion, unfoundedByRule, type FlagsByRegion, type UnfoundedByRule } from './risk-charts.js';

export interface DashboardCharts {
  /** Last 30 days, oldest first. */
  pushesPerDay: Array<{ day: string; pushed: number; failed: number }>;
  /** Per city for the province, per county (and the city itself) for a city, the county alone for a county. */
  moneyByRegion: Array<{ regionCode: string; regionName: string; budget: number; contracted: number; paid: number }>;
  /** This year's contracted amount by procurement method. */
  methodShare: Array<{ method: string; label: string; amount: number }>;
  /** Open red flags by region and severity (风险预警), grouped as moneyByRegion. */
  flagsByRegion: FlagsByRegion[];
  /** The province only: per rule, the share of concluded cases found 不属实. */
  unfoundedByRule?: UnfoundedByRule[];
}

type Scoped = ModelStatic<Model> & { jurisdiction: JurisdictionKind };

function scopeOf(model: unknown, user: SessionUser, ...parts: WhereOptions[]): WhereOptions | null {
  const scope = jurisdictionWhere((model as Scoped).jurisdiction, user);
  return scope === null ? null : { [Op.and]: [scope, ...parts] };
}

/** The numbers behind the workbench's charts, each an aggregate under the list's jurisdiction rule. */
export async function dashboardCharts(user: SessionUser, now = new Date()): Promise<DashboardCharts> {
  const sequelize = AuditLog.sequelize!;
  const postgres = sequelize.getDialect() === 'postgres';

  const since = new Date(now.getTime() - 30 * 86_400_000);
  const days = Array.from({ length: 30 }, (_, i) => chinaDay(now.getTime() - (29 - i) * 86_400_000));
  const perDay = new Map(days.map((day) => [day, { day, pushed: 0, failed: 0 }]));
  const pushWhere = scopeOf(AuditLog, user, { action: { [Op.in]: ['pushCompleted', 'pushFailed'] }, createdAt: { [Op.gte]: since } });
  if (pushWhere) {
    // The day in China's time zone: PostgreSQL converts; SQLite stores UTC text, so the hours are added before cutting.
    const dayExpr = postgres
      ? literal(`to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`)
      : literal(`substr(datetime(substr(created_at, 1, 19), '+8 hours'), 1, 10)`);
    const rows = (await AuditLog.findAll({
      attributes: [[dayExpr, 'day'], 'action', [fn('COUNT', col('id')), 'n']],
      where: pushWhere,
      group: [dayExpr as never, 'action'],
      raw: true,
    })) as unknown as Array<{ day: string; action: string; n: number | string }>;
    for (const row of rows) {
      const entry = perDay.get(row.day);
      if (entry) entry[row.action === 'pushCompleted' ? 'pushed' : 'failed'] += Number(row.n);
    }
  }

  const groupExpr =
    user.role === 'admin' || user.role === 'province' || user.role === 'gongguanban'
      ? literal(`substr(region_code, 1, 4) || '00'`)
      : literal('region_code');
  const sums = async (model: unknown, amount: string, ...parts: WhereOptions[]) => {
    const where = scopeOf(model, user, ...parts);
    if (!where) return new Map<string, number>();
    const rows = (await (model as Scoped).findAll({
      attributes: [
        [groupExpr, 'region'],
        [fn('SUM', col(amount)), 'total'],
      ],
      where,
      group: [groupExpr as never],
      raw: true,
    })) as unknown as Array<{ region: string; total: number | string | null }>;
    return new Map(rows.map((r) => [r.region, Number(r.total ?? 0)]));
  };
  const [budget, contracted, paid] = await Promise.all([
    sums(IntegrationBudget, 'amount'),
    sums(ContractFiling, 'amount', { status: 'filed' }),
    sums(PaymentVoucher, 'amount', { regionCode: { [Op.ne]: null } }),
  ]);
  const codes = [...new Set([...budget.keys(), ...contracted.keys(), ...paid.keys()])].sort();
  const names = new Map((await Region.findAll({ where: { code: { [Op.in]: codes } } })).map((r) => [r.code, r.name]));
  const round = (n: number) => Math.round(n * 100) / 100;
  const moneyByRegion = codes.map((code) => ({
    regionCode: code,
    regionName: names.get(code) ?? code,
    budget: round(budget.get(code) ?? 0),
    contracted: round(contracted.get(code) ?? 0),
    paid: round(paid.get(code) ?? 0),
  }));

  const year = Number(chinaDay(now.getTime()).slice(0, 4));
  const methodWhere = scopeOf(ContractFiling, user, { status: 'filed', budgetYear: year });
  const methodRows = methodWhere
    ? ((await ContractFiling.findAll({
        attributes: ['procurementMethod', [fn('SUM', col('amount')), 'total']],
        where: methodWhere,
        group: ['procurementMethod'],
        raw: true,
      })) as unknown as Array<{ procurementMethod: string; total: number | string }>)
    : [];
  const methodShare = methodRows
    .map((r) => ({
      method: r.procurementMethod,
      label: METHOD_LABELS[r.procurementMethod as keyof typeof METHOD_LABELS] ?? r.procurementMethod,
      amount: round(Number(r.total)),
    }))
    .sort((a, b) => b.amount - a.amount);

  return {
    pushesPerDay: [...perDay.values()],
    moneyByRegion,
    methodShare,
    flagsByRegion: await flagsByRegion(user),
    ...(user.role === 'province' && { unfoundedByRule: await unfoundedByRule() }),
  };
}
