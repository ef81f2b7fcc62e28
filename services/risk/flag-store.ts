import { Op, type WhereOptions } from 'sequelize';
import { chunksOf } from '../../domain/chunks.js';
import type { EvaluatedScope, RaisedFlag } from '../../domain/risk/risk-flag.js';
import { RISK_SEVERITY_LABELS } from '../../domain/risk/risk-flag.js';
import { isRiskRuleCode } from '../../domain/risk/rule-codes.js';
import { RiskFlag } from '../../db/models/risk/risk-flag.model.js';
import { serializedTransaction } from '../../db/serialized-transaction.js';

/** Two evaluations storing at once would both insert a new flag's key: they take turns. */
const FLAG_STORE_LOCK = 30;
const KEYS_PER_STATEMENT = 500;

export interface FlagStoreRun {
  /** Flags raised for the first time. */
  created: number;
  /** Open flags whose figures, severity or subject changed. */
  updated: number;
  /** Cleared flags raised again: open again. */
  reopened: number;
  /** Open flags of the evaluated scope not raised this time. */
  cleared: number;
  unchanged: number;
}

type Key = string;
const keyOf = (f: { rule: string; subjectType: string; subjectId: string }): Key => `${f.rule}\u0000${f.subjectType}\u0000${f.subjectId}`;

/** A decimal of yuan with two places, as the columns keep it, so a stored and a raised figure compare as equal. */
function cents(value: string | number): string {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(n)) throw new RangeError(`不是有效的金额：${String(value)}`);
  return n.toFixed(2);
}

/** A text cut to its column, with an ellipsis where cut. */
function fit(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** What a raised flag stores, besides its key and times. */
function storedValues(flag: RaisedFlag) {
  return {
    subjectLabel: fit(flag.subjectLabel, 200),
    regionCode: flag.regionCode,
    severity: flag.severity,
    amount: cents(flag.amount),
    score: cents(flag.score),
    figures: flag.figures,
    threshold: fit(flag.threshold, 300),
    basis: flag.basis,
  };
}

function sameValues(row: RiskFlag, next: ReturnType<typeof storedValues>): boolean {
  return (
    row.subjectLabel === next.subjectLabel &&
    row.regionCode === next.regionCode &&
    row.severity === next.severity &&
    cents(row.amount) === next.amount &&
    cents(row.score) === next.score &&
    JSON.stringify(row.figures) === JSON.stringify(next.figures) &&
    row.threshold === next.threshold &&
    row.basis === next.basis
  );
}

function check(raised: readonly RaisedFlag[], scopes: readonly EvaluatedScope[]): void {
  const rules = new Set(scopes.map((s) => s.rule));
  const seen = new Set<Key>();
  for (const flag of raised) {
    if (!isRiskRuleCode(flag.rule)) throw new Error(`Flag store: unknown rule ${String(flag.rule)}`);
    if (!rules.has(flag.rule)) throw new Error(`Flag store: a ${flag.rule} flag outside the evaluated scope`);
    if (!Object.hasOwn(RISK_SEVERITY_LABELS, flag.severity)) throw new Error(`Flag store: unknown severity ${String(flag.severity)}`);
    const key = keyOf(flag);
    if (seen.has(key)) throw new Error(`Flag store: ${flag.rule} raised twice on ${flag.subjectType} ${flag.subjectId}`);
    seen.add(key);
    const ofRule = scopes.filter((s) => s.rule === flag.rule);
    const evaluated = ofRule.some(
      (s) => !s.subjects || s.subjects.some((subject) => subject.subjectType === flag.subjectType && subject.subjectId === flag.subjectId),
    );
    if (!evaluated) throw new Error(`Flag store: ${flag.rule} raised on ${flag.subjectType} ${flag.subjectId}, which was not evaluated`);
  }
}

/** The stored flags of a scope, open or cleared. */
function scopeWhere(scope: EvaluatedScope): WhereOptions[] {
  if (!scope.subjects) return [{ rule: scope.rule }];
  return chunksOf(scope.subjects, KEYS_PER_STATEMENT).map((chunk) => ({
    rule: scope.rule,
    [Op.or]: chunk.map((s) => ({ subjectType: s.subjectType, subjectId: s.subjectId })),
  }));
}

/**
 * Stores one evaluation's flags: each raised flag is inserted or updated by its key (rule, subject); a cleared one
 * raised again is open again; every open flag of the evaluated scopes that was not raised this time is cleared at
 * `now`. A flag outside the scopes is never touched. One transaction, taken in turn with any other evaluation, so
 * running it again with the same input writes nothing and never makes a second row of a key.
 */
export async function upsertFlags(
  raised: readonly RaisedFlag[],
  scope: EvaluatedScope | readonly EvaluatedScope[],
  now: Date,
): Promise<FlagStoreRun> {
  const scopes: readonly EvaluatedScope[] = Array.isArray(scope) ? scope : [scope as EvaluatedScope];
  check(raised, scopes);
  const run: FlagStoreRun = { created: 0, updated: 0, reopened: 0, cleared: 0, unchanged: 0 };
  const sequelize = RiskFlag.sequelize!;
  await serializedTransaction(sequelize, FLAG_STORE_LOCK, async (transaction) => {
    const stored = new Map<Key, RiskFlag>();
    for (const s of scopes)
      for (const where of scopeWhere(s)) for (const row of await RiskFlag.findAll({ where, transaction })) stored.set(keyOf(row), row);
    const raisedKeys = new Set<Key>();
    const fresh: Array<Record<string, unknown>> = [];
    const touched: number[] = [];
    for (const flag of raised) {
      const key = keyOf(flag);
      raisedKeys.add(key);
      const values = storedValues(flag);
      const row = stored.get(key);
      if (!row) {
        fresh.push({
          rule: flag.rule,
          subjectType: flag.subjectType,
          subjectId: flag.subjectId,
          ...values,
          status: 'open',
          raisedAt: now,
          clearedAt: null,
          evaluatedAt: now,
        });
        continue;
      }
      const reopen = row.status === 'cleared';
      if (reopen || !sameValues(row, values)) {
        await RiskFlag.update(
          { ...values, evaluatedAt: now, ...(reopen && { status: 'open', clearedAt: null, raisedAt: now }) },
          { where: { id: row.id }, transaction },
        );
        if (reopen) run.reopened += 1;
        else run.updated += 1;
      } else {
        run.unchanged += 1;
        if (row.evaluatedAt.getTime() !== now.getTime()) touched.push(row.id);
      }
    }
    for (const chunk of chunksOf(fresh, KEYS_PER_STATEMENT)) await RiskFlag.bulkCreate(chunk as never, { transaction });
    run.created = fresh.length;
    // Looked at again and found as before: only when it was last evaluated changes, which no one needs dated by a write.
    for (const ids of chunksOf(touched, 1000))
      await RiskFlag.update({ evaluatedAt: now }, { where: { id: { [Op.in]: ids } }, transaction, silent: true });
    const gone = [...stored.entries()].filter(([key, row]) => row.status === 'open' && !raisedKeys.has(key)).map(([, row]) => row.id);
    for (const ids of chunksOf(gone, 1000))
      await RiskFlag.update(
        { status: 'cleared', clearedAt: now, evaluatedAt: now },
        { where: { id: { [Op.in]: ids }, status: 'open' }, transaction },
      );
    run.cleared = gone.length;
  });
  return run;
}
