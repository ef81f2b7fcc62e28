import { SPECIALTY_STATES } from '../../domain/expert-review.js';
import { deadline, decision, timestamps, versioned } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, bilingual, choice, integer, moment, reference, text } from '../record/fields.js';

const nullable = { nullable: true } as const;
// A step's reviewer is kept as a login and shown by office.
const reviewer = { nullable: true, codeOf: 'user' } as const;

/** An expert's application for an evaluation specialty (评标专业), reviewed city → province → 省公管办. */
export const EXPERT_SPECIALTY_REVIEW = declareRecord({
  name: 'ExpertSpecialtyReview',
  table: 'expert_specialty_reviews',
  indexes: [{ fields: ['registrationRegion', 'state'] }],
  label: { zh: '评标专业审核', en: 'Specialty review' },
  jurisdiction: { kind: 'region', field: 'registrationRegion' },
  fields: {
    id: autoId(),
    expertId: reference('experts', 'id', integer({ zh: '专家注册信息', en: 'Expert registration' })),
    expertName: text(50, { zh: '专家', en: 'Expert' }),
    registrationRegion: reference('regions', 'code', text(6, { zh: '注册地', en: 'Registration region' })),
    specialtyCode: text(20, { zh: '专业编码', en: 'Specialty code' }),
    specialtyName: text(100, { zh: '评标专业', en: 'Specialty' }),
    state: choice(
      bilingual(SPECIALTY_STATES, {
        city_review: 'Awaiting city review',
        province_review: 'Awaiting province review',
        gongguanban_review: 'Awaiting public resources office review',
        approved: 'Approved',
        returned: 'Returned to the expert',
      }),
      { zh: '审核环节', en: 'Review step' },
      {
        tones: {
          city_review: 'pending',
          province_review: 'progress',
          gongguanban_review: 'progress',
          approved: 'done',
          returned: 'refused',
        },
      },
    ),
    appliedAt: moment({ zh: '申请时间', en: 'Applied at' }),
    cityReviewedBy: text(64, { zh: '市级审核人', en: 'City reviewer' }, reviewer),
    cityReviewedAt: moment({ zh: '市级审核时间', en: 'City reviewed at' }, nullable),
    provinceReviewedBy: text(64, { zh: '省级审核人', en: 'Province reviewer' }, reviewer),
    provinceReviewedAt: moment({ zh: '省级审核时间', en: 'Province reviewed at' }, nullable),
    gongguanbanReviewedBy: text(64, { zh: '省公管办审核人', en: 'Public resources office reviewer' }, reviewer),
    gongguanbanReviewedAt: moment({ zh: '省公管办审核时间', en: 'Public resources office reviewed at' }, nullable),
    ...decision({
      at: { name: 'returnedAt', label: { zh: '退回时间', en: 'Returned at' } },
      by: { name: 'returnedBy', label: { zh: '退回人', en: 'Returned by' }, length: 64 },
      reason: { name: 'returnReason', label: { zh: '退回原因', en: 'Reason for return' } },
    }),
    ...versioned({ zh: '版本', en: 'Version' }),
    ...deadline(),
    ...timestamps(),
  },
  // Each level's own time limit is counted from the day the previous level passed it on (services/deadlines).
  pending: {
    field: 'state',
    in: ['city_review', 'province_review', 'gongguanban_review'],
    since: 'appliedAt',
    title: 'specialtyName',
    step: 'specialtyReview',
  },
});
