import type { Action, ActionContext, ActionRequest, ActionResponse, BulkActionResponse, RecordActionResponse } from 'adminjs';
import type { Model, ModelStatic, Transaction, WhereOptions } from 'sequelize';
import type { DecidingOffice } from '../domain/jurisdiction.js';
import { Components } from '../panel/components/registry.js';
import { sessionUserOf, type SessionUser } from '../db/jurisdiction-scope.js';
import { ALREADY_DECIDED, isWriteRace, listedRefusal, refusalOf } from './decision-checks.js';
import { inParallel } from './in-parallel.js';
import { runSupervisorySet } from './supervisory-set.js';
import { diffParams, recordAudit } from '../services/audit.js';
import { followUpNote } from './follow-up-deferred.js';
import { settleDeadlines } from '../services/deadlines/settle-deadlines.js';
import { lengthRefusal } from '../domain/text-length.js';

export const REASON_MAX_LENGTH = 500;

export interface ActionDetail {
  label: string;
  value: string;
  tone?: 'ok' | 'warn' | 'error';
}

export interface SupervisoryActionSpec<M extends Model> {
  name: string;
  /** Chinese label used in refusals ("不能执行“审核通过”"). */
  label: string;
  resourceId: string;
  model: ModelStatic<M>;
  regionField?: string;
  /** The state column (default `status`); null for a record without states. */
  statusField?: string | null;
  /** States from which the action may start, with every state's label for messages. */
  from: readonly string[];
  stateLabels: Record<string, string>;
  /** The decision removes the record (its values stay in the audit entry). */
  removes?: boolean;
  reason: 'required' | 'optional' | 'none';
  /** What the reason box holds where it is more than a reason (质询内容, 处理措施): the form's label and the refusal's word. */
  reasonLabel?: string;
  /** Which office decides, from the record's region (default `owner`, the rule of DOMAIN.md). */
  office?: DecidingOffice;
  /** The refusal when the record is outside the user's office (default: the generic 无权处理辖区 message). */
  outsideOffice?: (user: SessionUser, row: M) => string;
  /**
   * Who may act on a visible record when the rule is more than `office` (called with the row or a listed record's
   * values); such a decision names the records it decides as SQL in `decidableWhere` if a workbench card counts them.
   */
  mayAct?: (user: SessionUser, row: M) => string | null;
  decidableWhere?: (user: SessionUser) => WhereOptions | null;
  /**
   * The business rule's refusal from a listed record's values (its columns and the resource's row facts), so the
   * button is offered only where `inspect` would let the decision through; `inspect` still decides from the database.
   */
  rowRefusal?: (values: Record<string, unknown>, user: SessionUser) => string | null;
  /** Facts shown before acting and a refusal when the business rule says no. */
  inspect?: (row: M, user: SessionUser, transaction?: Transaction) => Promise<Inspection>;
  apply: (row: M, input: { user: SessionUser; reason: string | null; now: Date }) => Record<string, unknown>;
  /**
   * Writes to other tables that belong to the same decision, inside its transaction (e.g. the categories it adds),
   * with the decision's reason and time where they are written there too (a case's question).
   */
  within?: (row: M, transaction: Transaction, user: SessionUser, input: { reason: string | null; now: Date }) => Promise<void>;
  success: (row: M) => string;
  /** Follow-up work once the decision is committed (e.g. queue a job); a failure here is reported, not rolled back. */
  afterCommit?: (row: M, changes: Record<string, unknown>, user: SessionUser) => Promise<void>;
  icon?: string;
  variant?: 'primary' | 'danger' | 'success' | 'info';
  bulk?: boolean;
  /** Bulk as a set instead of record by record (see `runSupervisorySet`), for decisions taken on thousands at once. */
  asSet?: SetHooks<M>;
  /** For decisions finished later by a job: the field whose values say a record is finished, so bulk can show N of M. */
  progress?: { field: string; finished: readonly string[]; failed: readonly string[] };
  /** The panel's forms by default: facts, refusal, reason box, one button. */
  component?: string;
  bulkComponent?: string;
}

