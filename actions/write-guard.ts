import { buildFeature, ValidationError, type ActionContext, type ActionRequest, type FeatureType } from 'adminjs';
import { isWithin } from '../domain/jurisdiction.js';
import { sessionUserOf } from '../db/jurisdiction-scope.js';
import { regionLabel } from '../services/office-names.js';

type BeforeHook = (request: ActionRequest, context: ActionContext) => Promise<ActionRequest>;

/**
 * Reads are scoped by the adapter, but a form post names its own values: a region outside the user's subtree, or a
 * reference to a record the user cannot see, must be refused before anything is written.
 */
export function writeGuardFeature(regionField: string | null): FeatureType {
  const guard: BeforeHook = async (request, context) => {
    if (request.method !== 'post' || !request.payload) return request;
    const user = sessionUserOf(context);
    if (!user) throw new ValidationError({}, { message: '请先登录' });
    const errors: Record<string, { message: string }> = {};
    if (regionField && user.role !== 'admin' && regionField in request.payload) {
      const region = String(request.payload[regionField] ?? '');
      if (!isWithin(user.regionCode, region)) errors[regionField] = { message: `${regionLabel(region)}不在您的管辖范围内` };
    }
    for (const property of context.resource.decorate().getProperties({ where: 'edit' })) {
      const target = property.reference();
      const value = request.payload[property.propertyPath];
      if (!target || value === undefined || value === null || value === '') continue;
      if (!(await target.findOne(String(value), context))) {
        const explain = (target as { whyNotChoosable?: (id: string, c: ActionContext) => Promise<string> }).whyNotChoosable;
        const message = explain ? await explain.call(target, String(value), context) : `所选记录 ${String(value)} 不存在或不在您的辖区内`;
        errors[property.propertyPath] = { message };
      }
    }
    if (Object.keys(errors).length) throw new ValidationError(errors, { message: '提交的内容有误，未作任何修改' });
    return request;
  };
  return buildFeature({ actions: { new: { before: [guard] }, edit: { before: [guard] } } });
}
