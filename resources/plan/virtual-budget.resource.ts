import { randomUUID } from 'node:crypto';
import type { ActionContext, ActionRequest } from 'adminjs';
import { refuseForm } from '../../actions/form-refusal.js';
import { canAct } from '../../domain/jurisdiction.js';
import { FUND_SOURCES, parseVirtualBudgetInput } from '../../domain/virtual-budget.js';
import { ProcurementUnit } from '../../db/models/entities/procurement-unit.model.js';
import { UNIT_NOT_APPROVED } from '../entities/procurement-unit.resource.js';
import { sessionUserOf, type SessionUser } from '../../db/jurisdiction-scope.js';
import { moneyProperty } from '../property-types.js';
import { precisionOf } from '../../db/record/amount-fields.js';
import { VIRTUAL_BUDGET } from '../../db/records/virtual-budget.record.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { VirtualBudget } from '../../db/models/plan/virtual-budget.model.js';
import { regionLabel } from '../../services/office-names.js';

function mayActOn(user: SessionUser, regionCode: string): string | null {
  return canAct(user.role, user.regionCode, regionCode)
    ? null
    : `您（${user.regionName}）只能为本辖区的采购单位新增或修改预算，该单位属于${regionLabel(regionCode)}`;
}

/**
 * 新增预算: the unit decides the region (never the form), only approved units in the user's own region qualify, and
 * the five scenarios are the only reasons a virtual budget may exist.
 */
async function prepareNew(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  const payload = request.payload ?? {};
  const parsed = parseVirtualBudgetInput(payload, precisionOf(VIRTUAL_BUDGET.fields.amount));
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  const unitId = Number(payload.procurementUnitId);
  const unit = Number.isInteger(unitId) && unitId > 0 ? await ProcurementUnit.findByPk(unitId) : null;
  if (!payload.procurementUnitId) errors.procurementUnitId = '请选择采购单位';
  else if (!unit) errors.procurementUnitId = `所选记录 ${String(payload.procurementUnitId)} 不存在或不在您的辖区内`;
  else if (!unit.formalMember) errors.procurementUnitId = UNIT_NOT_APPROVED;
  else {
    const refusal = mayActOn(user, unit.regionCode);
    if (refusal) errors.procurementUnitId = refusal;
  }
  if (!parsed.ok || Object.keys(errors).length) refuseForm(errors);
  request.payload = {
    ...parsed.value,
    procurementUnitId: unit!.id,
    regionCode: unit!.regionCode,
    createdBy: user.username,
    // Replaced by the real number once the row has an id (see the model's afterCreate); unique meanwhile.
    budgetNo: `pending-${randomUUID().replaceAll('-', '')}`,
  };
  return request;
}

async function prepareEdit(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post') return request;
  const user = sessionUserOf(context)!;
  const current = context.record!.params as Record<string, unknown>;
  if (current.linkedBudgetLineId) {
    refuseForm({}, `该新增预算已由采购单位关联一体化指标 ${String(current.linkedBudgetLineId)}，不能再修改`);
  }
  const regionRefusal = mayActOn(user, String(current.regionCode));
  if (regionRefusal) refuseForm({}, regionRefusal);
  const payload = request.payload ?? {};
  const parsed = parseVirtualBudgetInput(payload, precisionOf(VIRTUAL_BUDGET.fields.amount));
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  if (payload.procurementUnitId !== undefined && String(payload.procurementUnitId) !== String(current.procurementUnitId)) {
    errors.procurementUnitId = '采购单位在新增后不能修改；如选错单位，请为正确的单位另行新增预算';
  }
  if (!parsed.ok || Object.keys(errors).length) refuseForm(errors);
  request.payload = { ...parsed.value, version: Number(current.version ?? 0) + 1 };
  return request;
}

export const virtualBudgetResource: ResourceDefinition = {
  id: 'VirtualBudget',
  model: VirtualBudget,
  builtInActions: ['list', 'show', 'search', 'new', 'edit'],
  virtualProperties: ['history'],
  related: [
    { resourceId: 'ContractFiling', foreignKey: 'virtualBudgetId' },
    { resourceId: 'ProjectBudgetLine', foreignKey: 'budgetNo', localKey: 'budgetNo' },
  ],
  options: {
    titleProperty: 'projectName',
    properties: {
      procurementUnitId: { reference: 'FormalMemberUnit', isRequired: true },
      amount: { ...moneyProperty(VIRTUAL_BUDGET.fields.amount), isRequired: true },
      fundSource: { availableValues: FUND_SOURCES.map((v) => ({ value: v, label: v })), isRequired: true },
      scenario: { isRequired: true },
      category: { isRequired: true },
      fiscalYear: { isRequired: true },
      projectName: { isRequired: true },
      remark: { type: 'textarea' },
    },
    actions: {
      new: { before: [prepareNew] },
      edit: { before: [prepareEdit] },
    },
  },
};
