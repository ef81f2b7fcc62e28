import { RISK_RULE_LABELS, RISK_RULE_LABELS_EN } from '../../domain/risk/rule-codes.js';
import { RISK_SEVERITY_LABELS } from '../../domain/risk/risk-flag.js';
import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, bilingual, choice, decimal, integer, json, longText, moment, money, reference, text } from '../record/fields.js';

/**
 * A red flag (风险预警) one of the rules raised on a record, with the figures it compared, so a supervisor can see why
 * (issue #30, 智慧监管). The evaluation job upserts them by rule + subject (services/risk/flag-store.ts) and clears those
 * no longer raised; a supervisor opens a case (监管案件) from one or several.
 */
export const RISK_FLAG = declareRecord({
  name: 'RiskFlag',
  table: 'risk_flags',
  indexes: [
    { fields: ['rule', 'subjectType', 'subjectId'], unique: true },
    { fields: ['regionCode', 'status', 'score'] },
    { fields: ['caseId'] },
  ],
  label: { zh: '风险预警', en: 'Risk flag' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    rule: choice(bilingual(RISK_RULE_LABELS, RISK_RULE_LABELS_EN), { zh: '预警规则', en: 'Rule' }, { length: 40 }),
    subjectType: text(60, { zh: '对象类型', en: 'Subject type' }, { codeOf: 'recordType' }),
    subjectId: text(64, { zh: '对象编号', en: 'Subject id' }, { exact: true }),
    subjectLabel: text(200, { zh: '预警对象', en: 'Subject' }),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    severity: choice(
      bilingual(RISK_SEVERITY_LABELS, { red: 'Red', orange: 'Orange', yellow: 'Yellow' }),
      { zh: '风险等级', en: 'Severity' },
      { length: 10, tones: { red: 'refused', orange: 'pending', yellow: 'neutral' } },
    ),
    amount: money({ zh: '涉及金额（元）', en: 'Amount (yuan)' }),
    score: decimal(18, 2, { zh: '风险分值', en: 'Score' }),
    figures: json<Record<string, string | number | boolean | null>>({ zh: '预警指标', en: 'Figures' }),
    threshold: text(300, { zh: '预警阈值', en: 'Threshold' }),
    basis: longText({ zh: '依据', en: 'Basis' }),
    status: choice(
      { open: { zh: '未处理', en: 'Open' }, cleared: { zh: '已消除', en: 'Cleared' } },
      { zh: '预警状态', en: 'Flag state' },
      { length: 10, tones: { open: 'pending', cleared: 'done' }, default: 'open' },
    ),
    raisedAt: moment({ zh: '预警时间', en: 'Raised at' }),
    clearedAt: moment({ zh: '消除时间', en: 'Cleared at' }, { nullable: true }),
    evaluatedAt: moment({ zh: '最近评估时间', en: 'Last evaluated at' }),
    caseId: reference('supervision_cases', 'id', integer({ zh: '监管案件', en: 'Supervision case' }, { nullable: true })),
    ...timestamps(),
  },
  pending: { field: 'status', in: ['open'], since: 'raisedAt' },
});
