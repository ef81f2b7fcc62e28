import { Op } from 'sequelize';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import {
  expertReviewRefusal,
  nextSpecialtyState,
  specialtyStepOf,
  specialtyStepRefusal,
  type ReviewStep,
} from '../../domain/expert-review.js';
import { regionWhere } from '../../db/jurisdiction-scope.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { EXPERT } from '../../db/records/expert.record.js';
import { EXPERT_SPECIALTY_REVIEW } from '../../db/records/expert-specialty-review.record.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { flagsOf } from '../risk/flag-subjects.js';
import { regionLabel } from '../../services/office-names.js';
import { ExpertSpecialtyReview } from '../../db/models/experts/expert-specialty-review.model.js';
import { Expert } from '../../db/models/experts/expert.model.js';

const SPECIALTY_STATE_LABELS = choiceLabels(EXPERT_SPECIALTY_REVIEW.fields.state, 'zh');

const expertFacts = async (expert: Expert) => ({
  details: [
    { label: '姓名', value: expert.name },
    { label: '工作单位', value: expert.workUnit },
    { label: '职称', value: expert.title },
    { label: '注册地', value: expert.registrationRegion },
    { label: '申报专业', value: expert.specialties },
  ],
});

const reviewed =
  (state: 'approved' | 'rejected') =>
  (_expert: Expert, { user, reason, now }: { user: { username: string }; reason: string | null; now: Date }) => ({
    state,
    reviewedAt: now,
    reviewedBy: user.username,
    reviewReason: reason,
  });

const approveExpert: SupervisoryActionSpec<Expert> = {
  name: 'approveExpert',
  label: '审核通过',
  resourceId: 'Expert',
  model: Expert,
  statusField: 'state',
  from: EXPERT.pending.in,
  stateLabels: choiceLabels(EXPERT.fields.state, 'zh'),
  reason: 'optional',
  office: 'cityLevel',
  regionField: 'registrationRegion',
  outsideOffice: (user, expert) => expertReviewRefusal(user.role, user.regionCode, expert.registrationRegion, regionLabel)!,
  inspect: expertFacts,
  apply: reviewed('approved'),
  success: (expert) => `专家 ${expert.name} 的注册信息已审核通过`,
  icon: 'CheckCircle',
  variant: 'success',
};

const rejectExpert: SupervisoryActionSpec<Expert> = {
  ...approveExpert,
  name: 'rejectExpert',
  label: '审核退回',
  reason: 'required',
  apply: reviewed('rejected'),
  success: (expert) => `专家 ${expert.name} 的注册信息已退回`,
  icon: 'XCircle',
  variant: 'danger',
};

/** 专家信息审核 */
export const expertResource: ResourceDefinition = {
  id: 'Expert',
  model: Expert,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  related: [
    { resourceId: 'ExpertSpecialtyReview', foreignKey: 'expertId' },
    { resourceId: 'ExpertAssignment', foreignKey: 'expertId' },
    flagsOf('Expert'),
  ],
  options: {
    titleProperty: 'name',
    properties: { reviewReason: { type: 'textarea' } },
    actions: {
      ...supervisoryActions(approveExpert),
      ...supervisoryActions(rejectExpert),
    },
  },
};

const STEP_COLUMNS: Record<ReviewStep, { by: string; at: string }> = {
  city_review: { by: 'cityReviewedBy', at: 'cityReviewedAt' },
  province_review: { by: 'provinceReviewedBy', at: 'provinceReviewedAt' },
  gongguanban_review: { by: 'gongguanbanReviewedBy', at: 'gongguanbanReviewedAt' },
};

const chainSoFar = async (review: ExpertSpecialtyReview) => ({
  details: [
    { label: '专家', value: review.expertName },
    { label: '评标专业', value: `${review.specialtyCode} ${review.specialtyName}` },
    {
      label: '市级审核',
      value: review.cityReviewedBy
        ? `${review.cityReviewedBy} 已通过`
        : review.registrationRegion === '360000'
          ? '（省本级专家无市级审核）'
          : '—',
    },
    { label: '省级审核', value: review.provinceReviewedBy ? `${review.provinceReviewedBy} 已通过` : '—' },
    { label: '省公管办审核', value: review.gongguanbanReviewedBy ? `${review.gongguanbanReviewedBy} 已通过` : '—' },
    { label: '当前环节', value: SPECIALTY_STATE_LABELS[review.state] },
  ],
});

const approveSpecialtyStep: SupervisoryActionSpec<ExpertSpecialtyReview> = {
  name: 'approveSpecialtyStep',
  label: '本级审核通过',
  resourceId: 'ExpertSpecialtyReview',
  model: ExpertSpecialtyReview,
  statusField: 'state',
  from: EXPERT_SPECIALTY_REVIEW.pending.in,
  stateLabels: SPECIALTY_STATE_LABELS,
  reason: 'optional',
  mayAct: (user, review) => specialtyStepRefusal(review.state, user.role, user.regionCode, review.registrationRegion),
  decidableWhere: (user) => {
    const mine = specialtyStepOf(user.role, user.regionCode);
    return mine && { [Op.and]: [{ state: mine.step }, regionWhere('registrationRegion', mine.regions)] };
  },
  inspect: chainSoFar,
  apply: (review, { user, now }) => {
    const step = review.state as ReviewStep;
    return { state: nextSpecialtyState(step), [STEP_COLUMNS[step].by]: user.username, [STEP_COLUMNS[step].at]: now };
  },
  success: (review) => `${review.expertName} 的评标专业“${review.specialtyName}”本级审核通过`,
  icon: 'CheckCircle',
  variant: 'success',
};

const returnSpecialty: SupervisoryActionSpec<ExpertSpecialtyReview> = {
  ...approveSpecialtyStep,
  name: 'returnSpecialty',
  label: '退回专家',
  reason: 'required',
  apply: (_review, { user, reason, now }) => ({ state: 'returned', returnedAt: now, returnedBy: user.username, returnReason: reason }),
  success: (review) => `${review.expertName} 的评标专业“${review.specialtyName}”已退回专家`,
  icon: 'CornerUpLeft',
  variant: 'danger',
};

/** 评标专业审核: city → province → 省公管办, one step per level, none skipped. */
export const expertSpecialtyReviewResource: ResourceDefinition = {
  id: 'ExpertSpecialtyReview',
  model: ExpertSpecialtyReview,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'specialtyName',
    properties: { expertId: { reference: 'Expert' }, returnReason: { type: 'textarea' } },
    actions: {
      ...supervisoryActions(approveSpecialtyStep),
      ...supervisoryActions(returnSpecialty),
    },
  },
};
