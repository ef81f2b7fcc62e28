/** 专家管理: who reviews an expert's registration and each step of an evaluation specialty (评标专业) review. */
import { canReviewExpert, decidedRegions, inRegions, PROVINCE_CODE, type RegionFilter, type Role } from './jurisdiction.js';

export const EXPERT_STATES = { submitted: '待审核', approved: '审核通过', rejected: '审核退回' } as const;
export type ExpertState = keyof typeof EXPERT_STATES;

export const SPECIALTY_STATES = {
  city_review: '待市级审核',
  province_review: '待省级审核',
  gongguanban_review: '待省公管办审核',
  approved: '审核通过',
  returned: '已退回专家',
} as const;
export type SpecialtyState = keyof typeof SPECIALTY_STATES;
export type ReviewStep = 'city_review' | 'province_review' | 'gongguanban_review';

const NEXT: Record<ReviewStep, SpecialtyState> = {
  city_review: 'province_review',
  province_review: 'gongguanban_review',
  gongguanban_review: 'approved',
};
const STEP_OFFICE: Record<ReviewStep, string> = {
  city_review: '专家注册地所在市的采购办',
  province_review: '省采购监管处',
  gongguanban_review: '省公管办',
};

/** Where a specialty review starts: 省本级 registrations have no city step. */
export function firstSpecialtyStep(registrationRegion: string): ReviewStep {
  return registrationRegion === PROVINCE_CODE ? 'province_review' : 'city_review';
}

export function isReviewStep(state: string): state is ReviewStep {
  return state in NEXT;
}

/** The state after this step's office approves. */
export function nextSpecialtyState(step: ReviewStep): SpecialtyState {
  return NEXT[step];
}

/**
 * The step of the chain a user reviews and the registration regions it covers there (the city step belongs to the
 * city of the registration; the province's and 省公管办's steps cover every expert); null for a user who reviews none.
 */
export function specialtyStepOf(role: Role, userRegion: string): { step: ReviewStep; regions: RegionFilter } | null {
  switch (role) {
    case 'city': {
      const regions = decidedRegions('cityLevel', role, userRegion);
      return regions && { step: 'city_review', regions };
    }
    case 'province':
      return userRegion === PROVINCE_CODE ? { step: 'province_review', regions: { prefix: '36' } } : null;
    case 'gongguanban':
      return userRegion === PROVINCE_CODE ? { step: 'gongguanban_review', regions: { prefix: '36' } } : null;
    default:
      return null;
  }
}

/**
 * Whether a user may act on the step a specialty review is at: each step belongs to one level, and the city step to
 * the city of the expert's registration. Null when allowed, otherwise the refusal.
 */
export function specialtyStepRefusal(state: string, role: Role, userRegion: string, registrationRegion: string): string | null {
  if (!isReviewStep(state)) return `当前状态为“${SPECIALTY_STATES[state as SpecialtyState] ?? state}”，已不在审核流程中`;
  const mine = specialtyStepOf(role, userRegion);
  const allowed = mine !== null && mine.step === state && inRegions(mine.regions, registrationRegion);
  return allowed ? null : `当前为“${SPECIALTY_STATES[state]}”，应由${STEP_OFFICE[state]}审核；不能越级或代为审核`;
}

/** Registrations: the city for its city and counties, the province for 省本级 (DOMAIN.md). */
export function expertReviewRefusal(
  role: Role,
  userRegion: string,
  registrationRegion: string,
  regionName: (code: string) => string = (code) => code,
): string | null {
  return canReviewExpert(role, userRegion, registrationRegion)
    ? null
    : registrationRegion === PROVINCE_CODE
      ? '注册地为省本级的专家由省采购监管处审核'
      : `注册地为${regionName(registrationRegion)}的专家由所在市的采购办审核`;
}
