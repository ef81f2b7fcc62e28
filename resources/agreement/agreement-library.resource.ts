import type { ActionContext, ActionRequest } from 'adminjs';
import { refuseForm } from '../../actions/form-refusal.js';
import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { catalogueTree } from '../../domain/agreement-catalogue.js';
import { addMissingCategories, missingCategories } from '../../services/agreement/category-initialisation.js';
import { libraryCreationRefusal } from '../../domain/agreement-library.js';
import { canAct } from '../../domain/jurisdiction.js';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { AgreementGoods } from '../../db/models/agreement/agreement-goods.model.js';
import { AgreementLibrary } from '../../db/models/agreement/agreement-library.model.js';
import { maintenanceRefusal } from '../../services/agreement/library-access.js';

/**
 * 建立商品库: always for the user's own region. A county that builds one works only in its own from then on, so
 * the form says so before saving.
 */
async function prepareNewLibrary(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  const owners = new Set((await AgreementLibrary.findAll({ attributes: ['ownerRegionCode'] })).map((l) => l.ownerRegionCode));
  const refusal = !canAct(user.role, user.regionCode, user.regionCode)
    ? '您的角色不能建立商品库'
    : libraryCreationRefusal(user.regionCode, (region) => owners.has(region));
  if (refusal) refuseForm({}, refusal);
  const name = String(request.payload?.name ?? '').trim() || `${user.regionName}协议商品库`;
  if (name.length > 100) refuseForm({ name: '商品库名称不能超过 100 个字' });
  request.payload = { name, ownerRegionCode: user.regionCode, createdBy: user.username };
  return request;
}

const initializeCategories: SupervisoryActionSpec<AgreementLibrary> = {
  name: 'initializeCategories',
  label: '初始化品目',
  resourceId: 'AgreementLibrary',
  model: AgreementLibrary,
  statusField: null,
  from: [],
  stateLabels: {},
  reason: 'none',
  mayAct: (user, library) => maintenanceRefusal(user, library),
  inspect: async (library, _user, transaction) => {
    const goods = await AgreementGoods.count({ where: { libraryId: library.id }, transaction });
    const missing = await missingCategories(library, transaction);
    const total = catalogueTree().length;
    const details = [
      { label: '商品库', value: library.name },
      { label: '标准品目', value: `${total} 个` },
      {
        label: '需新增',
        value: missing.length ? `${missing.length} 个` : '0 个（品目已完整，再次初始化不会新增）',
        tone: missing.length ? ('ok' as const) : ('warn' as const),
      },
      { label: '库中商品', value: `${goods} 件`, tone: goods ? ('error' as const) : ('ok' as const) },
    ];
    if (goods) return { details, refusal: `该商品库已有 ${goods} 件商品，不能初始化品目；请在“品目”中逐个维护` };
    return { details };
  },
  apply: (_library, { now }) => ({ categoriesInitializedAt: now }),
  within: async (library, transaction) => {
    await addMissingCategories(library, transaction);
  },
  success: (library) => `“${library.name}”的品目已按标准目录初始化`,
  icon: 'GitBranch',
  variant: 'primary',
};

export const agreementLibraryResource: ResourceDefinition = {
  id: 'AgreementLibrary',
  model: AgreementLibrary,
  builtInActions: ['list', 'show', 'search', 'new'],
  virtualProperties: ['history'],
  related: [
    { resourceId: 'AgreementCategory', foreignKey: 'libraryId' },
    { resourceId: 'AgreementSupplier', foreignKey: 'libraryId' },
    { resourceId: 'AgreementGoods', foreignKey: 'libraryId' },
    { resourceId: 'BiddingRecord', foreignKey: 'libraryId' },
  ],
  options: {
    titleProperty: 'name',
    properties: {
      name: { description: '县（区）建立本级商品库后，只能使用本级的库，不再使用市级商品库。' },
    },
    actions: {
      new: { before: [prepareNewLibrary] },
      ...supervisoryActions(initializeCategories),
    },
  },
};
