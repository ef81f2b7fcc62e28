import { deadline, timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, choice, longText, moment, reference, text } from '../record/fields.js';

/**
 * A supervision case (监管案件) opened from red flags: assigned (分办) to the office of the flags' region, which questions
 * the purchasing unit (质询), records its answer (答复) and concludes (办结: 属实 with measures, 不属实 with the reason), or
 * transfers it to the office above (移交). Each step has a time limit in working days (config/deadlines.yaml,
 * caseHandling), counted from the step's start; an overdue case is reported upwards as other records are.
 */
export const SUPERVISION_CASE = declareRecord({
  name: 'SupervisionCase',
  table: 'supervision_cases',
  indexes: [{ fields: ['regionCode', 'status'] }],
  label: { zh: '监管案件', en: 'Supervision case' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    caseNo: text(30, { zh: '案件编号', en: 'Case no.' }, { unique: true }),
    regionCode: reference('regions', 'code', text(6, { zh: '承办辖区', en: 'Handling office' })),
    title: text(300, { zh: '案件名称', en: 'Title' }),
    status: choice(
      {
        assigned: { zh: '已分办', en: 'Assigned' },
        questioned: { zh: '已质询', en: 'Questioned' },
        answered: { zh: '已答复', en: 'Answered' },
        concluded: { zh: '已办结', en: 'Concluded' },
        transferred: { zh: '已移交', en: 'Transferred' },
      },
      { zh: '案件状态', en: 'Case state' },
      {
        length: 12,
        default: 'assigned',
        tones: { assigned: 'pending', questioned: 'progress', answered: 'pending', concluded: 'done', transferred: 'pending' },
      },
    ),
    conclusion: choice(
      {
        confirmed: { zh: '属实', en: 'Confirmed' },
        unfounded: { zh: '不属实', en: 'Unfounded' },
        transferred: { zh: '移交', en: 'Transferred' },
      },
      { zh: '办理结论', en: 'Conclusion' },
      { length: 12, nullable: true, tones: { confirmed: 'refused', unfounded: 'done', transferred: 'progress' } },
    ),
    measures: longText({ zh: '处理措施', en: 'Measures' }, { nullable: true, validate: { len: [0, 2000] } }),
    reason: longText({ zh: '理由', en: 'Reason' }, { nullable: true, validate: { len: [0, 2000] } }),
    openedAt: moment({ zh: '立案时间', en: 'Opened at' }),
    openedBy: text(64, { zh: '立案人', en: 'Opened by' }, { codeOf: 'user' }),
    /** When the current step began (分办, 质询, 答复, 移交): its time limit counts from here. */
    stepStartedAt: moment({ zh: '本环节开始时间', en: 'Step started at' }),
    concludedAt: moment({ zh: '办结时间', en: 'Concluded at' }, { nullable: true }),
    concludedBy: text(64, { zh: '办结人', en: 'Concluded by' }, { nullable: true, codeOf: 'user' }),
    ...deadline(),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...timestamps(),
  },
  pending: {
    field: 'status',
    in: ['assigned', 'questioned', 'answered', 'transferred'],
    since: 'stepStartedAt',
    title: 'title',
    step: 'caseHandling',
  },
});
