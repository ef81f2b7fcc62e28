import { Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import { recordAudit } from '../../services/audit.js';
import { regionNameOf } from '../../services/office-names.js';
import { chinaDay } from '../../domain/dates.js';
import { deadlineStatus, lateFilingDays } from '../../domain/deadlines.js';
import { escalationTarget } from '../../domain/escalation-target.js';
import { DEADLINE_STEP_DEFS } from '../../services/deadlines/deadline-steps.js';
import { closeEscalations } from '../../services/deadlines/settle-deadlines.js';
import { ContractFiling } from '../../db/models/filings/contract-filing.model.js';
import { Escalation } from '../../db/models/system/escalation.model.js';
import type { DeadlineRules } from '../../settings/deadline-rules.js';

export interface DeadlineRun {
  refreshed: number;
  cleared: number;
  lateFilings: number;
  escalated: number;
}

/**
 * Keeps every pending record's due date and overdue days current (the lists filter on them), clears them on records
 * that no longer wait, flags late contract filings, and reports records overdue beyond the configured margin to the
 * office above the one that must decide them, once per record, step and due date. Safe to run any number of times a day.
 */
export async function refreshDeadlines(rules: DeadlineRules, today: string): Promise<DeadlineRun> {
  const run: DeadlineRun = { refreshed: 0, cleared: 0, lateFilings: 0, escalated: 0 };
  for (const def of DEADLINE_STEP_DEFS) {
    const limit = rules.steps[def.step].workingDays;
    const rows = (await def.model.findAll({ where: def.pending })).map((row) => row.get() as Record<string, unknown>);
    // Rows that change the same way are updated together: one statement per due date and lateness, not per row.
    const groups = new Map<string, { dueDate: string; overdueDays: number; ids: unknown[] }>();
    const overdue: Array<{ values: Record<string, unknown>; dueDate: string; overdueDays: number }> = [];
    const current = new Map<string, string | null>();
    for (const values of rows) {
      const start = def.startOf(values);
      if (!start) continue;
      const status = deadlineStatus(chinaDay(start as Date | string), limit, today, rules.calendar);
      current.set(String(values.id), status.dueDate);
      if (values.dueDate !== status.dueDate || values.overdueDays !== status.overdueDays || values.overdue !== status.overdueDays > 0) {
        const key = `${status.dueDate}:${status.overdueDays}`;
        const group = groups.get(key) ?? { dueDate: status.dueDate, overdueDays: status.overdueDays, ids: [] };
        group.ids.push(values.id);
        groups.set(key, group);
      }
      if (status.overdueDays > rules.escalateAfterWorkingDays)
        overdue.push({ values, dueDate: status.dueDate, overdueDays: status.overdueDays });
    }
    for (const group of groups.values()) {
      await def.model.update(
        { dueDate: group.dueDate, overdueDays: group.overdueDays, overdue: group.overdueDays > 0 },
        { where: { id: { [Op.in]: group.ids } } as WhereOptions, silent: true, hooks: false },
      );
      run.refreshed += group.ids.length;
    }
    const [cleared] = await def.model.update(
      { dueDate: null, overdueDays: 0, overdue: false },
      {
        where: { [Op.and]: [{ [Op.not]: def.pending }, { [Op.or]: [{ overdue: true }, { dueDate: { [Op.ne]: null } }] }] } as WhereOptions,
        silent: true,
        hooks: false,
      },
    );
    run.cleared += cleared;
    run.escalated += await escalate(def, overdue);
    // Decisions close their escalations themselves; this catches a record that left its step some other way.
    const open = await Escalation.findAll({ where: { resourceId: def.resourceId, resolved: false }, attributes: ['recordId'] });
    await closeEscalations(def.resourceId, [...new Set(open.map((e) => e.recordId))], current, {
      by: '系统',
      decision: '每日核对：该环节已办结',
      at: new Date(),
    });
  }
  run.lateFilings = await flagLateFilings(rules);
  return run;
}

/** Reports what is not reported yet (one row per record, step and due date) and audits each report. */
async function escalate(
  def: (typeof DEADLINE_STEP_DEFS)[number],
  overdue: Array<{ values: Record<string, unknown>; dueDate: string; overdueDays: number }>,
): Promise<number> {
  const candidates = overdue
    .map(({ values, dueDate, overdueDays }) => ({ values, dueDate, overdueDays, region: String(values[def.regionField]) }))
    .map((c) => ({ ...c, target: escalationTarget(def.step, c.region, c.values.state as string | undefined) }))
    .filter((c): c is typeof c & { target: string } => c.target !== null);
  if (!candidates.length) return 0;
  const known = new Set(
    (
      await Escalation.findAll({
        where: { resourceId: def.resourceId, step: def.step, recordId: { [Op.in]: candidates.map((c) => String(c.values.id)) } },
        attributes: ['recordId', 'dueDate'],
      })
    ).map((e) => `${e.recordId}:${e.dueDate}`),
  );
  const fresh = candidates.filter((c) => !known.has(`${String(c.values.id)}:${c.dueDate}`));
  let created = 0;
  for (const c of fresh) {
    try {
      await Escalation.create({
        step: def.step,
        resourceId: def.resourceId,
        recordId: String(c.values.id),
        recordTitle: String(c.values[def.titleField] ?? c.values.id),
        regionCode: c.region,
        escalatedTo: c.target,
        dueDate: c.dueDate,
        overdueDays: c.overdueDays,
        escalatedAt: new Date(),
      });
    } catch (error) {
      // Another worker's run got there first: reported once is what matters.
      if (error instanceof UniqueConstraintError) continue;
      throw error;
    }
    created += 1;
    await recordAudit({
      user: null,
      action: 'escalateOverdue',
      resourceId: def.resourceId,
      recordId: String(c.values.id),
      regionCode: c.region,
      reason: `超过办理时限（${c.dueDate} 到期）${c.overdueDays} 个工作日，已上报${await regionNameOf(c.target)}`,
    });
  }
  return created;
}

/** 政府采购法 art. 47: filed later than the limit after signing. Read in pages so a large table stays cheap. */
async function flagLateFilings(rules: DeadlineRules): Promise<number> {
  const limit = rules.steps.contractFiling.workingDays;
  let after = 0;
  let late = 0;
  for (;;) {
    const page: ContractFiling[] = await ContractFiling.findAll({
      where: { id: { [Op.gt]: after }, signedAt: { [Op.ne]: null } },
      attributes: ['id', 'signedAt', 'filedAt', 'lateFilingDays'],
      order: [['id', 'ASC']],
      limit: 1000,
    });
    if (!page.length) break;
    const changed = new Map<number, number[]>();
    for (const filing of page) {
      const days = lateFilingDays(String(filing.signedAt), chinaDay(filing.filedAt), limit, rules.calendar);
      if (days > 0) late += 1;
      if (days !== filing.lateFilingDays) changed.set(days, [...(changed.get(days) ?? []), filing.id]);
    }
    for (const [days, ids] of changed) {
      await ContractFiling.update(
        { lateFilingDays: days, lateFiling: days > 0 },
        { where: { id: { [Op.in]: ids } }, silent: true, hooks: false },
      );
    }
    after = page[page.length - 1]!.id;
  }
  return late;
}
