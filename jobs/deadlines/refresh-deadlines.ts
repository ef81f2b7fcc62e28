import { Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import { recordAudit } from '../../actions/audit.js';
import { deadlineStatus, escalationRegion, lateFilingDays } from '../../domain/deadlines.js';
import { DEADLINE_STEP_DEFS } from '../../resources/deadlines/deadline-steps.js';
import { ContractFiling } from '../../resources/filings/contract-filing.model.js';
import { Escalation } from '../../resources/system/escalation.model.js';
import type { DeadlineRules } from '../../server/deadline-rules.js';

/** A calendar day in China, whatever the server's time zone. */
export function chinaDay(at: Date | string): string {
  const time = at instanceof Date ? at.getTime() : Date.parse(at.length === 10 ? `${at}T00:00:00+08:00` : at);
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface DeadlineRun { refreshed: number; cleared: number; lateFilings: number; escalated: number }

/**
 * Keeps every pending record's due date and overdue days current (the lists filter on them), clears them on records
 * that no longer wait, flags late contract filings, and reports records overdue beyond the configured margin to the
 * parent region, once per record, step and due date. Safe to run any number of times a day.
 */
export async function refreshDeadlines(rules: DeadlineRules, today: string): Promise<DeadlineRun> {
  const run: DeadlineRun = { refreshed: 0, cleared: 0, lateFilings: 0, escalated: 0 };
  for (const def of DEADLINE_STEP_DEFS) {
    const limit = rules.steps[def.step].workingDays;
    const rows = await def.model.findAll({ where: def.pending });
    for (const row of rows) {
      const values = row.get() as Record<string, unknown>;
      const start = def.startOf(values);
      if (!start) continue;
      const status = deadlineStatus(chinaDay(start as Date | string), limit, today, rules.calendar);
      const changes = { dueDate: status.dueDate, overdueDays: status.overdueDays, overdue: status.overdueDays > 0 };
      if (values.dueDate !== changes.dueDate || values.overdueDays !== changes.overdueDays || values.overdue !== changes.overdue) {
        await def.model.update(changes, { where: { id: values.id } as WhereOptions, silent: true, hooks: false });
        run.refreshed += 1;
      }
      if (status.overdueDays > rules.escalateAfterWorkingDays) {
        if (await escalate(def, values, status.dueDate, status.overdueDays)) run.escalated += 1;
      }
    }
    const [cleared] = await def.model.update(
      { dueDate: null, overdueDays: 0, overdue: false },
      { where: { [Op.and]: [{ [Op.not]: def.pending }, { [Op.or]: [{ overdue: true }, { dueDate: { [Op.ne]: null } }] }] } as WhereOptions, silent: true, hooks: false },
    );
    run.cleared += cleared;
    const stillPending = new Set(rows.map((r) => String(r.get('id'))));
    const open = await Escalation.findAll({ where: { resourceId: def.resourceId, resolved: false }, attributes: ['id', 'recordId'] });
    const done = open.filter((e) => !stillPending.has(e.recordId)).map((e) => e.id);
    if (done.length) await Escalation.update({ resolved: true }, { where: { id: { [Op.in]: done } } });
  }
  run.lateFilings = await flagLateFilings(rules);
  return run;
}

async function escalate(def: (typeof DEADLINE_STEP_DEFS)[number], values: Record<string, unknown>, dueDate: string, overdueDays: number): Promise<boolean> {
  const region = String(values[def.regionField]);
  const target = escalationRegion(region);
  if (!target) return false;
  try {
    await Escalation.create({
      step: def.step, resourceId: def.resourceId, recordId: String(values.id), recordTitle: String(values[def.titleField] ?? values.id),
      regionCode: region, escalatedTo: target, dueDate, overdueDays, escalatedAt: new Date(),
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) return false;
    throw error;
  }
  await recordAudit({
    user: null, action: 'escalateOverdue', resourceId: def.resourceId, recordId: String(values.id), regionCode: region,
    reason: `超过办理时限（${dueDate} 到期）${overdueDays} 个工作日，已上报辖区 ${target}`,
  });
  return true;
}

/** 政府采购法 art. 47: filed later than the limit after signing. Read in pages so a large table stays cheap. */
async function flagLateFilings(rules: DeadlineRules): Promise<number> {
  const limit = rules.steps.contractFiling.workingDays;
  let after = 0;
  let late = 0;
  for (;;) {
    const page: ContractFiling[] = await ContractFiling.findAll({
      where: { id: { [Op.gt]: after }, signedAt: { [Op.ne]: null } }, attributes: ['id', 'signedAt', 'filedAt', 'lateFilingDays'],
      order: [['id', 'ASC']], limit: 1000,
    });
    if (!page.length) break;
    for (const filing of page) {
      const days = lateFilingDays(String(filing.signedAt), chinaDay(filing.filedAt), limit, rules.calendar);
      if (days > 0) late += 1;
      if (days !== filing.lateFilingDays) {
        await ContractFiling.update({ lateFilingDays: days, lateFiling: days > 0 }, { where: { id: filing.id }, silent: true, hooks: false });
      }
    }
    after = page[page.length - 1]!.id;
  }
  return late;
}
