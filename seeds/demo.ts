import fs from 'node:fs';
import type { Sequelize } from 'sequelize';
import { budgetCodeVerdict } from '../domain/budget-code-verdict.js';
import type { Role } from '../domain/jurisdiction.js';
import { normaliseUsername, passwordWeakness } from '../domain/user-rules.js';
import { Affiliation, IntegrationUnit, ProcurementUnit, Region, SupervisorUser } from '../db/models.js';
import { seedDemoAgreement } from './demo-agreement.js';
import { seedDemoAnomaliesAndExperts } from './demo-anomalies-experts.js';
import { seedDemoIntegration, seedDemoPushHistory } from './demo-integration.js';
import { seedDemoPlan } from './demo-plan.js';
import { seedDemoPreTrade } from './demo-pre-trade.js';
import { RISK_DEMO_REGIONS, seedDemoRisk } from './demo-risk.js';
import { completePushes, officeOf, type DemoPush } from './demo-pushes.js';
import { createRandom } from './random.js';
import { randomCreditCode } from './random-credit-code.js';
import { hashPassword } from '../services/password-hash.js';
import { passwordRules } from '../settings/password-policy.js';
import { evaluateRisk } from '../services/risk/evaluate-risk.js';
import { seedDemoCase } from './demo-case.js';

interface RegionRow {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

export const JIANGXI_REGIONS: RegionRow[] = JSON.parse(fs.readFileSync(new URL('./jiangxi-regions.json', import.meta.url), 'utf8'));

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: Role; regionCode: string }> = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: '360000' },
  { username: 'province', displayName: '省采购监管处', role: 'province', regionCode: '360000' },
  { username: 'nanchang', displayName: '南昌市采购办', role: 'city', regionCode: '360100' },
  { username: 'nanchangxian', displayName: '南昌县采购办', role: 'county', regionCode: '360121' },
  { username: 'ganzhou', displayName: '赣州市采购办', role: 'city', regionCode: '360700' },
  { username: 'gongguanban', displayName: '省公管办', role: 'gongguanban', regionCode: '360000' },
  // 三员分立: the security and the audit administrator beside the system administrator, one account each (added last,
  // so the accounts before them keep their ids).
  { username: 'security', displayName: '安全管理员', role: 'security', regionCode: '360000' },
  { username: 'auditor', displayName: '审计管理员', role: 'auditor', regionCode: '360000' },
];

/** Regions that get a full set of demo business data; a few districts get some too, so cities see their counties. */
export const DEMO_REGIONS = ['360000', '360100', '360121', '360700', '360102', '360702'];

const DEPARTMENTS = [
  '教育局',
  '卫生健康委员会',
  '财政局',
  '公安局',
  '自然资源局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '民政局',
  '生态环境局',
  '住房和城乡建设局',
  '文化广电旅游局',
  '市场监督管理局',
  '应急管理局',
  '人力资源和社会保障局',
];
const SUBORDINATES = ['第一中学', '人民医院', '实验小学', '疾病预防控制中心', '档案馆', '图书馆', '中心幼儿园', '职业技术学校'];
const BRANCHES = ['', '东区分部', '西区分部', '南区分部', '北区分部', '红谷滩分部', '青山湖分部', '高新区分部', '经开区分部', '湾里分部'];

/** A load-test copy (`scale` > 1) of a unit is a branch of it, so every name stays distinct and reads as a real one. */
function branchOf(copy: number): string {
  return BRANCHES[copy] ?? `第${'一二三四五六七八九十'[copy % 10]}${copy >= 10 ? '批' : ''}分部`;
}

export interface SeedOptions {
  password: string;
  scale?: number;
  now?: Date;
}

export async function seedReferenceData(): Promise<void> {
  await Region.bulkCreate(JIANGXI_REGIONS, { ignoreDuplicates: true });
}

/** The demo users pass the same rules as users an administrator creates: a weak DEMO_PASSWORD stops the seed. */
export async function seedDemoUsers(password: string): Promise<void> {
  for (const user of DEMO_USERS) {
    const weakness = passwordWeakness(password, user.username, { ...passwordRules(), refused: [] });
    if (weakness) throw new Error(`演示密码 DEMO_PASSWORD 不能用于用户 ${user.username}：${weakness}`);
  }
  const passwordHash = await hashPassword(password);
  for (const user of DEMO_USERS) {
    const username = normaliseUsername(user.username);
    await SupervisorUser.findOrCreate({
      where: { username },
      defaults: { ...user, username, passwordHash, passwordChangedAt: new Date(), lastLoginAt: null },
    });
  }
}

/**
 * Demo business data, the same on every run and database. Skipped when units already exist, so a restart never
 * duplicates rows; `scale` multiplies the per-region counts for load checks.
 */