/** The set form of `inspect`, `within` and `afterCommit`: each called once for all the records of a bulk decision. */
export interface SetHooks<M extends Model> {
  /** The business rule's refusal for each row that may not proceed (rows absent from the map may). */
  refusals: (rows: M[], user: SessionUser, transaction: Transaction) => Promise<Map<unknown, string>>;
  within?: (rows: M[], transaction: Transaction, user: SessionUser) => Promise<void>;
  /** Follow-up work for the rows as committed (their new versions); a failure here is reported, not rolled back. */
  afterCommit?: (rows: Array<{ row: M; version: number }>, user: SessionUser) => Promise<void>;
}

/** What the form shows before acting; `changes` are figures read during the check that the decision must record. */
export interface Inspection {
  details: ActionDetail[];
  refusal?: string;
  changes?: Record<string, unknown>;
}

/** `note` is what an accepted decision's follow-up had to say (it is also in `message`). */
export type Outcome = { ok: true; message: string; row: Model; note?: string } | { ok: false; message: string };

export function validateReason(
  spec: { reason: 'required' | 'optional' | 'none'; reasonLabel?: string },
  raw: unknown,
): { reason: string | null; error?: string } {
  const reason = typeof raw === 'string' ? raw.trim() : '';
  const label = spec.reasonLabel ?? '原因';
  if (spec.reason === 'required' && !reason) return { reason: null, error: `请填写${label}（必填）` };
  const tooLong = lengthRefusal(reason, label, REASON_MAX_LENGTH);
  if (tooLong) return { reason: null, error: tooLong };
  return { reason: reason || null };
}

/**
 * Runs one supervisory decision: re-reads the row, checks role, state and rule, then writes it with a guarded
 * update (same version, same state) and the audit entry in one transaction. When two supervisors click at once,
 * exactly one update matches; the other is told someone else got there first.
 */
export async function runSupervisoryAction<M extends Model>(
  spec: SupervisoryActionSpec<M>,
  id: string | number,
  user: SessionUser,
  reason: string | null,
): Promise<Outcome> {
  const statusField = spec.statusField === undefined ? 'status' : spec.statusField;
  const regionField = spec.regionField ?? 'regionCode';
  const sequelize = spec.model.sequelize!;
  let committed: Record<string, unknown> | undefined;
  const outcome = await sequelize
    .transaction(async (transaction): Promise<Outcome> => {
      const row = await spec.model.findByPk(id, { transaction });
      if (!row) return { ok: false, message: '该记录不存在或不在您的辖区内' };
      const values = row.get() as Record<string, unknown>;
      const refused = refusalOf(spec, row, user);
      if (refused) return { ok: false, message: refused };
      const state = statusField ? String(values[statusField]) : '';
      const inspection = spec.inspect ? await spec.inspect(row, user, transaction) : undefined;
      if (inspection?.refusal) return { ok: false, message: inspection.refusal };
      const now = new Date();
      const versioned = 'version' in spec.model.getAttributes();
      const version = Number(values.version ?? 0);
      const guard = { id: values.id, ...(versioned && { version }), ...(statusField && { [statusField]: state }) };
      let changes: Record<string, unknown>;
      let affected: number;
      if (spec.removes) {
        changes = Object.fromEntries(
          Object.keys(values)
            .filter((k) => k !== 'id')
            .map((k) => [k, null]),
        );
        affected = await spec.model.destroy({ where: guard as never, transaction });
      } else {
        changes = { ...spec.apply(row, { user, reason, now }), ...inspection?.changes };
        [affected] = await spec.model.update({ ...changes, ...(versioned && { version: version + 1 }) } as never, {
          where: guard as never,
          transaction,
        });
      }
      if (affected !== 1) return { ok: false, message: ALREADY_DECIDED };
      if (spec.within) await spec.within(row, transaction, user, { reason, now });
      await settleDeadlines(spec.model, [values.id as string | number], { by: user.username, decision: spec.label, at: now }, transaction);
      committed = { ...changes, ...(versioned && { version: version + 1 }) };
      await recordAudit(
        {
          user,
          action: spec.name,
          resourceId: spec.resourceId,
          recordId: String(values.id),
          regionCode: (values[regionField] as string | undefined) ?? null,
          reason,
          changes: diffParams(Object.fromEntries(Object.keys(changes).map((k) => [k, values[k]])), changes),
        },
        transaction,
      );
      return { ok: true, message: spec.success(row), row };
    })
    .catch((error: unknown) => {
      if (isWriteRace(error)) return { ok: false, message: ALREADY_DECIDED } as Outcome;
      throw error;
    });
  if (outcome.ok && committed && spec.afterCommit) {
    try {
      await spec.afterCommit(outcome.row as M, committed, user);
    } catch (error) {
      const note = followUpNote(error);
      return { ok: true, row: outcome.row, note, message: `${outcome.message}（${note}）` };
    }
  }
  return outcome;
}

