import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaDay } from '../../domain/dates.js';
import { toFen } from '../../domain/money.js';
import {
  AcceptanceFiling,
  Affiliation,
  AgreementLibrary,
  AuditLog,
  BiddingQuote,
  BiddingRecord,
  ContractFiling,
  Expert,
  ExpertSpecialtyReview,
  FailedTenderHandling,
  ImportProductRequest,
  IntegrationBudget,
  IntegrationUnit,
  MethodChangeRequest,
  PaymentApplication,
  PaymentMiddleRecord,
  PaymentVoucher,
  PreAwardAnomaly,
  ProcurementIntention,
  ProcurementProject,
  PostAwardRecord,
  ProcurementUnit,
  ProjectBudgetLine,
  VirtualBudget,
  AgreementSupplier,
} from '../../db/models.js';
import type { Running } from '../../main/bootstrap.js';
import { startTestApp } from '../support/test-app.js';

/**
 * What a supervisor walking every menu of the demo would cross-check: each screen must agree with every other.
 * Every check first asserts it has something to look at, so an empty demo cannot pass it.
 */
let app: Running;
beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

/** An instant or a date-only value as the China day it falls on, so the two kinds compare. */
const dayOf = (value: Date | string): string => (typeof value === 'string' ? value.slice(0, 10) : chinaDay(value));
const instant = (value: Date | string): number => new Date(value).getTime();

