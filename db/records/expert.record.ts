import { EXPERT_STATES } from '../../domain/expert-review.js';
import { deadline, decision, timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { personalPhone } from '../record/personal-fields.js';
import { autoId, bilingual, choice, moment, reference, text } from '../record/fields.js';

/** An evaluation expert's registration (专家注册), reviewed by the office of the registration region. */
export const EXPERT = declareRecord({
  name: 'Expert',
  table: 'experts',
  indexes: [{ fields: ['registrationRegion', 'state'] }, { fields: ['phoneIndex'] }],
  label: { zh: '专家注册', en: 'Expert registration' },
  jurisdiction: { kind: 'region', field: 'registrationRegion' },
  fields: {
    id: autoId(),
    name: text(50, { zh: '姓名', en: 'Name' }),
    idNumberMasked: text(18, { zh: '身份证号', en: 'ID number' }),
    gender: choice({ male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } }, { zh: '性别', en: 'Gender' }),
    title: text(50, { zh: '职称', en: 'Professional title' }),
    workUnit: text(200, { zh: '工作单位', en: 'Employer' }),
    ...personalPhone('phone', { zh: '联系电话', en: 'Phone' }),
    registrationRegion: reference('regions', 'code', text(6, { zh: '注册地', en: 'Registration region' })),
    specialties: text(300, { zh: '申报评标专业', en: 'Specialties applied for' }),
    state: choice(
      bilingual(EXPERT_STATES, { submitted: 'Awaiting review', approved: 'Approved', rejected: 'Returned' }),
      {
        zh: '审核状态',
        en: 'Review state',
      },
      { tones: { submitted: 'pending', approved: 'done', rejected: 'refused' } },
    ),
    submittedAt: moment({ zh: '提交时间', en: 'Submitted at' }),
    ...decision({
      at: { name: 'reviewedAt', label: { zh: '审核时间', en: 'Reviewed at' } },
      by: { name: 'reviewedBy', label: { zh: '审核人', en: 'Reviewer' }, length: 64 },
      reason: { name: 'reviewReason', label: { zh: '审核意见', en: 'Review comment' } },
    }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...deadline(),
    ...timestamps(),
  },
  pending: { field: 'state', in: ['submitted'], since: 'submittedAt', title: 'name', step: 'expertReview' },
});
