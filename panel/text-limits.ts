import {
  buildFeature,
  ValidationError,
  type ActionContext,
  type ActionRequest,
  type Before,
  type FeatureType,
  type PropertyOptions,
  type ResourceOptions,
} from 'adminjs';
import type { AnyRecordDeclaration, FieldSpec } from '../db/record/field-types.js';
import { lengthLimitOf } from '../db/record/text-fields.js';
import { lengthRefusal } from '../domain/text-length.js';
import { FORM_REFUSED } from '../actions/form-refusal.js';
import { zhCN } from './locale/zh-CN.js';

interface Limited {
  readonly max: number;
  readonly word: string;
}

/**
 * The declared texts a form may fill in and their limits. Choices and references are left out: a value that is not
 * one of the choices or no record's key has its own refusal, which says more than its length would.
 */
export function lengthLimits(declaration: AnyRecordDeclaration | undefined): Map<string, Limited> {
  const limits = new Map<string, Limited>();
  for (const [name, spec] of Object.entries((declaration?.fields ?? {}) as Record<string, FieldSpec>)) {
    const max = spec.kind === 'choice' || spec.references ? undefined : lengthLimitOf(spec);
    const word = spec.label?.zh ?? (zhCN.properties as Record<string, string>)[name] ?? name;
    if (max !== undefined) limits.set(name, { max, word });
  }
  return limits;
}

/** What a form's text field needs to count as the server does and to say the same refusal (components/text-edit.tsx). */
export function textLimitProperties(declaration: AnyRecordDeclaration | undefined): Record<string, PropertyOptions> {
  return Object.fromEntries([...lengthLimits(declaration)].map(([name, { max, word }]) => [name, { custom: { maxLength: max, word } }]));
}

/**
 * The texts of a form post too long for their fields, one refusal each. A text that fits once its blanks at either end
 * are gone is stored without them, so the length counted is the length written and never the driver's refusal.
 */
function checkLengths(
  request: ActionRequest,
  limits: ReadonlyMap<string, Limited>,
): { request: ActionRequest; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (request.method !== 'post' || !request.payload) return { request, errors };
  const payload = { ...request.payload };
  for (const [name, { max, word }] of limits) {
    const value = payload[name];
    if (typeof value !== 'string') continue;
    const refusal = lengthRefusal(value, word, max);
    if (refusal) errors[name] = refusal;
    else if (value.length > max) payload[name] = value.trim();
  }
  return { request: { ...request, payload }, errors };
}

const asPropertyErrors = (errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, message]) => [k, { message }]));

/**
 * The length rule of every declared text, on every create and edit form, answered together with whatever else the
 * resource's own checks refuse: the features' `before` hooks of new and edit run as one, and a refusal from any of them
 * carries the too-long fields as well, so a form is never refused one fault at a time. The length is checked first so
 * a hook that rewrites the payload (parsing, trimming, hashing) cannot hide what was sent.
 */
export function wholeFormFeature(declaration: AnyRecordDeclaration | undefined, features: readonly FeatureType[]): FeatureType {
  const limits = lengthLimits(declaration);
  return (admin, previous = {}) => {
    const inner = features.reduce<ResourceOptions>((options, feature) => feature(admin, options), {});
    if (!limits.size) return buildFeature(inner)(admin, previous);
    const actions: Record<string, { before?: Before | Before[] }> = { ...inner.actions };
    for (const name of ['new', 'edit'] as const) {
      const action = actions[name];
      if (!action) continue;
      const hooks: Before[] = action.before ? [action.before].flat() : [];
      actions[name] = { ...action, before: [together(hooks, limits)] };
    }
    return buildFeature({ ...inner, actions: actions as ResourceOptions['actions'] })(admin, previous);
  };
}

function together(hooks: readonly Before[], limits: ReadonlyMap<string, Limited>): Before {
  return async (sent: ActionRequest, context: ActionContext): Promise<ActionRequest> => {
    const { request, errors } = checkLengths(sent, limits);
    const tooLong = asPropertyErrors(errors);
    let checked = request;
    try {
      for (const hook of hooks) checked = await hook(checked, context);
    } catch (error) {
      if (error instanceof ValidationError && Object.keys(tooLong).length)
        throw new ValidationError({ ...error.propertyErrors, ...tooLong }, error.baseError ?? { message: FORM_REFUSED });
      throw error;
    }
    if (Object.keys(tooLong).length) throw new ValidationError(tooLong, { message: FORM_REFUSED });
    return checked;
  };
}
