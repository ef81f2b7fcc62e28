import type { ActionContext, ActionRequest } from 'adminjs';
import { refuseForm } from '../../actions/form-refusal.js';
import { CATEGORY_CODE, categoryParent } from '../../domain/agreement-catalogue.js';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { AgreementCategory } from '../../db/models/agreement/agreement-category.model.js';
import { AgreementGoods } from '../../db/models/agreement/agreement-goods.model.js';
import { libraryById, maintenanceRefusal } from '../../services/agreement/library-access.js';

/**
 * New categories are added top-down: under an existing category of the same library (or as A/B/C at the top), with a
 * code that extends its parent's, and never under a category that already holds goods.
 */
async function prepareNewCategory(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  const payload = request.payload ?? {};
  const library = await libraryById(payload.libraryId);
  if (!library) refuseForm({ libraryId: '请选择商品库' });
  const refusal = maintenanceRefusal(user, library);
  if (refusal) refuseForm({ libraryId: refusal });
  const code = String(payload.code ?? '')
    .trim()
    .toUpperCase();
  const name = String(payload.name ?? '').trim();
  const errors: Record<string, string> = {};
  if (!CATEGORY_CODE.test(code)) errors.code = '品目编码应以 A（货物）、B（工程）或 C（服务）开头，每级两位数字，例如 A02010104';
  if (!name) errors.name = '请填写品目名称';
  else if (name.length > 100) errors.name = '品目名称不能超过 100 个字';
  if (Object.keys(errors).length) refuseForm(errors);
  const siblings = await AgreementCategory.findAll({ where: { libraryId: library.id } });
  if (siblings.some((c) => c.code === code)) refuseForm({ code: `该商品库已有品目 ${code}` });
  const parentCode = categoryParent(code);
  const parent = parentCode ? siblings.find((c) => c.code === parentCode) : undefined;
  if (parentCode && !parent) refuseForm({ code: `请先建立上级品目 ${parentCode}：品目须从上往下依次新增` });
  if (parent) {
    const goods = await AgreementGoods.count({ where: { categoryId: parent.id } });
    if (goods) refuseForm({ code: `上级品目 ${parent.code} ${parent.name} 下已有 ${goods} 件商品，不能再增加下级品目` });
  }
  request.payload = {
    libraryId: library.id,
    libraryRegionCode: library.ownerRegionCode,
    code,
    name,
    parentCode: parent?.code ?? null,
    level: parent ? parent.level + 1 : 1,
    isLeaf: true,
    title: `${code} ${name}（${library.name}）`,
  };
  return request;
}

export const agreementCategoryResource: ResourceDefinition = {
  id: 'AgreementCategory',
  model: AgreementCategory,
  builtInActions: ['list', 'show', 'search', 'new'],
  // Goods, the only form that chooses a category, go under a leaf alone.
  choosable: () => ({ isLeaf: true }),
  virtualProperties: ['history'],
  related: [{ resourceId: 'AgreementGoods', foreignKey: 'categoryId' }],
  options: {
    titleProperty: 'title',
    properties: { libraryId: { reference: 'AgreementLibrary', isRequired: true }, code: { isRequired: true }, name: { isRequired: true } },
    actions: { new: { before: [prepareNewCategory] } },
  },
};
