import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { pendingFilters, pendingWhere, type PendingRecord } from '../../db/record/pending-work.js';
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

/**
 * A card for a record that declares what is pending (db/records): its count is the declaration's pending rows, its
 * link the same filters; `narrow` splits one record's pending rows over several cards (tender or not).
 */
function pendingCard(
  key: string,
  label: string,
  model: Scoped,
  declaration: PendingRecord,
  resourceId = declaration.name,
  narrow: WhereOptions = {},
): CardDef {
  return {
    key,
    label,
    model,
    resourceId,
    where: always({ ...pendingWhere(declaration), ...narrow }),
    filters: fixed(pendingFilters(declaration)),
  };
}

/** The workbench's cards, in the order a supervisor works through them. Each counts what its list shows. */
const CARDS: readonly CardDef[] = [
  pendingCard('unitReview', '待审核采购单位', ProcurementUnit, PROCUREMENT_UNIT),
  pendingCard('budgetCodeMismatch', '单位预算编码不一致', ProcurementUnit, PROCUREMENT_UNIT, 'BudgetCodeCheck', {
    budgetCodeVerdict: { [Op.ne]: 'match' },
  }),
  pendingCard('affiliations', '待确认的隶属关系', Affiliation, AFFILIATION),
  pendingCard('failedTender', '招标方式废标待确认', FailedTenderHandling, FAILED_TENDER_HANDLING, 'FailedTenderHandling', {
    originalMethod: 'public_tender',
  }),
  pendingCard('nonTenderFailed', '非招标方式废标待确认', FailedTenderHandling, FAILED_TENDER_HANDLING, 'NonTenderFailedHandling', {
    originalMethod: { [Op.ne]: 'public_tender' },
  }),
  pendingCard('preAward', '预中标（成交）异常待确认', PreAwardAnomaly, PRE_AWARD_ANOMALY),
  pendingCard('payments', '待审核支付申请', PaymentApplication, PAYMENT_APPLICATION),
  {
    key: 'specialtyReview',
    label: '待本级审核的评标专业',
    model: ExpertSpecialtyReview,
    resourceId: 'ExpertSpecialtyReview',
    where: (user) => (reviewStepOf(user) ? { state: reviewStepOf(user)! } : null),
    filters: (user) => ({ state: reviewStepOf(user) ?? '' }),
  },
  pendingCard('expertReview', '待审核专家', Expert, EXPERT),
  pendingCard('methodChange', '待审批采购方式变更', MethodChangeRequest, METHOD_CHANGE_REQUEST),
  pendingCard('importProduct', '待审核进口产品', ImportProductRequest, IMPORT_PRODUCT_REQUEST),
  {
    key: 'pushable',
    label: '可推送未推送的合同备案',
    model: ContractFiling,
    resourceId: 'ManualPushFiling',
    where: always({ status: 'filed', pushVerdict: 'pushable', pushRoute: { [Op.in]: ['manual', 'legacy'] }, pushStatus: 'not_pushed' }),
    filters: fixed({ pushVerdict: 'pushable', pushStatus: 'not_pushed' }),
  },
  {
    key: 'pushFailed',
    label: '推送失败的合同备案',
    model: ContractFiling,
    resourceId: 'ManualPushFiling',
    where: always({ status: 'filed', pushStatus: 'failed' }),
    filters: fixed({ pushStatus: 'failed' }),
  },
  { ...pendingCard('inboxFailed', '处理失败的接收批次', IntegrationInbox, INTEGRATION_INBOX), roles: ['admin'] },
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