describe('demo data agrees with itself', () => {
  it('every 已推送 filing has exactly one intermediate row with its contract, amount and budget line, and nothing else is there', async () => {
    const pushed = await ContractFiling.findAll({ where: { pushStatus: 'pushed' } });
    expect(pushed.length).toBeGreaterThan(0);
    const rows = await PaymentMiddleRecord.findAll();
    const lines = new Map((await IntegrationBudget.findAll()).map((b) => [b.budgetLineId, b]));
    const wrong: string[] = [];
    for (const filing of pushed) {
      const own = rows.filter((r) => r.sourceFilingId === filing.id);
      if (own.length !== 1) {
        wrong.push(`${filing.contractNo}: ${own.length} rows`);
        continue;
      }
      const row = own[0]!;
      const expected = {
        sourceVersion: filing.version,
        contractNo: filing.contractNo,
        contractName: filing.contractName,
        signedAt: filing.signedAt,
        amount: toFen(filing.amount),
        supplierName: filing.supplierName,
        budgetLineId: filing.budgetLineId,
        regionCode: filing.regionCode,
        unitBudgetCode: lines.get(filing.budgetLineId!)?.unitBudgetCode ?? null,
      };
      const actual = {
        sourceVersion: row.sourceVersion,
        contractNo: row.contractNo,
        contractName: row.contractName,
        signedAt: row.signedAt,
        amount: toFen(row.amount),
        supplierName: row.supplierName,
        budgetLineId: row.budgetLineId,
        regionCode: row.regionCode,
        unitBudgetCode: row.unitBudgetCode,
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        wrong.push(`${filing.contractNo}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      if (instant(row.pushedAt) > instant(filing.pushedAt!)) wrong.push(`${filing.contractNo}: written after it was marked pushed`);
    }
    const pushedIds = new Set(pushed.map((f) => f.id));
    for (const row of rows) if (!pushedIds.has(row.sourceFilingId)) wrong.push(`row of ${row.contractNo} without a pushed filing`);
    expect(wrong).toEqual([]);
  });

  it("every pushed filing's history shows the click and the completion at its push time", async () => {
    const pushed = await ContractFiling.findAll({ where: { pushStatus: 'pushed' } });
    expect(pushed.length).toBeGreaterThan(0);
    const audits = await AuditLog.findAll({ where: { resourceId: 'ContractFiling', recordId: pushed.map((f) => String(f.id)) } });
    const wrong: string[] = [];
    for (const filing of pushed) {
      const own = audits.filter((a) => a.recordId === String(filing.id));
      const clicks = own.filter((a) => a.action === 'pushToIntegration');
      const completions = own.filter((a) => a.action === 'pushCompleted');
      if (clicks.length < 1 || completions.length !== 1) {
        wrong.push(`${filing.contractNo}: ${clicks.length} clicks, ${completions.length} completions`);
        continue;
      }
      const completed = completions[0]!;
      if (Math.abs(instant(completed.createdAt) - instant(filing.pushedAt!)) > 1000)
        wrong.push(`${filing.contractNo}: completed ${completed.createdAt.toISOString()}, pushed ${filing.pushedAt!.toISOString()}`);
      if (clicks.some((c) => instant(c.createdAt) > instant(completed.createdAt)))
        wrong.push(`${filing.contractNo}: clicked after it completed`);
      if (clicks.some((c) => instant(c.createdAt) < instant(filing.filedAt)))
        wrong.push(`${filing.contractNo}: clicked before it was filed`);
    }
    expect(wrong).toEqual([]);
  });

  it("every 推送失败 filing's history shows the click and the failure with the error it shows", async () => {
    const failed = await ContractFiling.findAll({ where: { pushStatus: 'failed' } });
    expect(failed.length).toBeGreaterThan(0);
    const audits = await AuditLog.findAll({
      where: { resourceId: 'ContractFiling', recordId: failed.map((f) => String(f.id)) },
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const wrong: string[] = [];
    for (const filing of failed) {
      const own = audits.filter((a) => a.recordId === String(filing.id));
      const click = own.find((a) => a.action === 'pushToIntegration');
      const failure = own.filter((a) => a.action === 'pushFailed').at(-1);
      if (!click || !failure) {
        wrong.push(`${filing.contractNo}: ${click ? '' : 'no click '}${failure ? '' : 'no failure'}`);
        continue;
      }
      if (failure.reason !== filing.lastPushError)
        wrong.push(`${filing.contractNo}: shows ${filing.lastPushError}, history ${failure.reason}`);
      if (instant(click.createdAt) > instant(failure.createdAt)) wrong.push(`${filing.contractNo}: failed before it was clicked`);
      if (instant(click.createdAt) < instant(filing.filedAt)) wrong.push(`${filing.contractNo}: clicked before it was filed`);
    }
    expect(wrong).toEqual([]);
  });

  it('every matched budget line names an existing project of its unit, and all its uses belong to that project', async () => {
    const matched = await IntegrationBudget.findAll({ where: { matchStatus: 'matched' } });
    expect(matched.length).toBeGreaterThan(0);
    const projects = new Map((await ProcurementProject.findAll()).map((p) => [p.projectNo, p]));
    const projectById = new Map([...projects.values()].map((p) => [p.id, p]));
    const filings = await ContractFiling.findAll();
    const filingById = new Map(filings.map((f) => [f.id, f]));
    const projectLines = await ProjectBudgetLine.findAll({ where: { budgetKind: 'integrated' } });
    const vouchers = await PaymentVoucher.findAll();
    const payments = await PaymentApplication.findAll();
    const virtual = await VirtualBudget.findAll();
    const virtualUses = await ProjectBudgetLine.findAll({ where: { budgetKind: 'virtual' } });
    const wrong: string[] = [];
    for (const line of matched) {
      const project = projects.get(line.matchedProjectCode ?? '');
      const at = `${line.budgetLineId} (${line.matchedProjectCode})`;
      if (!project) {
        wrong.push(`${at}: no such project`);
        continue;
      }
      if (project.name !== line.matchedProjectName) wrong.push(`${at}: named ${line.matchedProjectName}, project is ${project.name}`);
      if (project.procurementUnitId !== line.procurementUnitId) wrong.push(`${at}: project of another unit`);
      if (project.budgetYear !== line.fiscalYear) wrong.push(`${at}: project of ${project.budgetYear}, line of ${line.fiscalYear}`);
      for (const use of projectLines.filter((u) => u.budgetNo === line.budgetLineId)) {
        if (use.projectId !== project.id) wrong.push(`${at}: budget of project ${projectById.get(use.projectId)?.projectNo}`);
      }
      const onLine = filings.filter((f) => f.budgetLineId === line.budgetLineId);
      for (const filing of onLine) {
        if (filing.projectName !== project.name || filing.procurementUnitId !== project.procurementUnitId)
          wrong.push(`${at}: used by filing ${filing.contractNo} of ${filing.projectName}`);
      }
      for (const payment of payments.filter((p) => onLine.some((f) => f.id === p.contractFilingId))) {
        if (payment.projectId !== project.id)
          wrong.push(`${at}: payment ${payment.applicationNo} of project ${projectById.get(payment.projectId)?.projectNo}`);
      }
      for (const voucher of vouchers.filter((v) => v.budgetLineId === line.budgetLineId)) {
        if (voucher.contractNo && !onLine.some((f) => f.contractNo === voucher.contractNo))
          wrong.push(`${at}: voucher ${voucher.voucherNo} pays ${voucher.contractNo}`);
      }
      for (const budget of virtual.filter((v) => v.linkedBudgetLineId === line.budgetLineId)) {
        const users = virtualUses.filter((u) => u.budgetNo === budget.budgetNo);
        if (users.some((u) => u.projectId !== project.id))
          wrong.push(`${at}: linked virtual budget ${budget.budgetNo} funds another project`);
      }
    }
    // A project's budget, a payment request's project and a filing all point at one line only if the line is theirs.
    for (const use of projectLines) {
      const line = matched.find((l) => l.budgetLineId === use.budgetNo);
      if (!line || line.matchedProjectCode !== projectById.get(use.projectId)?.projectNo)
        wrong.push(`project ${projectById.get(use.projectId)?.projectNo} budgets ${use.budgetNo}, not matched to it`);
    }
    for (const payment of payments) {
      const filing = filingById.get(payment.contractFilingId);
      const project = projectById.get(payment.projectId);
      if (!filing || !project || filing.projectName !== project.name)
        wrong.push(`payment ${payment.applicationNo}: contract ${filing?.contractNo} of ${filing?.projectName}, project ${project?.name}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every filing names an existing budget line of its unit and year; a line a pushed filing uses is matched', async () => {
    const filings = await ContractFiling.findAll({ where: { budgetType: 'integrated' } });
    expect(filings.length).toBeGreaterThan(0);
    const lines = new Map((await IntegrationBudget.findAll()).map((b) => [b.budgetLineId, b]));
    const wrong: string[] = [];
    for (const filing of filings) {
      const line = lines.get(filing.budgetLineId ?? '');
      if (!line) {
        wrong.push(`${filing.contractNo}: line ${filing.budgetLineId} does not exist`);
        continue;
      }
      if (line.procurementUnitId !== filing.procurementUnitId)
        wrong.push(`${filing.contractNo}: line ${line.budgetLineId} of another unit`);
      if (line.fiscalYear !== filing.budgetYear)
        wrong.push(`${filing.contractNo}: budget year ${filing.budgetYear}, line of ${line.fiscalYear}`);
      if (['pushed', 'queued'].includes(filing.pushStatus) && line.matchStatus !== 'matched')
        wrong.push(`${filing.contractNo}: pushed on unmatched line ${line.budgetLineId}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a filing on a virtual budget names an existing one of its unit and region', async () => {
    const filings = await ContractFiling.findAll({ where: { budgetType: 'virtual' } });
    expect(filings.length).toBeGreaterThan(0);
    const budgets = new Map((await VirtualBudget.findAll()).map((v) => [v.id, v]));
    const wrong = filings
      .filter((f) => {
        const budget = budgets.get(f.virtualBudgetId ?? 0);
        return !budget || budget.regionCode !== f.regionCode || budget.procurementUnitId !== f.procurementUnitId;
      })
      .map((f) => `${f.contractNo} → virtual budget ${f.virtualBudgetId}`);
    expect(wrong).toEqual([]);
  });

  it("支付审核, 查询 and the filing tell the same story of a contract's payments", async () => {
    const applications = await PaymentApplication.findAll({
      order: [
        ['appliedAt', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const records = await PostAwardRecord.findAll();
    const filings = new Map((await ContractFiling.findAll()).map((f) => [f.contractNo, f]));
    const onFiling = records.filter((r) => filings.has(r.contractNo));
    expect(applications.length).toBeGreaterThan(0);
    expect(onFiling.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const a of applications) {
      const approvedBefore = applications.filter(
        (b) =>
          b.contractFilingId === a.contractFilingId &&
          b.id !== a.id &&
          b.status === 'approved' &&
          instant(b.appliedAt) <= instant(a.appliedAt),
      );
      const sum = approvedBefore.reduce((total, b) => total + toFen(b.requestedAmount), 0);
      if (toFen(a.paidAmount) !== sum)
        wrong.push(`${a.applicationNo}: shows ${a.paidAmount} paid before it, approved before it ${sum / 100}`);
    }
    for (const filing of filings.values()) {
      const approved = applications
        .filter((a) => a.contractFilingId === filing.id && a.status === 'approved')
        .reduce((total, a) => total + toFen(a.requestedAmount), 0);
      if (toFen(filing.paidAmount) > approved && applications.some((a) => a.contractFilingId === filing.id))
        wrong.push(`${filing.contractNo}: 一体化 paid ${filing.paidAmount}, 支付审核 approved ${approved / 100}`);
    }
    for (const r of onFiling) {
      const f = filings.get(r.contractNo)!;
      const seen = [r.supplierName, toFen(r.contractAmount), r.signedAt, toFen(r.paidAmount)];
      const filed = [f.supplierName, toFen(f.amount), f.signedAt, toFen(f.paidAmount)];
      if (JSON.stringify(seen) !== JSON.stringify(filed))
        wrong.push(`查询 ${r.contractNo}: ${JSON.stringify(seen)}, 备案 ${JSON.stringify(filed)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('what 一体化 paid on a contract is what its filing shows as paid', async () => {
    const vouchers = await PaymentVoucher.findAll();
    const paid = vouchers.filter((v) => v.contractNo);
    expect(paid.length).toBeGreaterThan(0);
    const filings = await ContractFiling.findAll();
    const wrong: string[] = [];
    for (const filing of filings) {
      const total = paid.filter((v) => v.contractNo === filing.contractNo).reduce((sum, v) => sum + toFen(v.amount), 0);
      if (toFen(filing.paidAmount) !== total)
        wrong.push(`${filing.contractNo}: shows ${filing.paidAmount} paid, vouchers total ${total / 100}`);
      const voucherUnits = paid.filter((v) => v.contractNo === filing.contractNo && v.procurementUnitId !== filing.procurementUnitId);
      if (voucherUnits.length) wrong.push(`${filing.contractNo}: paid by another unit's voucher`);
      for (const v of paid.filter((p) => p.contractNo === filing.contractNo)) {
        if (filing.signedAt && dayOf(v.paidAt) < filing.signedAt)
          wrong.push(`${filing.contractNo}: paid ${dayOf(v.paidAt)} before signing ${filing.signedAt}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every pair of times is in order', async () => {
    const wrong: string[] = [];
    let pairs = 0;
    const inOrder = (what: string, earlier: Date | string | null | undefined, later: Date | string | null | undefined, dayOnly = false) => {
      if (earlier == null || later == null) return;
      pairs += 1;
      const ok = dayOnly ? dayOf(earlier) <= dayOf(later) : instant(earlier) <= instant(later);
      if (!ok)
        wrong.push(
          `${what}: ${String(earlier instanceof Date ? earlier.toISOString() : earlier)} > ${String(later instanceof Date ? later.toISOString() : later)}`,
        );
    };
    for (const l of await AgreementLibrary.findAll())
      inOrder(`商品库 ${l.name} created/initialised`, l.createdAt, l.categoriesInitializedAt);
    for (const u of await ProcurementUnit.findAll()) inOrder(`单位 ${u.name} submitted/reviewed`, u.submittedAt, u.reviewedAt);
    for (const a of await Affiliation.findAll()) {
      inOrder(`隶属关系 ${a.id} requested/confirmed`, a.requestedAt, a.confirmedAt);
      inOrder(`隶属关系 ${a.id} confirmed/unbound`, a.confirmedAt ?? a.requestedAt, a.unboundAt);
    }
    const filings = await ContractFiling.findAll();
    for (const f of filings) {
      inOrder(`合同 ${f.contractNo} signed/filed`, f.signedAt, f.filedAt, true);
      inOrder(`合同 ${f.contractNo} filed/pushed`, f.filedAt, f.pushedAt);
    }
    const filingById = new Map(filings.map((f) => [f.id, f]));
    for (const a of await AcceptanceFiling.findAll()) {
      const filing = filingById.get(a.contractFilingId)!;
      inOrder(`验收 ${filing.contractNo} accepted/filed`, a.acceptedAt, a.filedAt, true);
      inOrder(`验收 ${filing.contractNo} contract signed/accepted`, filing.signedAt, a.acceptedAt, true);
      inOrder(`验收 ${filing.contractNo} contract filed/acceptance filed`, filing.filedAt, a.filedAt);
    }
    for (const p of await PaymentApplication.findAll()) inOrder(`支付申请 ${p.applicationNo} applied/reviewed`, p.appliedAt, p.reviewedAt);
    for (const b of await BiddingRecord.findAll()) {
      inOrder(`竞价 ${b.biddingNo} start/end`, b.startAt, b.endAt);
      inOrder(`竞价 ${b.biddingNo} end/returned`, b.endAt, b.returnedAt);
    }
    const biddings = new Map((await BiddingRecord.findAll()).map((b) => [b.id, b]));
    for (const q of await BiddingQuote.findAll()) {
      const b = biddings.get(q.biddingId)!;
      inOrder(`报价 ${b.biddingNo} start/quoted`, b.startAt, q.quotedAt);
      inOrder(`报价 ${b.biddingNo} quoted/end`, q.quotedAt, b.endAt);
    }
    for (const s of await AgreementSupplier.findAll()) inOrder(`协议供应商 ${s.title} valid from/to`, s.validFrom, s.validTo, true);
    for (const e of await Expert.findAll()) inOrder(`专家 ${e.name} submitted/reviewed`, e.submittedAt, e.reviewedAt);
    for (const r of await ExpertSpecialtyReview.findAll()) {
      const steps = [r.appliedAt, r.cityReviewedAt, r.provinceReviewedAt, r.gongguanbanReviewedAt].filter((t): t is Date => t != null);
      for (let i = 1; i < steps.length; i += 1) inOrder(`评标专业 ${r.id} step ${i}`, steps[i - 1], steps[i]);
      inOrder(`评标专业 ${r.id} applied/returned`, steps[steps.length - 1], r.returnedAt);
    }
    for (const h of await FailedTenderHandling.findAll()) inOrder(`废标 ${h.projectNo} unit/supervisor`, h.unitApprovedAt, h.decidedAt);
    for (const h of await PreAwardAnomaly.findAll()) inOrder(`预中标异常 ${h.projectNo} unit/supervisor`, h.unitApprovedAt, h.decidedAt);
    for (const m of await MethodChangeRequest.findAll()) {
      inOrder(`变更方式 ${m.projectName} submitted/decided`, m.submittedAt, m.decidedAt);
      inOrder(`变更方式 ${m.projectName} notice`, m.noticeStartAt, m.noticeEndAt, true);
    }
    for (const m of await ImportProductRequest.findAll())
      inOrder(`进口产品 ${m.projectName} submitted/decided`, m.submittedAt, m.decidedAt);
    for (const i of await ProcurementIntention.findAll())
      inOrder(`意向 ${i.projectName} published/started`, i.publishedAt, i.procurementStartAt, true);
    for (const v of await VirtualBudget.findAll()) inOrder(`新增预算 ${v.budgetNo} created/linked`, v.createdAt, v.linkedAt);
    for (const v of await PaymentVoucher.findAll()) {
      const filing = filings.find((f) => f.contractNo === v.contractNo);
      if (filing) inOrder(`凭证 ${v.voucherNo} contract filed/paid`, filing.filedAt, v.paidAt);
    }
    expect(pairs).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it('unit names look real: none ends in a digit, each is distinct, and 一体化 names each unit as 主体管理 does', async () => {
    const units = await ProcurementUnit.findAll();
    expect(units.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const u of units) if (/[0-9０-９]$/.test(u.name)) wrong.push(u.name);
    const names = units.map((u) => u.name);
    for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) wrong.push(`${name} twice`);
    for (const i of await IntegrationUnit.findAll()) if (!names.includes(i.unitName)) wrong.push(`一体化单位 ${i.unitName} unknown`);
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const b of await IntegrationBudget.findAll()) {
      const unit = b.procurementUnitId ? byId.get(b.procurementUnitId) : undefined;
      if (unit && (unit.name !== b.unitName || unit.unitBudgetCode !== b.unitBudgetCode))
        wrong.push(`指标 ${b.budgetLineId} names ${b.unitName}, unit is ${unit.name}`);
    }
    expect(wrong).toEqual([]);
  });
});
