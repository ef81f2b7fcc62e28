import { describe, expect, it } from '@jest/globals';
import { DataTypes, Op, Sequelize, type CreationAttributes, type ModelAttributeColumnOptions } from 'sequelize';
import { decision, deadline, timestamps, versioned } from '../../db/record/blocks.js';
import { declareRecord } from '../../db/record/declare-record.js';
import { autoId, bilingual, binary, choice, day, money, moment, reference, stamp, text } from '../../db/record/fields.js';
import { deadlineStepOf, pendingFilters, pendingWhere } from '../../db/record/pending-work.js';
import { availableValues, choiceLabels, recordLocale } from '../../db/record/record-locale.js';
import { attributeOf, attributesOf, initRecord, recordModel } from '../../db/record/record-model.js';
import { AFFILIATION } from '../../db/records/affiliation.record.js';
import { PROCUREMENT_UNIT } from '../../db/records/procurement-unit.record.js';
import { ProcurementUnit } from '../../db/models/entities/procurement-unit.model.js';
import type { AnyRecordDeclaration, AttributesOf } from '../../db/record/field-types.js';
import { CONTRACT_FILING } from '../../db/records/contract-filing.record.js';
import * as models from '../../db/models.js';
import { stateBadgeProperties } from '../../panel/state-badges.js';
import { Components } from '../../panel/components/registry.js';

const sequelize = () => new Sequelize({ dialect: 'sqlite', storage: ':memory:', logging: false });

