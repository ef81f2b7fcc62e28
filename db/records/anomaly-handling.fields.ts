import { FAILED_TENDER_STATES } from '../../domain/failed-tender-workflow.js';
import { decision, versioned } from '../record/blocks.js';
import { autoId, bilingual, boolean, choice, integer, longText, moment, reference, text } from '../record/fields.js';

/**
 * What both anomaly handlings (废标处理, 预中标异常) share: the project they are about, first; then the workflow of
 * domain/failed-tender-workflow.ts, the unit's approval and the office's confirmation, after their own facts.
 */
export const anomalyProject = () => ({
  id: autoId(),
  projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Procurement project' })),
  projectNo: text(64, { zh: '项目编号', en: 'Project number' }),
  projectName: text(300, { zh: '项目名称', en: 'Project name' }),
  regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
});

export const anomalyHandling = () => ({
  state: choice(
    bilingual(FAILED_TENDER_STATES, {
      editing: 'Editing',
      submitted: 'Submitted',
      unit_approved: 'Approved by the unit',
      awaiting_supervisor: 'Awaiting office confirmation',
      approved: 'Approved',
      rejected: 'Rejected',
    }),
    { zh: '状态', en: 'State' },
    {
      tones: {
        editing: 'neutral',
        submitted: 'progress',
        unit_approved: 'progress',
        awaiting_supervisor: 'pending',
        approved: 'done',
        rejected: 'refused',
      },
    },
  ),
  confirmationRequired: boolean({ zh: '须采购办确认', en: 'Office confirmation required' }),
  confirmationBasis: longText({ zh: '确认依据', en: 'Basis for confirmation' }),
  unitApprovedAt: moment({ zh: '单位审核时间', en: 'Approved by the unit at' }, { nullable: true }),
  ...decision({
    at: { name: 'decidedAt', label: { zh: '采购办处理时间', en: 'Handled by the office at' } },
    by: { name: 'decidedBy', label: { zh: '采购办处理人', en: 'Handled by' }, length: 64 },
    reason: { name: 'decisionReason', label: { zh: '处理意见', en: 'Office comment' } },
  }),
  ...versioned({ zh: '版本', en: 'Version' }),
});
