import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, choice, integer, longText, moment, reference, text } from '../record/fields.js';

/**
 * What was asked of the purchasing unit in a supervision case (质询) and what it answered (答复), in order. The entries
 * follow their case's office: a transfer (移交) moves them with it.
 */
export const CASE_ENTRY = declareRecord({
  name: 'CaseEntry',
  table: 'case_entries',
  indexes: [{ fields: ['caseId', 'at'] }, { fields: ['regionCode'] }],
  label: { zh: '质询与答复', en: 'Questions and answers' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    caseId: reference('supervision_cases', 'id', integer({ zh: '监管案件', en: 'Supervision case' })),
    regionCode: reference('regions', 'code', text(6, { zh: '承办辖区', en: 'Handling office' })),
    kind: choice(
      { question: { zh: '质询', en: 'Question' }, answer: { zh: '答复', en: 'Answer' } },
      { zh: '类别', en: 'Kind' },
      { length: 10 },
    ),
    text: longText({ zh: '内容', en: 'Text' }, { validate: { len: [1, 2000] } }),
    by: text(64, { zh: '记录人', en: 'Recorded by' }, { codeOf: 'user' }),
    at: moment({ zh: '时间', en: 'At' }),
    ...timestamps(),
  },
});
