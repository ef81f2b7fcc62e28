import type { ActionContext, ActionRequest } from 'adminjs';
import { Op, type Transaction } from 'sequelize';
import { refuseForm } from '../../actions/form-refusal.js';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { effectiveSupplierStatus } from '../../domain/agreement-time-states.js';
import { validateCreditCode } from '../../domain/credit-code.js';
import { phoneRefusal } from '../../domain/phone-number.js';
import { calendarDayOf, chinaDay, NOT_A_DAY_MESSAGE } from '../../domain/dates.js';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { AGREEMENT_SUPPLIER } from '../../db/records/agreement-supplier.record.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { AgreementGoods } from '../../db/models/agreement/agreement-goods.model.js';
import { AgreementLibrary } from '../../db/models/agreement/agreement-library.model.js';
import { AgreementSupplier } from '../../db/models/agreement/agreement-supplier.model.js';
import { BiddingQuote } from '../../db/models/agreement/bidding-quote.model.js';
import { BiddingRecord } from '../../db/models/agreement/bidding-record.model.js';
import { libraryById, maintenanceRefusal } from '../../services/agreement/library-access.js';
import { runningBiddingWhere } from '../../services/agreement/running-biddings.js';
import { supplierStatusNow, timeDerivedStatusFeature } from './time-derived-status.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A day stays that day; a date-time (a page of an older panel) is taken as its day in China, not cut at its UTC date.
const dateOf = (value: unknown): string => {
  const given = String(value ?? '').trim();
  return calendarDayOf(given) ?? given.slice(0, 10);
};
/** Why a period end is no day: blank, or a day that does not exist (2026-02-30, which JS Dates roll over to March). */
const periodError = (day: string, blank: string): string | undefined =>
  !DATE.test(day) ? blank : calendarDayOf(day) === null ? NOT_A_DAY_MESSAGE : undefined;

/** Admitting a supplier: the owner's office, a valid credit code, a validity period, and not admitted twice. */
async function prepareNewSupplier(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  const payload = request.payload ?? {};
  const library = await libraryById(payload.libraryId);
  if (!library) refuseForm({ libraryId: '请选择商品库' });
  const refusal = maintenanceRefusal(user, library);
  if (refusal) refuseForm({ libraryId: refusal });
  const supplierName = String(payload.supplierName ?? '').trim();
  const creditCode = String(payload.creditCode ?? '').trim();
  const validFrom = dateOf(payload.validFrom);
  const validTo = dateOf(payload.validTo);
  const contactPhone = String(payload.contactPhone ?? '').trim();
  const errors: Record<string, string> = {};
  const phone = contactPhone ? phoneRefusal(contactPhone) : null;
  if (phone) errors.contactPhone = phone;
  if (!supplierName) errors.supplierName = '请填写供应商名称';
  else if (supplierName.length > 200) errors.supplierName = '供应商名称不能超过 200 个字';
  const code = validateCreditCode(creditCode);
  if (!code.valid) errors.creditCode = code.message!;
  const fromError = periodError(validFrom, '请填写协议有效期的开始日期');
  const toError = periodError(validTo, '请填写协议有效期的结束日期');
  if (fromError) errors.validFrom = fromError;
  if (toError) errors.validTo = toError;
  else if (!fromError && validTo < validFrom) errors.validTo = `结束日期 ${validTo} 早于开始日期 ${validFrom}`;
  if (Object.keys(errors).length) refuseForm(errors);
  const admitted = await AgreementSupplier.findOne({ where: { libraryId: library.id, creditCode, status: 'active' } });
  if (admitted) refuseForm({ creditCode: `该供应商已是“${library.name}”的协议供应商（${admitted.supplierName}）` });
  request.payload = {
    libraryId: library.id,
    libraryRegionCode: library.ownerRegionCode,
    supplierName,
    creditCode,
    validFrom,
    validTo,
    contactName: String(payload.contactName ?? '').trim() || null,
    // Stored masked, sealed with SM4 and indexed by the model (db/record/personal-fields.ts).
    contactPhone: contactPhone || null,
    // Admitted for a period already over, it is 已失效 from the start.
    status: effectiveSupplierStatus('active', validTo, new Date()),
    title: `${supplierName}（${library.name}）`,
  };
  return request;
}

