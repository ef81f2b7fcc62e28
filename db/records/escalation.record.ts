import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, boolean, choice, day, integer, moment, reference, text } from '../record/fields.js';

/** An overdue record reported to the office above the one that must decide it (超期上报), once per step and due date. */
export const ESCALATION = declareRecord({
  name: 'Escalation',
  table: 'escalations',
  indexes: [{ fields: ['resourceId', 'recordId', 'step', 'dueDate'], unique: true }, { fields: ['escalatedTo', 'resolved'] }],
  label: { zh: '超期上报', en: 'Escalation' },
  // Addressed to one office: the one it was reported to (and those above it) see it.
  jurisdiction: { kind: 'region', field: 'escalatedTo' },
  fields: {
    id: autoId(),
    // The deadline step of the overdue record; the table keeps it as a string.
    step: choice(
      {
        unitReview: { zh: '采购单位信息审核', en: 'Purchasing unit review' },
        expertReview: { zh: '专家信息审核', en: 'Expert review' },
        specialtyReview: { zh: '评标专业审核', en: 'Specialty review' },
        failedTenderConfirmation: { zh: '废标处理确认', en: 'Failed tender confirmation' },
        preAwardConfirmation: { zh: '预中标异常确认', en: 'Pre-award anomaly confirmation' },
        paymentReview: { zh: '支付审核', en: 'Payment review' },
        methodChangeApproval: { zh: '采购方式变更审批', en: 'Method change approval' },
        importProductApproval: { zh: '进口产品采购审核', en: 'Imported product approval' },
        caseHandling: { zh: '监管案件办理', en: 'Supervision case' },
      },
      { zh: '监管事项', en: 'Step' },
      { length: 40 },
    ),
    resourceId: text(60, { zh: '记录类型', en: 'Record type' }, { codeOf: 'recordType' }),
    recordId: text(40, { zh: '记录编号', en: 'Record id' }),
    recordTitle: text(300, { zh: '事项', en: 'Record' }),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    escalatedTo: reference('regions', 'code', text(6, { zh: '上报至', en: 'Reported to' })),
    dueDate: day({ zh: '到期日', en: 'Due date' }),
    overdueDays: integer({ zh: '超期工作日', en: 'Working days overdue' }),
    escalatedAt: moment({ zh: '上报时间', en: 'Reported at' }),
    resolved: boolean({ zh: '已办结', en: 'Resolved' }, { default: false }),
    /** When, by whom (a username, or 系统 for the daily check) and by which decision the reported step was done. */
    resolvedAt: moment({ zh: '办结时间', en: 'Resolved at' }, { nullable: true }),
    resolvedBy: text(64, { zh: '办结人', en: 'Resolved by' }, { nullable: true, codeOf: 'user' }),
    decision: text(100, { zh: '办结决定', en: 'Decision' }, { nullable: true }),
    ...timestamps(),
  },
});
