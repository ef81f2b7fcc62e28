import { describe, expect, it } from '@jest/globals';
import { locales } from 'adminjs';
import { CONTRACT_FILING } from '../../db/records/contract-filing.record.js';
import { PROCUREMENT_UNIT } from '../../db/records/procurement-unit.record.js';
import { METHOD_CHANGE_REQUEST } from '../../db/records/method-change-request.record.js';
import { pageTitle, recordHeading, type Words } from '../../panel/components/page-title.js';
import { readTotalTag, totalTag, type StatedTotal } from '../../panel/components/total-words.js';
import { groupIntoSections, isEmptyValue, spansFullWidth } from '../../panel/components/show-sections.js';
import { recordSections } from '../../panel/record-sections.js';
import { zhCN } from '../../panel/locale/zh-CN.js';

/** The Chinese words as i18next fills them in. */
const words: Words = (key, values = {}) => zhCN.labels[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

describe('the heading of a page', () => {
  const unit = { resourceName: '审核采购单位信息' };

  it('heads a list by its menu name and the total of its answer, the name alone until the answer has come', () => {
    expect(pageTitle({ ...unit, actionName: 'list', actionLabel: '列表', total: '12' }, words)).toBe('审核采购单位信息（共 12 条）');
    expect(pageTitle({ ...unit, actionName: 'list', actionLabel: '列表', total: 0 }, words)).toBe('审核采购单位信息（共 0 条）');
    expect(pageTitle({ ...unit, actionName: 'list', actionLabel: '列表', total: '' }, words)).toBe('审核采购单位信息');
  });

  it('marks a total that is not a count: 约 the planner’s estimate, 超过 the limit of exact counting, digits grouped', () => {
    const list = (total: StatedTotal) => pageTitle({ ...unit, actionName: 'list', actionLabel: '列表', total: totalTag(total) }, words);
    expect(list({ total: 1234567, totalIs: 'about' })).toBe('审核采购单位信息（约 1,234,567 条）');
    expect(list({ total: 100000, totalIs: 'moreThan' })).toBe('审核采购单位信息（超过 100,000 条）');
    expect(list({ total: 12345, totalIs: 'exact' })).toBe('审核采购单位信息（共 12,345 条）');
    for (const total of [
      { total: 7, totalIs: 'about' },
      { total: 0, totalIs: 'exact' },
    ] as StatedTotal[])
      expect(readTotalTag(totalTag(total))).toEqual(total);
    // Anything else AdminJS might leave in the tag heads the list by its name alone.
    expect(pageTitle({ ...unit, actionName: 'list', actionLabel: '列表', total: 'x12' }, words)).toBe('审核采购单位信息');
  });

  it('heads a record’s page by the record, and any other action on it by the action and the record', () => {
    const record = { recordHeading: '南昌县人民医院' };
    expect(pageTitle({ ...unit, ...record, actionName: 'show', actionLabel: '显示' }, words)).toBe('南昌县人民医院');
    expect(pageTitle({ ...unit, ...record, actionName: 'approve', actionLabel: '审核通过' }, words)).toBe('审核通过：南昌县人民医院');
    expect(pageTitle({ ...unit, ...record, actionName: 'edit', actionLabel: '编辑' }, words)).toBe('编辑：南昌县人民医院');
  });

  it('heads an action on the whole resource by the action and the menu name', () => {
    expect(pageTitle({ resourceName: '监管用户', actionName: 'new', actionLabel: '创建' }, words)).toBe('创建：监管用户');
  });
});

describe('the name a record is headed by', () => {
  const affiliations = {
    titleProperty: { propertyPath: 'id', isId: true },
    showProperties: [
      { propertyPath: 'regionCode', reference: 'Region' },
      { propertyPath: 'subordinateUnitId', reference: 'ProcurementUnit' },
      { propertyPath: 'supervisingUnitId', reference: 'ProcurementUnit' },
    ],
  };

  it('is its own title where the resource names its records by a field', () => {
    const units = { titleProperty: { propertyPath: 'name' }, showProperties: [] };
    expect(recordHeading({ id: 7, title: '南昌县人民医院' }, units, words)).toBe('南昌县人民医院');
  });

  it('is the record it belongs to where its title is only its key, never the region it lies in', () => {
    const record = {
      id: 3,
      title: '3',
      populated: {
        regionCode: { title: '南昌县' },
        subordinateUnitId: { title: '南昌县图书馆' },
        supervisingUnitId: { title: '南昌县文化局' },
      },
    };
    expect(recordHeading(record, affiliations, words)).toBe('南昌县图书馆');
  });

  it('is its number where nothing else names it', () => {
    expect(recordHeading({ id: 3, title: '3', populated: { regionCode: { title: '南昌县' } } }, affiliations, words)).toBe('编号 3');
    const named = { titleProperty: { propertyPath: 'contractNo' }, showProperties: [] };
    expect(recordHeading({ id: 9, title: '  ' }, named, words)).toBe('编号 9');
  });
});

describe('the sections of a record’s page, from its declaration', () => {
  it('puts a decided record’s decision, state and waiting time under 审核信息 and its deadline under 办理时限', () => {
    const sections = recordSections(PROCUREMENT_UNIT, { related: true, history: true, deadline: true });
    expect(sections).toEqual({
      status: 'review',
      budgetCodeVerdict: 'review',
      submittedAt: 'review',
      reviewedAt: 'review',
      reviewerName: 'review',
      reviewComment: 'review',
      dueDate: 'deadline',
      overdueDays: 'deadline',
      overdue: 'deadline',
      deadline: 'deadline',
      related: 'related',
      history: 'history',
    });
  });

  it('follows each record’s own column names for the decision', () => {
    const sections = recordSections(METHOD_CHANGE_REQUEST);
    for (const name of ['state', 'submittedAt', 'decidedAt', 'decidedBy', 'decisionReason']) expect(sections[name]).toBe('review');
    expect(sections.projectName).toBeUndefined();
    // Only what the features add to this resource gets a heading.
    expect(sections.related).toBeUndefined();
  });

  it('leaves the states of a record nobody decides under 基本信息', () => {
    const sections = recordSections(CONTRACT_FILING, { history: true });
    expect(sections.pushStatus).toBeUndefined();
    expect(sections).toEqual({ history: 'history' });
  });

  it('groups a page’s properties in the sections’ order, each in the resource’s order, empty sections left out', () => {
    const property = (propertyPath: string, section?: string, type = 'string') => ({
      propertyPath,
      type,
      custom: section ? { section } : {},
    });
    const groups = groupIntoSections([
      property('history', 'history'),
      property('name'),
      property('status', 'review'),
      property('address'),
      property('elsewhere', 'nowhere'),
    ]);
    expect(groups.map((g) => [g.section, g.properties.map((p) => p.propertyPath)])).toEqual([
      ['basic', ['name', 'address', 'elsewhere']],
      ['review', ['status']],
      ['history', ['history']],
    ]);
    expect(spansFullWidth(property('history', 'history'))).toBe(true);
    expect(spansFullWidth(property('reviewComment', 'review', 'textarea'))).toBe(true);
    expect(spansFullWidth(property('name'))).toBe(false);
  });

  it('says — for no value, and shows 0, 否 and a value with spaces around it', () => {
    for (const empty of [undefined, null, '', '  ']) expect(isEmptyValue(empty)).toBe(true);
    for (const value of [0, false, ' 南昌县 ']) expect(isEmptyValue(value)).toBe(false);
  });
});

describe('the words of the panel', () => {
  it('say 记录, never 纪录, over AdminJS’s own Chinese', () => {
    const adminjs = locales['zh-CN'] as { messages: Record<string, string> };
    const merged = { ...adminjs, messages: { ...adminjs.messages, ...zhCN.messages } };
    expect(JSON.stringify(adminjs)).toContain('纪录');
    expect(JSON.stringify(merged)).not.toContain('纪录');
    expect(JSON.stringify(zhCN)).not.toContain('纪录');
  });
});
