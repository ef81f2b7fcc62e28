import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { pendingFilters, pendingWhere } from '../../db/record/pending-work.js';
import { AFFILIATION } from '../../db/records/affiliation.record.js';
import { FAILED_TENDER_HANDLING } from '../../db/records/failed-tender-handling.record.js';
import { PRE_AWARD_ANOMALY } from '../../db/records/pre-award-anomaly.record.js';
import { EXPERT } from '../../db/records/expert.record.js';
import { IMPORT_PRODUCT_REQUEST } from '../../db/records/import-product-request.record.js';
import { METHOD_CHANGE_REQUEST } from '../../db/records/method-change-request.record.js';
import { INTEGRATION_INBOX } from '../../db/records/integration-inbox.record.js';
import { PAYMENT_APPLICATION } from '../../db/records/payment-application.record.js';
import { PROCUREMENT_UNIT } from '../../db/records/procurement-unit.record.js';
import type { Role } from '../../domain/jurisdiction.js';
import { specialtyStepOf } from '../../domain/expert-review.js';
import type { JurisdictionKind } from '../../db/jurisdiction-kind.js';
import { jurisdictionWhere, type SessionUser } from '../../db/jurisdiction-scope.js';
import {
  Affiliation,
  ContractFiling,
  Expert,
  ExpertSpecialtyReview,
  FailedTenderHandling,
  ImportProductRequest,
  IntegrationInbox,
  MethodChangeRequest,
  PaymentApplication,
  PreAwardAnomaly,
  ProcurementUnit,
} from '../../db/models.js';
import { Escalation } from '../../db/models/system/escalation.model.js';
import { decidableRuleFor } from '../decidable-records.js';
import { DECIDABLE_FILTER } from '../adapter/jurisdiction-resource.js';

export interface PendingCard {
  /** `count` is what this user may decide (its list: `href`); `watching` what waits in their jurisdiction for another office. */
  key: string;
  label: string;
  count: number;
  overdue: number;
  href: string;
  watching: number;
  watchHref: string;
  /** Whether these records have a time limit at all (so 0 overdue means something). */
  hasDeadline: boolean;
}

type Scoped = ModelStatic<Model> & { jurisdiction: JurisdictionKind };

interface CardDef {
  key: string;
  label: string;
  model: Scoped;
  resourceId: string;
  /** What waits, beyond the user's jurisdiction; null when the card does not apply to this user. */
  where: (user: SessionUser) => WhereOptions | null;
  /** The list filters that show the same records. */
  filters: (user: SessionUser) => Record<string, string>;
  roles?: readonly Role[];
}

/** The step of the specialty review chain this user reviews (domain/expert-review.ts), or none. */
const reviewStepOf = (user: SessionUser): string | undefined => specialtyStepOf(user.role, user.regionCode)?.step;
const always = (where: WhereOptions) => () => where;
const fixed = (filters: Record<string, string>) => () => filters;
const scoped = (model: unknown) => model as Scoped;

