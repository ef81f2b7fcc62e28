import { Op, type Model, type WhereOptions } from 'sequelize';
import { chunksOf } from '../domain/chunks.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { updateInGroups } from '../db/update-in-groups.js';
import { diffParams, recordAudits, type AuditEntry } from '../services/audit.js';
import { ALREADY_DECIDED, isWriteRace, refusalOf } from './decision-checks.js';
import { followUpNote } from './follow-up-deferred.js';
import { settleDeadlines } from '../services/deadlines/settle-deadlines.js';
import type { Outcome, SetHooks, SupervisoryActionSpec } from './supervisory-action.js';

const IDS_PER_STATEMENT = 1000;

/**
 * One bulk decision over a set of records in one transaction: the rows are read and locked together (in id order,
 * so two overlapping bulks wait for each other instead of deadlocking), each is checked as `runSupervisoryAction`
 * checks it, the accepted ones change by one statement per distinct change, and every change gets its own audit row
 * in one multi-row insert. A record decided by someone else meanwhile is seen in its new state and refused. The
 * outcomes come back in the order of `ids`; the follow-up (`afterCommit`) runs once for the accepted rows.
 */
export async function runSupervisorySet<M extends Model>(
  spec: SupervisoryActionSpec<M> & { asSet: SetHooks<M> },
  ids: ReadonlyArray<string | number>,
  user: SessionUser,
  reason: string | null,
): Promise<Outcome[]> {
  if (spec.removes) throw new Error(`${spec.name}: a removing decision has no set form`);
  const statusField = spec.statusField === undefined ? 'status' : spec.statusField;
  const regionField = spec.regionField ?? 'regionCode';
  const sequelize = spec.model.sequelize!;
  const versioned = 'version' in spec.model.getAttributes();
  const outcomes = new Map<string, Outcome>();
  const accepted: Array<{ row: M; version: number }> = [];
  try {
    await sequelize.transaction(async (transaction) => {
      const rows: M[] = [];
      for (const chunk of chunksOf(ids, IDS_PER_STATEMENT)) {
        rows.push(
          ...(await spec.model.findAll({
            where: { id: { [Op.in]: chunk } } as WhereOptions,
            order: [['id', 'ASC']],
            lock: transaction.LOCK.UPDATE,
            transaction,
          })),
        );
      }
      const open: M[] = [];
      for (const row of rows) {
        const refused = refusalOf(spec, row, user);
        if (refused) outcomes.set(String(row.get('id')), { ok: false, message: refused });
        else open.push(row);
      }
      const ruled = await spec.asSet.refusals(open, user, transaction);
      const now = new Date();
      const decided: Array<{ row: M; changes: Record<string, unknown> }> = [];
      for (const row of open) {
        const refusal = ruled.get(row.get('id'));
        if (refusal) {
          outcomes.set(String(row.get('id')), { ok: false, message: refusal });
          continue;
        }
        decided.push({ row, changes: spec.apply(row, { user, reason, now }) });
      }
      // The rows are locked since they were read, so their state and version are still the ones checked.
      const affected = await updateInGroups(
        spec.model,
        decided.map(({ row, changes }) => ({ id: row.get('id'), changes })),
        {
          where: statusField ? { [statusField]: { [Op.in]: spec.from } } : undefined,
          also: versioned ? { version: sequelize.literal('version + 1') } : undefined,
          transaction,
        },
      );
      if (affected !== decided.length) throw new Error(`${spec.name}: ${affected} of ${decided.length} locked rows changed`);
      const audits: AuditEntry[] = [];
      for (const { row, changes } of decided) {
        const values = row.get() as Record<string, unknown>;
        accepted.push({ row, version: Number(values.version ?? 0) + 1 });
        audits.push({
          user,
          action: spec.name,
          resourceId: spec.resourceId,
          recordId: String(values.id),
          regionCode: (values[regionField] as string | undefined) ?? null,
          reason,
          changes: diffParams(Object.fromEntries(Object.keys(changes).map((k) => [k, values[k]])), changes),
        });
      }
      if (spec.asSet.within && accepted.length)
        await spec.asSet.within(
          accepted.map((a) => a.row),
          transaction,
          user,
        );
      await settleDeadlines(
        spec.model,
        decided.map(({ row }) => row.get('id') as string | number),
        { by: user.username, decision: spec.label, at: now },
        transaction,
      );
      await recordAudits(audits, transaction);
    });
  } catch (error) {
    if (!isWriteRace(error)) throw error;
    return ids.map(() => ({ ok: false, message: ALREADY_DECIDED }));
  }
  let note: string | undefined;
  if (accepted.length && spec.asSet.afterCommit) {
    await spec.asSet.afterCommit(accepted, user).catch((error: unknown) => {
      note = followUpNote(error);
    });
  }
  for (const { row } of accepted) {
    const message = spec.success(row);
    outcomes.set(String(row.get('id')), { ok: true, row, note, message: note ? `${message}（${note}）` : message });
  }
  return ids.map((id) => outcomes.get(String(id)) ?? { ok: false, message: '该记录不存在或不在您的辖区内' });
}