const BULK_PARALLELISM = 6;

/** How a record is named in summaries: its name, else its contract number, line id or id. */
function titleOf(values: Record<string, unknown>, id: unknown): string {
  return String(
    values.name ??
      values.title ??
      values.unitName ??
      values.contractNo ??
      values.applicationNo ??
      values.budgetNo ??
      values.budgetLineId ??
      `#${String(id)}`,
  );
}

/** Marks the record action made for a decision, so the resource's list filter and the workbench find its rule. */
const DECISION = Symbol('supervisoryDecision');

/** The decisions among a resource's actions (their record actions, one per decision). */
export function decisionsIn(actions: Record<string, unknown> | undefined): Array<SupervisoryActionSpec<Model>> {
  return Object.values(actions ?? {}).flatMap((action) => {
    const spec = (action as { [DECISION]?: SupervisoryActionSpec<Model> } | undefined)?.[DECISION];
    return spec ? [spec] : [];
  });
}

/** The record action (and, when asked, the bulk action) that AdminJS shows for a supervisory decision. */
export function supervisoryActions<M extends Model>(spec: SupervisoryActionSpec<M>): Record<string, Partial<Action<ActionResponse>>> {
  const recordAction: Partial<Action<RecordActionResponse>> = {
    actionType: 'record',
    custom: { reason: spec.reason, reasonMax: REASON_MAX_LENGTH, ...(spec.reasonLabel && { reasonLabel: spec.reasonLabel }) },
    // Offered only where it can succeed, by the checks the handler makes; a stale page or a crafted request still
    // gets the handler's refusal (isAccessible stays the role's, so that refusal is the specific one).
    isVisible: ({ record, currentAdmin }) => {
      if (!record) return true;
      const user = sessionUserOf({ currentAdmin });
      return !!user && listedRefusal(spec, record.params, user) === null;
    },
    icon: spec.icon,
    variant: spec.variant,
    component: spec.component ?? Components.SupervisoryActionForm,
    showInDrawer: false,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const user = sessionUserOf(context)!;
      const record = context.record!;
      if (request.method !== 'post') {
        const row = await spec.model.findByPk(record.id());
        const inspection = row && spec.inspect ? await spec.inspect(row, user) : undefined;
        // The form says at once what a click would be told, before the user writes a reason.
        const refusal = (row && refusalOf(spec, row, user)) ?? inspection?.refusal ?? null;
        return {
          record: record.toJSON(context.currentAdmin),
          details: inspection?.details ?? [],
          refusal,
          reason: spec.reason,
          reasonMax: REASON_MAX_LENGTH,
          ...(spec.reasonLabel && { reasonLabel: spec.reasonLabel }),
        };
      }
      const { reason, error } = validateReason(spec, request.payload?.reason);
      const outcome: Outcome = error ? { ok: false, message: error } : await runSupervisoryAction(spec, record.id(), user, reason);
      const fresh = outcome.ok ? await context.resource.findOne(record.id(), context) : record;
      return {
        record: (fresh ?? record).toJSON(context.currentAdmin),
        notice: { message: outcome.message, type: outcome.ok ? 'success' : 'error' },
        ...(outcome.ok ? { redirectUrl: context.h.resourceUrl({ resourceId: context.resource.id() }) } : {}),
      };
    },
  };
  // A symbol key: copied with the action's options, never sent to the browser.
  Object.assign(recordAction, { [DECISION]: spec });
  const actions: Record<string, Partial<Action<ActionResponse>>> = { [spec.name]: recordAction as Partial<Action<ActionResponse>> };
  if (spec.bulk) {
    const bulkAction: Partial<Action<BulkActionResponse>> = {
      actionType: 'bulk',
      // A set-based decision reads its rows itself: AdminJS need only load what the form shows of each (its title
      // and the field followed for progress), not ten thousand whole records with their references.
      custom: {
        reason: spec.reason,
        reasonMax: REASON_MAX_LENGTH,
        ...(spec.reasonLabel && { reasonLabel: spec.reasonLabel }),
        ...(spec.asSet && { recordFields: spec.progress ? [spec.progress.field] : [] }),
      },
      icon: spec.icon,
      variant: spec.variant,
      component: spec.bulkComponent ?? Components.SupervisoryBulkForm,
      showInDrawer: false,
      handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
        const user = sessionUserOf(context)!;
        const records = context.records ?? [];
        if (request.method !== 'post') return { records: records.map((r) => r.toJSON(context.currentAdmin)) };
        const { reason, error } = validateReason(spec, request.payload?.reason);
        if (error) return { records: records.map((r) => r.toJSON(context.currentAdmin)), notice: { message: error, type: 'error' } };
        const done: string[] = [];
        const doneIds: string[] = [];
        const refused: string[] = [];
        // A pool connection each is left for the other users' requests meanwhile. SQLite has one writer: its
        // transactions would only wait for each other (and give up after the busy timeout), so one at a time there.
        const lanes = spec.model.sequelize!.getDialect() === 'sqlite' ? 1 : BULK_PARALLELISM;
        const outcomes = spec.asSet
          ? await runSupervisorySet(
              { ...spec, asSet: spec.asSet },
              records.map((r) => r.id()),
              user,
              reason,
            )
          : await inParallel(records, lanes, (record) => runSupervisoryAction(spec, record.id(), user, reason));
        for (const [i, record] of records.entries()) {
          const outcome = outcomes[i]!;
          const name = titleOf(record.params, record.id());
          if (outcome.ok) {
            done.push(titleOf(outcome.row.get() as Record<string, unknown>, record.id()));
            doneIds.push(String(record.id()));
          } else refused.push(`${name}：${outcome.message}`);
        }
        const note = outcomes.find((o) => o.ok && o.note) as { note?: string } | undefined;
        const message = `已处理 ${done.length} 条，未处理 ${refused.length} 条${refused.length ? `（${refused.join('；')}）` : ''}${note?.note ? `。${note.note}` : ''}`;
        return {
          // The form reads the summary, not the records: ten thousand of them again would only cost memory and time.
          records: [],
          notice: { message, type: refused.length && !done.length ? 'error' : 'success' },
          done,
          refused,
          ...(spec.progress && doneIds.length ? { progress: { ...spec.progress, ids: doneIds } } : {}),
          redirectUrl: context.h.resourceUrl({ resourceId: context.resource.id() }),
        };
      },
    };
    actions[`${spec.name}Bulk`] = bulkAction as Partial<Action<ActionResponse>>;
  }
  return actions;
}