/** The workbench's cards, in the order a supervisor works through them. Each counts what its list shows. */
const CARDS: readonly CardDef[] = [
  {
    key: 'unitReview',
    label: '待审核采购单位',
    model: ProcurementUnit,
    resourceId: 'ProcurementUnit',
    where: always(pendingWhere(PROCUREMENT_UNIT)),
    filters: fixed(pendingFilters(PROCUREMENT_UNIT)),
  },
  {
    key: 'budgetCodeMismatch',
    label: '单位预算编码不一致',
    model: ProcurementUnit,
    resourceId: 'BudgetCodeCheck',
    where: always({ budgetCodeVerdict: { [Op.ne]: 'match' }, ...pendingWhere(PROCUREMENT_UNIT) }),
    filters: fixed(pendingFilters(PROCUREMENT_UNIT)),
  },
  {
    key: 'affiliations',
    label: '待确认的隶属关系',
    model: Affiliation,
    resourceId: 'Affiliation',
    where: always(pendingWhere(AFFILIATION)),
    filters: fixed(pendingFilters(AFFILIATION)),
  },
  {
    key: 'failedTender',
    label: '招标方式废标待确认',
    model: FailedTenderHandling,
    resourceId: 'FailedTenderHandling',
    where: always({ ...pendingWhere(FAILED_TENDER_HANDLING), originalMethod: 'public_tender' }),
    filters: fixed(pendingFilters(FAILED_TENDER_HANDLING)),
  },
  {
    key: 'nonTenderFailed',
    label: '非招标方式废标待确认',
    model: FailedTenderHandling,
    resourceId: 'NonTenderFailedHandling',
    where: always({ ...pendingWhere(FAILED_TENDER_HANDLING), originalMethod: { [Op.ne]: 'public_tender' } }),
    filters: fixed(pendingFilters(FAILED_TENDER_HANDLING)),
  },
  {
    key: 'preAward',
    label: '预中标（成交）异常待确认',
    model: PreAwardAnomaly,
    resourceId: 'PreAwardAnomaly',
    where: always(pendingWhere(PRE_AWARD_ANOMALY)),
    filters: fixed(pendingFilters(PRE_AWARD_ANOMALY)),
  },
  {
    key: 'payments',
    label: '待审核支付申请',
    model: PaymentApplication,
    resourceId: 'PaymentApplication',
    where: always(pendingWhere(PAYMENT_APPLICATION)),
    filters: fixed(pendingFilters(PAYMENT_APPLICATION)),
  },
  {
    key: 'specialtyReview',
    label: '待本级审核的评标专业',
    model: ExpertSpecialtyReview,
    resourceId: 'ExpertSpecialtyReview',
    where: (user) => (reviewStepOf(user) ? { state: reviewStepOf(user)! } : null),
    filters: (user) => ({ state: reviewStepOf(user) ?? '' }),
  },
  {
    key: 'expertReview',
    label: '待审核专家',
    model: Expert,
    resourceId: 'Expert',
    where: always(pendingWhere(EXPERT)),
    filters: fixed(pendingFilters(EXPERT)),
  },
  {
    key: 'methodChange',
    label: '待审批采购方式变更',
    model: MethodChangeRequest,
    resourceId: 'MethodChangeRequest',
    where: always(pendingWhere(METHOD_CHANGE_REQUEST)),
    filters: fixed(pendingFilters(METHOD_CHANGE_REQUEST)),
  },
  {
    key: 'importProduct',
    label: '待审核进口产品',
    model: ImportProductRequest,
    resourceId: 'ImportProductRequest',
    where: always(pendingWhere(IMPORT_PRODUCT_REQUEST)),
    filters: fixed(pendingFilters(IMPORT_PRODUCT_REQUEST)),
  },
  {
    key: 'pushable',
    label: '可推送未推送的合同备案',
    model: scoped(ContractFiling),
    resourceId: 'ManualPushFiling',
    where: always({ status: 'filed', pushVerdict: 'pushable', pushRoute: { [Op.in]: ['manual', 'legacy'] }, pushStatus: 'not_pushed' }),
    filters: fixed({ pushVerdict: 'pushable', pushStatus: 'not_pushed' }),
  },
  {
    key: 'pushFailed',
    label: '推送失败的合同备案',
    model: scoped(ContractFiling),
    resourceId: 'ManualPushFiling',
    where: always({ status: 'filed', pushStatus: 'failed' }),
    filters: fixed({ pushStatus: 'failed' }),
  },
  {
    key: 'inboxFailed',
    label: '处理失败的接收批次',
    model: IntegrationInbox,
    resourceId: 'IntegrationInbox',
    where: always(pendingWhere(INTEGRATION_INBOX)),
    filters: fixed(pendingFilters(INTEGRATION_INBOX)),
    roles: ['admin'],
  },
];

/** The filters each resource's list is opened with from the workbench (they must stay allowed there). */
export function workbenchFilterKeys(): Array<{ resourceId: string; key: string }> {
  const anyone = { role: 'province' } as SessionUser;
  return [
    ...CARDS.flatMap((card) =>
      [...Object.keys(card.filters(anyone)), DECIDABLE_FILTER].map((key) => ({ resourceId: card.resourceId, key })),
    ),
    { resourceId: 'Escalation', key: 'resolved' },
  ];
}

const query = (filters: Record<string, string>): string =>
  Object.entries(filters)
    .map(([k, v]) => `filters.${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/**
 * Counts under the same jurisdiction rule as the lists, split into what the user may decide and what they only
 * watch, by the rule of the card's decisions; a card the user's role does not use is left out.
 */
export async function pendingWork(user: SessionUser): Promise<PendingCard[]> {
  const cards: PendingCard[] = [];
  for (const card of CARDS) {
    if (card.roles && !card.roles.includes(user.role)) continue;
    const scope = jurisdictionWhere(card.model.jurisdiction, user);
    const where = card.where(user);
    if (scope === null || where === null) continue;
    const mine = decidableRuleFor(card.resourceId)(user);
    const base = { [Op.and]: [scope, where] };
    const decidable = mine === null ? null : { [Op.and]: [base, mine] };
    const hasOverdue = 'overdue' in card.model.getAttributes();
    const [all, count, overdue] = await Promise.all([
      card.model.count({ where: base }),
      decidable ? card.model.count({ where: decidable }) : Promise.resolve(0),
      hasOverdue && decidable ? card.model.count({ where: { [Op.and]: [decidable, { overdue: true }] } }) : Promise.resolve(0),
    ]);
    const filters = card.filters(user);
    cards.push({
      key: card.key,
      label: card.label,
      count,
      overdue,
      hasDeadline: hasOverdue,
      href: `/admin/resources/${card.resourceId}?${query({ ...filters, [DECIDABLE_FILTER]: 'true' })}`,
      watching: all - count,
      watchHref: `/admin/resources/${card.resourceId}?${query({ ...filters, [DECIDABLE_FILTER]: 'false' })}`,
    });
  }
  // Escalations are addressed to one office, not to a subtree: a city sees what its counties let run over.
  if (user.role === 'city' || user.role === 'province') {
    const count = await Escalation.count({ where: { escalatedTo: user.regionCode, resolved: false } });
    const href = `/admin/resources/Escalation?filters.resolved=false`;
    cards.push({ key: 'escalated', label: '下级超期上报', count, overdue: count, hasDeadline: true, href, watching: 0, watchHref: href });
  }
  return cards;
}