/** A small record exercising every builder, as another record would declare itself. */
const REQUEST = declareRecord({
  name: 'ProbeRequest',
  table: 'probe_requests',
  label: { zh: '申请', en: 'Request' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    amount: money({ zh: '金额（元）', en: 'Amount (yuan)' }),
    signedOn: day({ zh: '签订日期', en: 'Signed on' }, { nullable: true }),
    state: choice(
      {
        submitted: { zh: '待审批', en: 'Submitted' },
        city_review: { zh: '市级审核', en: 'City review' },
        approved: { zh: '已批准', en: 'Approved' },
      },
      { zh: '审批状态', en: 'State' },
      { default: 'submitted' },
    ),
    submittedAt: moment({ zh: '申请时间', en: 'Submitted at' }),
    ...decision({
      at: { name: 'decidedAt', label: { zh: '审批时间', en: 'Decided at' } },
      by: { name: 'decidedBy', label: { zh: '审批人', en: 'Decided by' }, length: 64 },
      reason: { name: 'decisionReason', label: { zh: '审批意见', en: 'Reason' } },
    }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'state', in: ['submitted', 'city_review'], since: 'submittedAt', title: 'regionCode', step: 'methodChangeApproval' },
});

const sqlOf = (attribute: ModelAttributeColumnOptions) => (attribute.type as { toSql(): string }).toSql();

describe('the Sequelize attributes derived from a declaration', () => {
  const attributes = attributesOf(REQUEST.fields);

  it('keeps the declared order, blocks where they are spread', () => {
    expect(Object.keys(attributes)).toEqual([
      'id',
      'regionCode',
      'amount',
      'signedOn',
      'state',
      'submittedAt',
      'decidedAt',
      'decidedBy',
      'decisionReason',
      'version',
      'dueDate',
      'overdueDays',
      'overdue',
      'createdAt',
      'updatedAt',
    ]);
  });

  it('spells each kind as the hand-written models did', () => {
    expect(attributes.id).toEqual({ type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true });
    expect(sqlOf(attributes.regionCode)).toBe('VARCHAR(6)');
    expect(attributes.regionCode).toMatchObject({ allowNull: false, references: { model: 'regions', key: 'code' } });
    expect(sqlOf(attributes.amount)).toBe('DECIMAL(15,2)');
    expect(attributes.signedOn).toEqual({ type: DataTypes.DATEONLY, allowNull: true });
    expect(attributes.submittedAt).toEqual({ type: DataTypes.DATE, allowNull: false });
    expect(attributes.createdAt).toEqual({ type: DataTypes.DATE });
  });

  it('gives a choice its values in the declared order and its default', () => {
    expect((attributes.state.type as unknown as { values: string[] }).values).toEqual(['submitted', 'city_review', 'approved']);
    expect(attributes.state).toMatchObject({ allowNull: false, defaultValue: 'submitted' });
  });

  it('makes the decision columns under the record’s own names, empty until decided', () => {
    expect(attributes.decidedAt).toEqual({ type: DataTypes.DATE, allowNull: true });
    expect(sqlOf(attributes.decidedBy)).toBe('VARCHAR(64)');
    expect(attributes.decidedBy.allowNull).toBe(true);
    expect(attributes.decisionReason).toEqual({ type: DataTypes.TEXT, allowNull: true });
  });

  it('starts the version at 0 and a deadline neither due nor overdue', () => {
    expect(attributes.version).toEqual({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
    expect(attributes.dueDate).toEqual({ type: DataTypes.DATEONLY, allowNull: true });
    expect(attributes.overdueDays).toEqual({ type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
    expect(attributes.overdue).toEqual({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
  });
});

describe('a model built from a declaration', () => {
  class ProbeRequest extends recordModel(REQUEST) {}
  const db = sequelize();
  initRecord(ProbeRequest, db, REQUEST);

  it('has the declared table, snake_case columns and Sequelize’s own timestamps', () => {
    expect(ProbeRequest.getTableName()).toBe('probe_requests');
    expect(ProbeRequest.getAttributes().submittedAt!.field).toBe('submitted_at');
    expect(ProbeRequest.primaryKeyAttributes).toEqual(['id']);
    expect(Object.values((ProbeRequest as unknown as { _timestampAttributes: object })._timestampAttributes)).toEqual([
      'createdAt',
      'updatedAt',
    ]);
  });

  it('carries the declared jurisdiction for the adapter', () => {
    expect(ProbeRequest.jurisdiction).toEqual({ kind: 'region', field: 'regionCode' });
  });

  it('fills the defaults into a new row and reads its fields as properties', () => {
    const row = ProbeRequest.build({ regionCode: '360100', amount: '10.00', submittedAt: new Date(0) });
    expect(row.state).toBe('submitted');
    expect(row.version).toBe(0);
    expect(row.overdue).toBe(false);
    expect(row.regionCode).toBe('360100');
    expect(row.get('regionCode')).toBe('360100');
  });
});

describe('ProcurementUnit from its declaration', () => {
  const db = sequelize();
  ProcurementUnit.initialize(db);
  const row = (creditCode: string) =>
    ProcurementUnit.build({ name: '南昌市第一中学', creditCode, unitBudgetCode: '101001', regionCode: '360100', status: 'draft' });

  it('keeps the credit-code checksum', async () => {
    await expect(row('91350100M000100Y43').validate()).resolves.toBeDefined();
    await expect(row('91350100M000100Y44').validate()).rejects.toThrow(/校验位/);
  });

  it('keeps the hook that re-links a unit whose identity changed', () => {
    expect(ProcurementUnit.options.hooks?.afterUpdate).toBeDefined();
  });

  it('starts outside the formal library, its budget code not yet found in 一体化', () => {
    const unit = row('91350100M000100Y43');
    expect(unit.formalMember).toBe(false);
    expect(unit.budgetCodeVerdict).toBe('missing');
  });

  it('waits for review while submitted, counted from its submission, under its unit-review deadline', () => {
    const step = deadlineStepOf(PROCUREMENT_UNIT);
    expect(step).toMatchObject({ step: 'unitReview', resourceId: 'ProcurementUnit', regionField: 'regionCode', titleField: 'name' });
    expect(step.pending).toEqual({ status: 'submitted' });
    const submittedAt = new Date('2026-03-02T01:00:00Z');
    expect(step.startOf({ submittedAt, createdAt: new Date(0) })).toBe(submittedAt);
    expect(pendingFilters(PROCUREMENT_UNIT)).toEqual({ status: 'submitted' });
  });
});

describe('labels derived from a declaration', () => {
  it('names each labelled field and each choice in the language asked', () => {
    const zh = recordLocale(REQUEST, 'zh');
    expect(zh.properties.amount).toBe('金额（元）');
    expect(zh.properties.decidedBy).toBe('审批人');
    expect(zh.labels).toEqual({ state: { submitted: '待审批', city_review: '市级审核', approved: '已批准' } });
    expect(recordLocale(REQUEST, 'en').labels.state!.city_review).toBe('City review');
  });

  it('leaves out fields the panel’s global labels already name', () => {
    const { properties } = recordLocale(REQUEST, 'zh');
    for (const unlabelled of ['id', 'dueDate', 'overdue', 'overdueDays', 'createdAt', 'updatedAt'])
      expect(properties).not.toHaveProperty(unlabelled);
    expect(properties.version).toBe('版本');
  });

  it('offers a choice to the panel’s select in the declared order', () => {
    expect(availableValues(REQUEST.fields.state, 'zh')).toEqual([
      { value: 'submitted', label: '待审批' },
      { value: 'city_review', label: '市级审核' },
      { value: 'approved', label: '已批准' },
    ]);
  });

  it('pairs the domain’s Chinese choice labels with their English, value by value', () => {
    const labels = bilingual({ match: '一致', missing: '一体化无此单位' }, { match: 'Match', missing: 'Not in integration' });
    expect(labels).toEqual({ match: { zh: '一致', en: 'Match' }, missing: { zh: '一体化无此单位', en: 'Not in integration' } });
    const verdict = choice(labels, { zh: '核对', en: 'Check' });
    expect(choiceLabels(verdict, 'en')).toEqual({ match: 'Match', missing: 'Not in integration' });
  });

  it('gives the unit the status labels its decisions and list showed before', () => {
    expect(choiceLabels(PROCUREMENT_UNIT.fields.status, 'zh')).toEqual({
      draft: '草稿',
      submitted: '待审核',
      approved: '已审核',
      returned: '已退回',
    });
  });
});

describe('pending work from a declaration', () => {
  it('asks for any of several pending states at once', () => {
    expect(pendingWhere(REQUEST)).toEqual({ state: { [Op.in]: ['submitted', 'city_review'] } });
  });

  it('counts a record without a time limit but gives it no deadline step', () => {
    expect(pendingWhere(AFFILIATION)).toEqual({ status: 'pending' });
    expect(pendingFilters(AFFILIATION)).toEqual({ status: 'pending' });
    expect(() => deadlineStepOf(AFFILIATION)).toThrow('Record Affiliation has no deadline step');
  });

  it('refuses list filters for several states, which a list filter cannot hold', () => {
    expect(() => pendingFilters(REQUEST)).toThrow(/2 states/);
  });
});

describe('a wrong declaration stops the start', () => {
  const base = {
    name: 'Broken',
    table: 'broken',
    label: { zh: '坏', en: 'Broken' },
    jurisdiction: { kind: 'region' as const, field: 'regionCode' as const },
  };
  const fields = {
    regionCode: text(6, { zh: '所属辖区', en: 'Jurisdiction' }),
    state: choice({ open: { zh: '待办', en: 'Open' } }, { zh: '状态', en: 'State' }),
    openedAt: moment({ zh: '时间', en: 'At' }),
  };

  it('when a pending state is not one of the choice’s values', () => {
    const pending = { field: 'state', in: ['closed'], since: 'openedAt', title: 'regionCode' } as never;
    expect(() => declareRecord({ ...base, fields, pending })).toThrow('Record Broken: pending state closed is not one of its values');
  });

  it('when a deadline step is declared without the deadline columns', () => {
    const pending = { field: 'state', in: ['open'], since: 'openedAt', title: 'regionCode', step: 'unitReview' } as const;
    expect(() => declareRecord({ ...base, fields, pending })).toThrow(/deadline step unitReview without the deadline\(\) fields/);
    expect(() => declareRecord({ ...base, fields: { ...fields, ...deadline() }, pending })).not.toThrow();
  });

  it('when a deadline step has no title to list its rows by', () => {
    const pending = { field: 'state', in: ['open'], since: 'openedAt', step: 'unitReview' } as const;
    expect(() => declareRecord({ ...base, fields: { ...fields, ...deadline() }, pending })).toThrow(/without a title/);
  });

  it('when the jurisdiction names a field it does not have', () => {
    const jurisdiction = { kind: 'region', field: 'regionId' } as never;
    expect(() => declareRecord({ ...base, jurisdiction, fields })).toThrow(/jurisdiction field regionId/);
  });
});

// Checked by the type checker (npm test type-checks before it runs): what a declaration makes of a row's types.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const typedFromTheDeclaration: Array<true> = [
  true satisfies Same<ProcurementUnit['status'], 'draft' | 'submitted' | 'approved' | 'returned'>,
  true satisfies Same<ProcurementUnit['address'], string | null>,
  true satisfies Same<ProcurementUnit['reviewedAt'], Date | null>,
  true satisfies Same<ProcurementUnit['dueDate'], string | null>,
  true satisfies Same<ProcurementUnit['id'], number>,
  true satisfies Same<(typeof PROCUREMENT_UNIT.pending.in)[number], 'submitted'>,
];
// Defaulted, nullable and generated fields may be left out when creating; the rest may not.
export const creatable: CreationAttributes<ProcurementUnit> = {
  name: '南昌市第一中学',
  creditCode: '91350100M000100Y43',
  unitBudgetCode: '101001',
  regionCode: '360100',
  status: 'draft',
};
// @ts-expect-error a unit is created with a status
export const withoutStatus: CreationAttributes<ProcurementUnit> = { name: 'x', creditCode: 'x', unitBudgetCode: 'x', regionCode: 'x' };
// @ts-expect-error a status is one of the declared choices
export const unknownStatus: CreationAttributes<ProcurementUnit> = { ...creatable, status: 'archived' };
// @ts-expect-error a boolean field holds booleans
export const wrongKind: CreationAttributes<ProcurementUnit> = { ...creatable, formalMember: 'yes' };
export const misnamedState = () =>
  declareRecord({
    ...REQUEST,
    // @ts-expect-error pending work names a state the choice has
    pending: { field: 'state', in: ['closed'], since: 'submittedAt', title: 'regionCode' },
  });
export const sinceNotADate = () =>
  declareRecord({
    ...REQUEST,
    // @ts-expect-error pending work is counted since a date
    pending: { field: 'state', in: ['submitted'], since: 'version', title: 'regionCode' },
  });

describe('builder additions for the system and query records', () => {
  const LOG = declareRecord({
    name: 'ProbeLog',
    table: 'probe_logs',
    label: { zh: '日志', en: 'Log' },
    // A jurisdiction field may be empty.
    jurisdiction: { kind: 'region', field: 'regionCode' },
    fields: {
      id: autoId(),
      regionCode: text(6, { zh: '记录辖区', en: 'Record jurisdiction' }, { nullable: true }),
      createdAt: stamp({ zh: '时间', en: 'Time' }),
    },
  });

  it('labels a timestamp the record names otherwise, still Sequelize’s own', () => {
    expect(attributesOf(LOG.fields).createdAt).toEqual({ type: DataTypes.DATE });
    expect(recordLocale(LOG, 'zh').properties).toEqual({ regionCode: '记录辖区', createdAt: '时间' });
    expect(recordLocale(LOG, 'en').properties.createdAt).toBe('Time');
  });

  it('keeps a model without updatedAt when told so', () => {
    class Log extends recordModel(LOG) {}
    initRecord(Log, sequelize(), LOG, { updatedAt: false });
    expect(Object.keys(Log.getAttributes())).toEqual(['id', 'regionCode', 'createdAt']);
    expect(Log.jurisdiction).toEqual({ kind: 'region', field: 'regionCode' });
  });

  it('keys a row by a given field, bare as the models wrote it, required at creation', () => {
    const KEYED = declareRecord({
      name: 'ProbeKeyed',
      table: 'probe_keyed',
      label: { zh: '区划', en: 'Region' },
      jurisdiction: { kind: 'reference' },
      fields: { code: text(6, { zh: '区划代码', en: 'Code' }, { primaryKey: true }), name: text(50, { zh: '名称', en: 'Name' }) },
    });
    expect(attributesOf(KEYED.fields).code).toEqual({ type: DataTypes.STRING(6), primaryKey: true });
    class Keyed extends recordModel(KEYED) {}
    initRecord(Keyed, sequelize(), KEYED, { timestamps: false });
    expect(Keyed.primaryKeyAttributes).toEqual(['code']);
    expect(Object.keys(Keyed.getAttributes())).toEqual(['code', 'name']);
  });

  it('keeps a choice in the string column its table has, labels and values as any choice', () => {
    const outcome = choice(
      { ok: { zh: '成功', en: 'OK' }, denied: { zh: '拒绝', en: 'Denied' } },
      { zh: '结果', en: 'Outcome' },
      { length: 20, nullable: true },
    );
    expect(attributeOf(outcome)).toEqual({ type: DataTypes.STRING(20), allowNull: true });
    expect(outcome.values).toEqual(['ok', 'denied']);
    expect(choiceLabels(outcome, 'zh')).toEqual({ ok: '成功', denied: '拒绝' });
  });

  it('takes a decimal default written as a number, as the models and migrations wrote it', () => {
    expect(attributeOf(money({ zh: '已支付（元）', en: 'Paid' }, { default: 0 }))).toEqual({
      type: DataTypes.DECIMAL(15, 2),
      allowNull: false,
      defaultValue: 0,
    });
  });
});

describe('labelled timestamps and a key the caller gives (integration records)', () => {
  const BATCH = declareRecord({
    name: 'ProbeBatch',
    table: 'probe_batches',
    label: { zh: '批次', en: 'Batch' },
    jurisdiction: { kind: 'admin' },
    fields: {
      id: text(36, { zh: '批次号', en: 'Batch ID' }, { primaryKey: true }),
      signature: text(64, { zh: '签名', en: 'Signature' }, { unique: true }),
      ...timestamps({ createdAt: { zh: '接收时间', en: 'Received at' } }),
    },
  });

  it('declares the key bare, as the models wrote it, and keeps unique', () => {
    const attributes = attributesOf(BATCH.fields);
    expect(attributes.id).toEqual({ type: expect.anything(), primaryKey: true });
    expect(sqlOf(attributes.id)).toBe('VARCHAR(36)');
    expect(attributes.signature).toMatchObject({ allowNull: false, unique: true });
  });

  it('labels a timestamp where the record names it, and leaves the other to the global labels', () => {
    expect(attributesOf(BATCH.fields).createdAt).toEqual({ type: DataTypes.DATE });
    expect(recordLocale(BATCH, 'zh').properties).toEqual({ id: '批次号', signature: '签名', createdAt: '接收时间' });
  });

  it('lets a region jurisdiction name a nullable field (a row not yet placed in a region)', () => {
    const VOUCHER = declareRecord({
      name: 'ProbeVoucher',
      table: 'probe_vouchers',
      label: { zh: '凭证', en: 'Voucher' },
      jurisdiction: { kind: 'region', field: 'regionCode' },
      fields: {
        id: autoId(),
        regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' }, { nullable: true })),
      },
    });
    expect(recordModel(VOUCHER).jurisdiction).toEqual({ kind: 'region', field: 'regionCode' });
  });

  it('keeps a money default written as a number, as the models wrote it', () => {
    const paid = money({ zh: '已支付（元）', en: 'Paid (yuan)' }, { default: 0 });
    expect(attributesOf({ paid }).paid).toMatchObject({ allowNull: false, defaultValue: 0 });
  });

  it('creates rows under the given key, without timestamps when the model says so', async () => {
    const db = sequelize();
    class Batch extends recordModel(BATCH) {}
    initRecord(Batch, db, { ...BATCH, fields: { id: BATCH.fields.id, signature: BATCH.fields.signature } }, { timestamps: false });
    await db.sync();
    await Batch.create({ id: 'b-1', signature: 's' });
    expect(Batch.primaryKeyAttribute).toBe('id');
    expect((await Batch.findByPk('b-1'))?.signature).toBe('s');
    await db.close();
  });
});

describe('timestamps named by the record itself', () => {
  const LABELLED = declareRecord({
    name: 'Labelled',
    table: 'labelled',
    label: { zh: '记录', en: 'Record' },
    jurisdiction: { kind: 'admin' },
    fields: { id: autoId(), ...timestamps({ createdAt: { zh: '加入时间', en: 'Joined at' } }) },
  });

  it('stay the bare columns Sequelize fills in', () => {
    expect(attributesOf(LABELLED.fields)).toEqual({
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      createdAt: { type: DataTypes.DATE },
      updatedAt: { type: DataTypes.DATE },
    });
  });

  it('carry their labels into the locale, and an unlabelled one keeps the global label', () => {
    expect(recordLocale(LABELLED, 'zh').properties).toEqual({ createdAt: '加入时间' });
    expect(recordLocale(LABELLED, 'en').properties).toEqual({ createdAt: 'Joined at' });
  });
});

describe('a binary field', () => {
  it('is a BLOB column holding a Buffer', () => {
    const FILE = declareRecord({
      name: 'File',
      table: 'files',
      label: { zh: '文件', en: 'File' },
      jurisdiction: { kind: 'admin' },
      fields: { id: autoId(), content: binary({ zh: '文件内容', en: 'Content' }) },
    });
    expect(attributesOf(FILE.fields).content).toEqual({ type: DataTypes.BLOB, allowNull: false });
    const typed: Buffer = Buffer.from('') satisfies AttributesOf<typeof FILE>['content'];
    expect(typed).toBeInstanceOf(Buffer);
  });
});

describe('a view read by the panel (view: true)', () => {
  const OVERVIEW = declareRecord({
    name: 'ProbeOverview',
    table: 'probe_overview',
    view: true,
    label: { zh: '概览', en: 'Overview' },
    jurisdiction: { kind: 'region', field: 'regionCode' },
    fields: {
      id: text(20, { zh: '行标识', en: 'Row key' }, { primaryKey: true }),
      regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
      unitName: text(200, { zh: '单位名称', en: 'Unit name' }, { nullable: true }),
      kind: choice({ a: { zh: '甲', en: 'A' }, b: { zh: '乙', en: 'B' } }, { zh: '类型', en: 'Kind' }),
      amount: money({ zh: '金额（元）', en: 'Amount' }),
      ...timestamps(),
    },
  });

  it('declares its fields bare, as the view model wrote them: type, key and reference, no nullability', () => {
    const attributes = attributesOf(OVERVIEW.fields, OVERVIEW.view);
    expect(attributes.id).toEqual({ type: expect.anything(), primaryKey: true });
    expect(sqlOf(attributes.id)).toBe('VARCHAR(20)');
    expect(attributes.regionCode).toEqual({ type: expect.anything(), references: { model: 'regions', key: 'code' } });
    expect(attributes.unitName).toEqual({ type: expect.anything() });
    expect(attributes.kind).toEqual({ type: expect.anything() });
    expect((attributes.kind.type as unknown as { values: string[] }).values).toEqual(['a', 'b']);
    expect(attributes.amount).toEqual({ type: expect.anything() });
    expect(sqlOf(attributes.amount)).toBe('DECIMAL(15,2)');
    expect(attributes.createdAt).toEqual({ type: DataTypes.DATE });
  });

  it('is a table’s record unless declared a view, whose fields keep their nullability', () => {
    expect(REQUEST.view).toBe(false);
    expect(OVERVIEW.view).toBe(true);
    expect(attributesOf(OVERVIEW.fields).unitName).toMatchObject({ allowNull: true });
  });

  it('makes a model keyed by the given field, its attributes bare', () => {
    class Overview extends recordModel(OVERVIEW) {}
    initRecord(Overview, sequelize(), OVERVIEW);
    expect(Overview.primaryKeyAttributes).toEqual(['id']);
    expect(Overview.getAttributes().unitName!.allowNull).toBeUndefined();
    expect(Overview.getAttributes().regionCode!.field).toBe('region_code');
  });

  it('types its rows from the fields: non-null unless told nullable', () => {
    const typed: Array<true> = [
      true satisfies Same<AttributesOf<typeof OVERVIEW>['kind'], 'a' | 'b'>,
      true satisfies Same<AttributesOf<typeof OVERVIEW>['regionCode'], string>,
      true satisfies Same<AttributesOf<typeof OVERVIEW>['unitName'], string | null>,
    ];
    expect(typed).toHaveLength(3);
  });

  it('refuses indexes of its own', () => {
    expect(() => declareRecord({ ...OVERVIEW, indexes: [{ fields: ['regionCode'] }] })).toThrow(
      'Record ProbeOverview: a view has no indexes of its own',
    );
  });
});

describe('a choice’s tones (what each state means, for the badges)', () => {
  const TONED = declareRecord({
    name: 'ProbeToned',
    table: 'probe_toned',
    label: { zh: '审核', en: 'Review' },
    jurisdiction: { kind: 'admin' },
    fields: {
      id: autoId(),
      state: choice(
        { waiting: { zh: '待审核', en: 'Waiting' }, ok: { zh: '已审核', en: 'Approved' }, back: { zh: '已退回', en: 'Returned' } },
        { zh: '状态', en: 'State' },
        { tones: { waiting: 'pending', ok: 'done', back: 'refused' }, default: 'waiting' },
      ),
      kind: choice({ a: { zh: '甲', en: 'A' }, b: { zh: '乙', en: 'B' } }, { zh: '类型', en: 'Kind' }),
    },
  });

  it('keeps each value’s tone on the field, and none on a choice that only classifies', () => {
    expect(TONED.fields.state.choiceTones).toEqual({ waiting: 'pending', ok: 'done', back: 'refused' });
    expect(TONED.fields.kind.choiceTones).toBeUndefined();
  });

  it('leaves the column as it was: the tones are the panel’s, not the database’s', () => {
    const toned = attributeOf(TONED.fields.state);
    expect(toned).toEqual({ type: expect.anything(), allowNull: false, defaultValue: 'waiting' });
    expect((toned.type as unknown as { values: string[] }).values).toEqual(['waiting', 'ok', 'back']);
  });

  it('must give every value a tone, and only tones of the scheme', () => {
    const labels = { x: { zh: '甲', en: 'X' }, y: { zh: '乙', en: 'Y' } };
    // @ts-expect-error -- y has no tone
    choice(labels, { zh: '状态', en: 'State' }, { tones: { x: 'done' } });
    // @ts-expect-error -- not a tone of the scheme
    choice(labels, { zh: '状态', en: 'State' }, { tones: { x: 'done', y: 'green' } });
    expect(choice(labels, { zh: '状态', en: 'State' }, { tones: { x: 'done', y: 'neutral' } }).choiceTones).toEqual({
      x: 'done',
      y: 'neutral',
    });
  });

  it('is read by the panel from the model, which carries its declaration', () => {
    class Toned extends recordModel(TONED) {}
    expect(Toned.declaration).toBe(TONED);
    expect(ProcurementUnit.declaration).toBe(PROCUREMENT_UNIT);
  });

  it('is declared for the states and verdicts the issue names, told apart by meaning', () => {
    const tones = PROCUREMENT_UNIT.fields.status.choiceTones!;
    expect([tones.submitted, tones.approved, tones.returned]).toEqual(['pending', 'done', 'refused']);
    expect(PROCUREMENT_UNIT.fields.budgetCodeVerdict.choiceTones).toMatchObject({ match: 'done', mismatch: 'refused' });
    expect(CONTRACT_FILING.fields.pushStatus.choiceTones).toMatchObject({ pushed: 'done', failed: 'refused', queued: 'progress' });
    expect(AFFILIATION.fields.status.choiceTones).toMatchObject({ pending: 'pending', confirmed: 'done' });
  });

  it('is declared on every record’s state, status, verdict and outcome, for each of its values', () => {
    const stateLike = /(^|[a-z])(state|status|Status|verdict|Verdict|outcome|stage|evaluation)$/;
    const missing: string[] = [];
    let checked = 0;
    const declarations = Object.values(models).flatMap((model) =>
      'declaration' in model && model.declaration ? [model.declaration as AnyRecordDeclaration] : [],
    );
    for (const declaration of declarations)
      for (const [name, spec] of Object.entries(declaration.fields))
        if (spec.kind === 'choice' && stateLike.test(name)) {
          checked += 1;
          for (const value of spec.values ?? []) if (!spec.choiceTones?.[value]) missing.push(`${declaration.name}.${name}.${value}`);
        }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('makes the panel draw exactly the toned choices as badges, with their tones', () => {
    const properties = stateBadgeProperties(PROCUREMENT_UNIT);
    expect(Object.keys(properties).sort()).toEqual(['budgetCodeVerdict', 'status']);
    expect(properties.status).toMatchObject({
      components: { list: Components.StateBadge, show: Components.StateBadge },
      custom: { tones: PROCUREMENT_UNIT.fields.status.choiceTones },
    });
    expect(stateBadgeProperties(TONED)).not.toHaveProperty('kind');
    expect(stateBadgeProperties(undefined)).toEqual({});
  });
});
