import { Op, type Model, type ModelStatic, type Transaction, type WhereOptions } from 'sequelize';
import { chunksOf } from '../../domain/chunks.js';
import { chinaDay } from '../../domain/dates.js';
import { deadlineStatus } from '../../domain/deadlines.js';
import { deadlineRules } from '../../settings/deadline-rules.js';
import { Escalation } from '../../db/models/system/escalation.model.js';
import { DEADLINE_STEP_DEFS } from './deadline-steps.js';

/** Who closed an escalation and with what: the decision's maker and its label, or the daily check. */
export interface Resolution {
  by: string;
  decision: string;
  at: Date;
}

const IDS_PER_STATEMENT = 1000;
// By model, not resource id: one model may be shown as several resources (废标 public tender / other methods).
const BY_MODEL = new Map<unknown, (typeof DEADLINE_STEP_DEFS)[number]>(DEADLINE_STEP_DEFS.map((def) => [def.model, def]));

/**
 * Closes open escalations of these records, except those still waiting on the same due date (the step they report is
 * not done yet). `current` maps a record still pending to its due date now; a record absent from it no longer waits.
 */
export async function closeEscalations(
  resourceId: string,
  recordIds: readonly string[],
  current: ReadonlyMap<string, string | null>,
  resolution: Resolution,
  transaction?: Transaction,
): Promise<number> {
  let closed = 0;
  for (const chunk of chunksOf(recordIds, IDS_PER_STATEMENT)) {
    const open = await Escalation.findAll({
      where: { resourceId, recordId: { [Op.in]: chunk }, resolved: false },
      attributes: ['id', 'recordId', 'dueDate'],
      transaction,
    });
    const done = open.filter((e) => !current.has(e.recordId) || current.get(e.recordId) !== e.dueDate).map((e) => e.id);
    if (!done.length) continue;
    await Escalation.update(
      { resolved: true, resolvedAt: resolution.at, resolvedBy: resolution.by, decision: resolution.decision },
      { where: { id: { [Op.in]: done }, resolved: false }, transaction },
    );
    closed += done.length;
  }
  return closed;
}

/**
 * Called inside a decision's transaction, after its write: a record that no longer waits loses its due date and
 * overdue flag at once (the lists, the 已超期 filter and the workbench read them), a record passed on to its next step
 * (评标专业 city → province) gets that step's due date, and the escalations of the step just decided are closed with
 * the decision. Records of kinds without a time limit are left alone.
 */
export async function settleDeadlines(
  model: ModelStatic<Model>,
  ids: ReadonlyArray<string | number>,
  resolution: Resolution,
  transaction: Transaction,
): Promise<void> {
  const def = BY_MODEL.get(model);
  if (!def || !ids.length) return;
  const rules = deadlineRules();
  const limit = rules.steps[def.step].workingDays;
  const today = chinaDay(resolution.at);
  const current = new Map<string, string | null>();
  for (const chunk of chunksOf(ids, IDS_PER_STATEMENT)) {
    const stillPending = await def.model.findAll({
      where: { [Op.and]: [{ id: { [Op.in]: chunk } }, def.pending] } as WhereOptions,
      transaction,
    });
    for (const row of stillPending) {
      const values = row.get() as Record<string, unknown>;
      const start = def.startOf(values);
      const status = start ? deadlineStatus(chinaDay(start as Date | string), limit, today, rules.calendar) : null;
      current.set(String(values.id), status?.dueDate ?? null);
      await def.model.update(
        { dueDate: status?.dueDate ?? null, overdueDays: status?.overdueDays ?? 0, overdue: (status?.overdueDays ?? 0) > 0 },
        { where: { id: values.id } as WhereOptions, transaction, silent: true, hooks: false },
      );
    }
    const settled = chunk.map(String).filter((id) => !current.has(id));
    if (settled.length) {
      await def.model.update(
        { dueDate: null, overdueDays: 0, overdue: false },
        { where: { id: { [Op.in]: settled } } as WhereOptions, transaction, silent: true, hooks: false },
      );
    }
  }
  await closeEscalations(def.resourceId, ids.map(String), current, resolution, transaction);
}
