import type { ActionDetail, SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { supervisoryActions } from '../../actions/supervisory-action.js';
import { CASE_STEPS_FROM, NO_OFFICE_ABOVE, transferTarget } from '../../domain/risk/case-workflow.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { SUPERVISION_CASE } from '../../db/records/supervision-case.record.js';
import { CaseEntry } from '../../db/models/risk/case-entry.model.js';
import { RiskFlag } from '../../db/models/risk/risk-flag.model.js';
import { SupervisionCase } from '../../db/models/risk/supervision-case.model.js';
import { regionLabel } from '../../services/office-names.js';
import type { ResourceDefinition } from '../resource-definition.js';

const STATES = choiceLabels(SUPERVISION_CASE.fields.status, 'zh');

async function facts(row: SupervisionCase): Promise<ActionDetail[]> {
  const flags = await RiskFlag.count({ where: { caseId: row.id } });
  return [
    { label: '案件编号', value: row.caseNo },
    { label: '案件名称', value: row.title },
    { label: '承办辖区', value: regionLabel(row.regionCode) },
    { label: '当前状态', value: STATES[row.status] ?? row.status },
    { label: '涉及预警', value: `${flags} 条` },
  ];
}

const common = {
  resourceId: 'SupervisionCase',
  model: SupervisionCase,
  stateLabels: STATES,
  reason: 'required' as const,
  inspect: async (row: SupervisionCase) => ({ details: await facts(row) }),
};

/** 质询 / 记录答复: the case moves on and what was asked or answered is kept in order (case_entries). */
function entryStep(
  name: string,
  label: string,
  reasonLabel: string,
  from: readonly string[],
  kind: 'question' | 'answer',
): SupervisoryActionSpec<SupervisionCase> {
  const status = kind === 'question' ? 'questioned' : 'answered';
  return {
    ...common,
    name,
    label,
    reasonLabel,
    from,
    apply: (_row, { now }) => ({ status, stepStartedAt: now }),
    within: async (row, transaction, user, { reason, now }) => {
      await CaseEntry.create(
        { caseId: row.id, regionCode: row.regionCode, kind, text: reason!, by: user.username, at: now },
        { transaction },
      );
    },
    success: (row) => `${row.caseNo}：已${label}`,
    icon: kind === 'question' ? 'HelpCircle' : 'MessageSquare',
    variant: 'info',
  };
}

const question = entryStep('questionUnit', '质询', '质询内容', CASE_STEPS_FROM.question, 'question');
const answer = entryStep('recordAnswer', '记录答复', '采购单位答复内容', CASE_STEPS_FROM.answer, 'answer');

function conclusion(kind: 'confirmed' | 'unfounded'): SupervisoryActionSpec<SupervisionCase> {
  const confirmed = kind === 'confirmed';
  return {
    ...common,
    name: confirmed ? 'concludeConfirmed' : 'concludeUnfounded',
    label: confirmed ? '办结（属实）' : '办结（不属实）',
    reasonLabel: confirmed ? '处理措施' : '不属实的理由',
    from: CASE_STEPS_FROM.conclude,
    apply: (_row, { user, reason, now }) => ({
      status: 'concluded',
      conclusion: kind,
      ...(confirmed ? { measures: reason } : { reason }),
      concludedAt: now,
      concludedBy: user.username,
    }),
    success: (row) => `${row.caseNo} 已办结：${confirmed ? '属实' : '不属实'}`,
    icon: confirmed ? 'CheckSquare' : 'XSquare',
    variant: confirmed ? 'danger' : 'success',
  };
}

/** 移交: to the office above, which sees the case (and its questions and answers) and handles it from where it stood. */
const transfer: SupervisoryActionSpec<SupervisionCase> = {
  ...common,
  name: 'transferCase',
  label: '移交',
  reasonLabel: '移交理由',
  from: CASE_STEPS_FROM.transfer,
  inspect: async (row) => {
    const target = transferTarget(row.regionCode);
    const details = [...(await facts(row)), ...(target ? [{ label: '移交至', value: regionLabel(target) }] : [])];
    return target ? { details } : { details, refusal: NO_OFFICE_ABOVE };
  },
  apply: (row, { reason, now }) => ({
    status: 'transferred',
    conclusion: 'transferred',
    regionCode: transferTarget(row.regionCode),
    reason,
    stepStartedAt: now,
  }),
  within: async (row, transaction) => {
    await CaseEntry.update({ regionCode: transferTarget(row.regionCode)! }, { where: { caseId: row.id }, transaction });
  },
  success: (row) => `${row.caseNo} 已移交${regionLabel(transferTarget(row.regionCode))}`,
  icon: 'CornerRightUp',
  variant: 'primary',
};

/** 监管案件: cases opened from red flags, with their questions, answers and flags on the record page. */
export const supervisionCaseResource: ResourceDefinition = {
  id: 'SupervisionCase',
  model: SupervisionCase,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  related: [
    { resourceId: 'RiskFlag', foreignKey: 'caseId' },
    { resourceId: 'CaseEntry', foreignKey: 'caseId' },
  ],
  options: {
    titleProperty: 'title',
    properties: { measures: { type: 'textarea' }, reason: { type: 'textarea' } },
    actions: {
      ...supervisoryActions(question),
      ...supervisoryActions(answer),
      ...supervisoryActions(conclusion('confirmed')),
      ...supervisoryActions(conclusion('unfounded')),
      ...supervisoryActions(transfer),
    },
  },
};

/** 质询与答复: a case's entries, reached from its record page. */
export const caseEntryResource: ResourceDefinition = {
  id: 'CaseEntry',
  model: CaseEntry,
  hiddenFromMenu: true,
  builtInActions: ['list', 'show', 'search'],
  options: {
    titleProperty: 'text',
    properties: { caseId: { reference: 'SupervisionCase' }, text: { type: 'textarea' } },
  },
};