export async function seedDemoBusinessData(sequelize: Sequelize, options: { scale?: number; now?: Date } = {}): Promise<boolean> {
  if ((await ProcurementUnit.count()) > 0) return false;
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const now = options.now ?? new Date('2026-11-20T09:00:00+08:00');
  const random = createRandom(20261125);
  const regionName = new Map(JIANGXI_REGIONS.map((r) => [r.code, r.name]));
  const day = (n: number): Date => new Date(now.getTime() - n * 86_400_000);

  const pushes: DemoPush[] = [];
  await sequelize.transaction(async (transaction) => {
    let serial = 0;
    for (const regionCode of DEMO_REGIONS) {
      const place = regionCode === '360000' ? '江西省' : regionName.get(regionCode)!;
      const units: ProcurementUnit[] = [];
      const integration: Array<{
        unitBudgetCode: string;
        unitName: string;
        creditCode: string;
        regionCode: string;
        sourceUpdatedAt: Date;
      }> = [];
      const plan: Array<{ status: 'submitted' | 'approved' | 'returned' | 'draft'; twist?: 'mismatch' | 'missing' }> = [];
      for (let s = 0; s < scale; s++) {
        plan.push({ status: 'approved' }, { status: 'approved' }, { status: 'approved' }, { status: 'approved' });
        plan.push({ status: 'submitted', twist: 'mismatch' }, { status: 'submitted', twist: 'missing' });
        plan.push({ status: 'submitted' }, { status: 'submitted' }, { status: 'submitted' }, { status: 'submitted' });
        plan.push({ status: 'returned' }, { status: 'draft', twist: 'mismatch' });
      }
      for (const [i, item] of plan.entries()) {
        serial += 1;
        const isDepartment = i % 12 < 4;
        const dept = DEPARTMENTS[(i + serial) % DEPARTMENTS.length]!;
        const name = isDepartment
          ? `${place}${dept}${branchOf(Math.floor(i / 12))}`
          : `${place}${SUBORDINATES[(i % 12) % SUBORDINATES.length]}${branchOf(Math.floor(i / 12))}`;
        const unitBudgetCode = `${regionCode}${String(i + 1).padStart(4, '0')}`;
        const code = randomCreditCode(random, regionCode, isDepartment ? '1' : '2');
        const integrationCode =
          item.twist === 'missing' ? null : item.twist === 'mismatch' ? `${regionCode}${String(i + 501).padStart(4, '0')}` : unitBudgetCode;
        if (integrationCode) {
          integration.push({
            unitBudgetCode: integrationCode,
            unitName: name,
            creditCode: code,
            regionCode,
            sourceUpdatedAt: day(40 + i),
          });
        }
        const submittedAt = item.status === 'draft' ? null : day(random.int(1, 25));
        units.push(
          await ProcurementUnit.create(
            {
              name,
              creditCode: code,
              unitBudgetCode,
              regionCode,
              address: `${place}${random.pick(['府前路', '红谷中大道', '八一大道', '章江路', '长征大道'])}${random.int(1, 999)}号`,
              contactName:
                random.pick(['王', '李', '张', '刘', '陈', '杨', '黄', '赵']) + random.pick(['伟', '芳', '敏', '静', '磊', '洋', '婷']),
              phone: `0791-8${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
              status: item.status,
              formalMember: item.status === 'approved',
              integrationBudgetCode: integrationCode,
              budgetCodeVerdict: budgetCodeVerdict(unitBudgetCode, integrationCode),
              submittedAt,
              reviewedAt: item.status === 'approved' || item.status === 'returned' ? day(random.int(0, 1)) : null,
              reviewerName: item.status === 'approved' || item.status === 'returned' ? '演示审核员' : null,
              reviewComment: item.status === 'returned' ? '单位预算编码与一体化不一致，请核对后重新提交' : null,
            },
            { transaction },
          ),
        );
      }
      await IntegrationUnit.bulkCreate(integration, { transaction });

      const supervising = units.filter((u) => u.status === 'approved');
      const office = await officeOf(regionCode, transaction);
      pushes.push(...(await seedDemoIntegration(regionCode, supervising, office, random, day, transaction)));
      await seedDemoPlan(regionCode, supervising, random, day, transaction);
      await seedDemoAnomaliesAndExperts(regionCode, supervising, random, day, transaction);
      await seedDemoPreTrade(regionCode, supervising, day, transaction);
      pushes.push(...(await seedDemoPushHistory(regionCode, supervising, office, day, transaction)));
      const subordinates = units.filter((u) => u.status !== 'approved');
      const statuses = ['pending', 'confirmed', 'unbound', 'confirmed', 'pending'] as const;
      for (const [i, sub] of subordinates.entries()) {
        const status = statuses[i % statuses.length]!;
        await Affiliation.create(
          {
            subordinateUnitId: sub.id,
            supervisingUnitId: supervising[i % supervising.length]!.id,
            regionCode,
            status,
            requestedAt: day(30 + i),
            confirmedAt: status === 'pending' ? null : day(20 + i),
            unboundAt: status === 'unbound' ? day(5) : null,
            unboundBy: status === 'unbound' ? '演示审核员' : null,
            unbindReason: status === 'unbound' ? '下级单位误选主管预算单位' : null,
          },
          { transaction },
        );
      }
    }
    await seedDemoAgreement(random, day, transaction);
    for (const regionCode of RISK_DEMO_REGIONS) await seedDemoRisk(regionCode, transaction);
  });
  // The push job runs on its own connections, so only on what the seed has committed, as after a real click.
  await completePushes(pushes);
  // The demo opens with the red flags the nightly job would have raised on these rows, and one case 南昌县 opened on
  // its highest-scored flag and questioned the unit about, as an office would through 立案 and 质询.
  await evaluateRisk();
  await seedDemoCase();
  return true;
}

export async function seedDemo(sequelize: Sequelize, options: SeedOptions): Promise<void> {
  await seedReferenceData();
  await seedDemoUsers(options.password);
  await seedDemoBusinessData(sequelize, options);
}
