import { ValidationError } from 'adminjs';

export const FORM_REFUSED = '提交的内容有误，未作任何修改';

/** Stops a form post: one Chinese message per bad field, shown under the field, and nothing written. */
export function refuseForm(errors: Record<string, string>, message = FORM_REFUSED): never {
  throw new ValidationError(Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, { message: m }])), { message });
}
