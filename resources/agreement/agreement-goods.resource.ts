import type { ActionContext, ActionRequest } from 'adminjs';
import { refuseForm } from '../../actions/form-refusal.js';
import { effectiveBiddingStatus } from '../../domain/agreement-time-states.js';
import { chinaDay } from '../../domain/dates.js';
import { normalAmount } from '../../domain/money.js';
import { declaredAmountRefusal } from '../../db/record/amount-fields.js';
import { AGREEMENT_GOODS } from '../../db/records/agreement-goods.record.js';
import { sessionUserOf, type SessionUser } from '../../db/jurisdiction-scope.js';
import { moneyProperty } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { AgreementCategory } from '../../db/models/agreement/agreement-category.model.js';
import { AgreementGoods } from '../../db/models/agreement/agreement-goods.model.js';
import { AgreementLibrary } from '../../db/models/agreement/agreement-library.model.js';
import { AgreementSupplier } from '../../db/models/agreement/agreement-supplier.model.js';
import { BiddingRecord } from '../../db/models/agreement/bidding-record.model.js';
import { maintenanceRefusal } from '../../services/agreement/library-access.js';

const today = (): string => chinaDay();

/**
 * Goods go under a leaf category that exists in the library, from a supplier admitted to the same library and
 * valid today; the library is the category's, never a separate choice that could disagree with it. Every bad field is
 * named in one answer: a refused form should not reveal its faults one submit at a time.
 */
async function checkedGoods(payload: Record<string, unknown>, user: SessionUser): Promise<Record<string, unknown>> {
  const errors: Record<string, string> = {};
  const categoryId = Number(payload.categoryId);
  const category = Number.isInteger(categoryId) && categoryId > 0 ? await AgreementCategory.findByPk(categoryId) : null;
  const library = category ? await AgreementLibrary.findByPk(category.libraryId) : null;
  if (!category || !library) errors.categoryId = '请选择品目';
  else if (!category.isLeaf) errors.categoryId = `品目 ${category.code} ${category.name} 下还有下级品目，商品只能加在最末级品目下`;
  else {
    const refusal = maintenanceRefusal(user, library);
    if (refusal) errors.categoryId = refusal;
  }
  const supplierId = Number(payload.supplierId);
  const supplier = Number.isInteger(supplierId) && supplierId > 0 ? await AgreementSupplier.findByPk(supplierId) : null;
  if (!supplier) errors.supplierId = '请选择协议供应商';
  else if (library && supplier.libraryId !== library.id) errors.supplierId = `${supplier.supplierName} 不是“${library.name}”的协议供应商`;
  // 已失效 (stored or not yet) is answered by the validity check below, with the dates.
  else if (supplier.status === 'removed') errors.supplierId = `${supplier.supplierName} 已被移除，不能再供应商品`;
  else if (supplier.validTo < today() || supplier.validFrom > today())
    errors.supplierId = `${supplier.supplierName} 的协议有效期为 ${supplier.validFrom} 至 ${supplier.validTo}，今天不在有效期内`;
  // Their lengths are the declaration's, checked for every form by panel/text-limits.ts before this runs.
  const text = (key: string, label: string): string => {
    const value = String(payload[key] ?? '').trim();
    if (!value) errors[key] = `请填写${label}`;
    return value;
  };
  const name = text('name', '商品名称');
  const brand = text('brand', '品牌');
  const modelNo = text('modelNo', '型号');
  const priceRefusal = declaredAmountRefusal(AGREEMENT_GOODS.fields.unitPrice, payload.unitPrice);
  if (priceRefusal) errors.unitPrice = priceRefusal;
  if (Object.keys(errors).length) refuseForm(errors);
  return {
    libraryId: library!.id,
    libraryRegionCode: library!.ownerRegionCode,
    categoryId: category!.id,
    supplierId: supplier!.id,
    name,
    brand,
    modelNo,
    unitPrice: normalAmount(payload.unitPrice),
    specification: String(payload.specification ?? '').trim() || null,
  };
}

async function prepareNewGoods(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  request.payload = { ...(await checkedGoods(request.payload ?? {}, user)), createdBy: user.username };
  return request;
}

async function prepareEditGoods(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  const current = context.record!.params as { libraryRegionCode: string };
  const refusal = maintenanceRefusal(user, { ownerRegionCode: current.libraryRegionCode });
  if (refusal) refuseForm({}, refusal);
  request.payload = await checkedGoods(request.payload ?? {}, user);
  return request;
}

/** 删除商品: the owner's office only, and not while a bidding (running or finished) names these goods. */
async function guardDeleteGoods(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  const records = context.records ?? (context.record ? [context.record] : []);
  for (const record of records) {
    const params = record.params as { id: number; name: string; libraryRegionCode: string };
    const refusal = maintenanceRefusal(user, { ownerRegionCode: params.libraryRegionCode });
    if (refusal) refuseForm({}, refusal);
    const used = await BiddingRecord.findAll({
      where: { goodsId: params.id },
      attributes: ['biddingNo', 'status', 'endAt'],
      order: [['biddingNo', 'ASC']],
    });
    const now = new Date();
    const open = used.filter((b) => ['bidding', 'quoting'].includes(effectiveBiddingStatus(b.status, b.endAt, now)));
    if (open.length) refuseForm({}, `商品“${params.name}”正在进行中的竞价中使用，不能删除：${open.map((b) => b.biddingNo).join('、')}`);
    // A finished bidding keeps naming the goods it was held for, so they stay too (and the database would refuse).
    if (used.length) refuseForm({}, `商品“${params.name}”已用于竞价记录 ${used.map((b) => b.biddingNo).join('、')}，须保留，不能删除`);
  }
  return request;
}

export const agreementGoodsResource: ResourceDefinition = {
  id: 'AgreementGoods',
  model: AgreementGoods,
  builtInActions: ['list', 'show', 'search', 'new', 'edit', 'delete'],
  virtualProperties: ['history'],
  options: {
    titleProperty: 'name',
    properties: {
      libraryId: { reference: 'AgreementLibrary' },
      categoryId: { reference: 'AgreementCategory', isRequired: true },
      supplierId: { reference: 'AgreementSupplier', isRequired: true },
      unitPrice: { ...moneyProperty(AGREEMENT_GOODS.fields.unitPrice), isRequired: true },
      name: { isRequired: true },
      brand: { isRequired: true },
      modelNo: { isRequired: true },
      specification: { type: 'textarea' },
    },
    actions: {
      new: { before: [prepareNewGoods] },
      edit: { before: [prepareEditGoods] },
      delete: { before: [guardDeleteGoods] },
    },
  },
};