/** Biddings still running (竞价中/报价中 and before their end time) in which the supplier has quoted. */
export async function openBiddingsOf(supplierId: number, transaction?: Transaction): Promise<BiddingRecord[]> {
  const quotes = await BiddingQuote.findAll({ where: { supplierId }, attributes: ['biddingId'], transaction });
  if (!quotes.length) return [];
  return BiddingRecord.findAll({
    where: { id: { [Op.in]: quotes.map((q) => q.biddingId) }, ...runningBiddingWhere(new Date()) },
    order: [['biddingNo', 'ASC']],
    transaction,
  });
}

const removeSupplier: SupervisoryActionSpec<AgreementSupplier> = {
  name: 'removeSupplier',
  label: '移除协议供应商',
  resourceId: 'AgreementSupplier',
  model: AgreementSupplier,
  // An expired supplier is still listed in the library and may be removed from it.
  from: ['active', 'expired'],
  stateLabels: choiceLabels(AGREEMENT_SUPPLIER.fields.status, 'zh'),
  reason: 'required',
  mayAct: (user, supplier) => maintenanceRefusal(user, { ownerRegionCode: supplier.libraryRegionCode }),
  inspect: async (supplier, _user, transaction) => {
    const open = await openBiddingsOf(supplier.id, transaction);
    const goods = await AgreementGoods.count({ where: { supplierId: supplier.id }, transaction });
    const library = await AgreementLibrary.findByPk(supplier.libraryId, { transaction });
    const details = [
      { label: '供应商', value: supplier.supplierName },
      { label: '商品库', value: library?.name ?? String(supplier.libraryId) },
      { label: '库中商品', value: `${goods} 件（移除后不能再被选用）` },
      {
        label: '进行中的竞价',
        value: open.length ? open.map((b) => `${b.biddingNo}（${b.projectName}）`).join('、') : '无',
        tone: open.length ? ('error' as const) : ('ok' as const),
      },
    ];
    if (open.length) {
      return {
        details,
        refusal: `该供应商正在参与 ${open.length} 个进行中的竞价，不能移除：${open.map((b) => `${b.biddingNo}（${b.projectName}）`).join('、')}。请待竞价结束后再移除`,
      };
    }
    return { details };
  },
  apply: (_supplier, { user, reason, now }) => ({ status: 'removed', removedAt: now, removedBy: user.username, removeReason: reason }),
  success: (supplier) => `已移除协议供应商 ${supplier.supplierName}`,
  icon: 'UserMinus',
  variant: 'danger',
};

/**
 * The suppliers goods may be added from today: not removed, and today within the validity period (the China day, as
 * the goods form's own check in agreement-goods.resource.ts compares it); an 已失效 one is not offered.
 */
export function choosableSupplierWhere(today = chinaDay()) {
  return { status: { [Op.ne]: 'removed' }, validFrom: { [Op.lte]: today }, validTo: { [Op.gte]: today } };
}

export const agreementSupplierResource: ResourceDefinition = {
  id: 'AgreementSupplier',
  model: AgreementSupplier,
  builtInActions: ['list', 'show', 'search', 'new'],
  choosable: () => choosableSupplierWhere(),
  virtualProperties: ['history'],
  related: [
    { resourceId: 'AgreementGoods', foreignKey: 'supplierId' },
    { resourceId: 'BiddingQuote', foreignKey: 'supplierId' },
  ],
  options: {
    titleProperty: 'title',
    properties: {
      libraryId: { reference: 'AgreementLibrary', isRequired: true },
      supplierName: { isRequired: true },
      creditCode: { isRequired: true },
      validFrom: { isRequired: true },
      validTo: { isRequired: true },
    },
    actions: { new: { before: [prepareNewSupplier] }, ...supervisoryActions(removeSupplier) },
  },
  features: [timeDerivedStatusFeature(supplierStatusNow)],
};
